import type { Store } from '../store';
import * as q from '../store/auth';
import { generateToken, hashToken } from '../tokens';

export const SESSION_COOKIE = 'wc_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL = 30 * DAY;
/** Sliding expiry: a session used in its second half is pushed back out to the full TTL. */
export const SESSION_RENEW_WITHIN = 15 * DAY;

export interface SessionTrainer {
	id: string;
	email: string;
	name: string;
}
export interface ValidSession {
	id: string;
	trainerId: string;
	expiresAt: number;
	/** True when this validation extended the expiry: the cookie must be re-sent. */
	renewed: boolean;
}

export async function createSession(s: Store, trainerId: string, now = Date.now()) {
	const token = generateToken();
	const session = { id: hashToken(token), trainerId, expiresAt: now + SESSION_TTL };
	await q.insertSession(s, session);
	return { token, session };
}

export async function validateSessionToken(
	s: Store,
	token: string,
	now = Date.now()
): Promise<{ session: ValidSession; trainer: SessionTrainer } | null> {
	const id = hashToken(token);
	const row = await q.sessionWithTrainer(s, id);
	if (!row) return null;
	if (now >= row.expiresAt) {
		await q.deleteSession(s, id);
		return null;
	}
	let { expiresAt } = row;
	const renewed = now >= expiresAt - SESSION_RENEW_WITHIN;
	if (renewed) {
		expiresAt = now + SESSION_TTL;
		await q.extendSession(s, id, expiresAt);
	}
	return {
		session: { id, trainerId: row.trainerId, expiresAt, renewed },
		trainer: { id: row.trainerId, email: row.email, name: row.name }
	};
}

export async function invalidateSession(s: Store, sessionId: string): Promise<void> {
	await q.deleteSession(s, sessionId);
}

/** Reads one cookie from a raw Cookie header (the socket handshake has no SvelteKit helpers). */
export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eqAt = part.indexOf('=');
		if (eqAt < 0) continue;
		if (part.slice(0, eqAt).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eqAt + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}
