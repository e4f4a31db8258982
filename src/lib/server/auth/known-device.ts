import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';

/**
 * "This browser has signed in to this account before": a cookie the sign-in page reads to let the
 * right password through while a stranger's wrong guesses are slowing that account down (the
 * lockout a guesser could otherwise impose on a trainer mid-workshop).
 *
 * Each entry is `trainerId.nonce.mac`, the MAC keyed with the account's password hash: a server-only
 * secret that needs no key file, and changing the password forgets every known browser. The cookie
 * only ever skips the wait; the password is still checked.
 */
export const KNOWN_DEVICE_COOKIE = 'wc_device';
/** A few accounts per browser (a shared training-room laptop), the newest first. */
const MAX_ENTRIES = 4;
const YEAR_MS = 365 * 24 * 60 * 60_000;

interface Account {
	id: string;
	passwordHash: string;
}

function mac(account: Account, nonce: string): string {
	return createHmac('sha256', account.passwordHash)
		.update(`known-device|${account.id}|${nonce}`)
		.digest('base64url');
}

function entries(cookies: Cookies): string[] {
	return (cookies.get(KNOWN_DEVICE_COOKIE) ?? '').split('~').filter(Boolean).slice(0, MAX_ENTRIES);
}

/** The verified entry for this account, or null: a forged, stale or other account's entry is ignored. */
export function knownDeviceFor(cookies: Cookies, account: Account): string | null {
	for (const entry of entries(cookies)) {
		const [id, nonce, given] = entry.split('.');
		if (id !== account.id || !nonce || !given) continue;
		const want = Buffer.from(mac(account, nonce));
		const got = Buffer.from(given);
		if (got.length === want.length && timingSafeEqual(got, want)) return entry;
	}
	return null;
}

/** After a successful sign-in or sign-up: remember this browser for this account. */
export function rememberDevice(cookies: Cookies, account: Account, secure: boolean): void {
	const nonce = randomBytes(12).toString('base64url');
	const mine = `${account.id}.${nonce}.${mac(account, nonce)}`;
	const others = entries(cookies).filter((e) => !e.startsWith(`${account.id}.`));
	cookies.set(KNOWN_DEVICE_COOKIE, [mine, ...others].slice(0, MAX_ENTRIES).join('~'), {
		// Only the sign-in page needs it.
		path: '/login',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(Date.now() + YEAR_MS)
	});
}
