import { Sweeper } from '../sweep';

/**
 * Wrong passwords slow an account down instead of locking it (OWASP ASVS 2.2.1 allows "ever
 * increasing delays"; a hard lockout let anyone lock a trainer out mid-workshop with 8 guesses):
 * - the first FREE_FAILURES attempts are free; after that each attempt waits twice as long as the
 *   last, from 1 second up to a minute, so an account sees at most about 70 guesses an hour
 *   (ASVS asks for no more than 100);
 * - a browser that has signed in to the account before (the known-device cookie) skips that wait
 *   with the right password, so a stranger's guesses never keep the trainer out; it has its own
 *   small allowance of wrong passwords, so a stolen cookie is no way around the delay.
 * An attempt is counted before the (slow) password check, so parallel guesses cannot all slip in
 * at once; a right password gives its count back.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 60_000;
/** Wrong passwords a known browser may type before it waits like any other. */
export const KNOWN_DEVICE_FAILURES = 8;
/** A quarter of an hour without attempts and an account (or browser) starts afresh. */
export const FORGET_AFTER_MS = 15 * 60_000;

interface Tally {
	count: number;
	last: number;
}

export type Attempt =
	{ allowed: true; via: 'device' | 'account' } | { allowed: false; retryAfterMs: number };

export class SignInThrottle {
	#accounts = new Map<string, Tally>();
	#devices = new Map<string, Tally>();
	/** Each tally map's forgotten keys go at most once per FORGET_AFTER_MS (see Sweeper). */
	#sweepers = new Map(
		[this.#accounts, this.#devices].map((m) => [m, new Sweeper(m, FORGET_AFTER_MS)])
	);
	/** `now` is injected so tests drive the clock instead of sleeping. */
	constructor(private readonly now: () => number = Date.now) {}

	/** The wait before this account may be tried again from an unknown browser (0 = now). */
	waitFor(account: string): number {
		const tally = this.#live(this.#accounts, account);
		if (!tally || tally.count < FREE_FAILURES) return 0;
		const delay = Math.min(FIRST_DELAY_MS * 2 ** (tally.count - FREE_FAILURES), MAX_DELAY_MS);
		return Math.max(0, tally.last + delay - this.now());
	}

	/** Counts an attempt on `account`, from a known browser (`device`, its verified cookie entry) or not. */
	attempt(account: string, device: string | null): Attempt {
		const now = this.now();
		if (device) {
			const tally = this.#live(this.#devices, device);
			if (!tally || tally.count < KNOWN_DEVICE_FAILURES) {
				this.#bump(this.#devices, device, now);
				return { allowed: true, via: 'device' };
			}
		}
		const retryAfterMs = this.waitFor(account);
		if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
		this.#bump(this.#accounts, account, now);
		return { allowed: true, via: 'account' };
	}

	/** The password was right: the attempt was no guess, and a known browser starts afresh. */
	succeeded(account: string, device: string | null, via: 'device' | 'account'): void {
		if (via === 'device' && device) this.#devices.delete(device);
		const tally = via === 'account' ? this.#accounts.get(account) : undefined;
		if (tally) tally.count = Math.max(0, tally.count - 1);
	}

	#live(map: Map<string, Tally>, key: string): Tally | undefined {
		const tally = map.get(key);
		if (tally && this.now() - tally.last > FORGET_AFTER_MS) {
			map.delete(key);
			return undefined;
		}
		return tally;
	}

	#bump(map: Map<string, Tally>, key: string, now: number): void {
		const tally = this.#live(map, key) ?? { count: 0, last: now };
		tally.count += 1;
		tally.last = now;
		map.set(key, tally);
		this.#sweepers.get(map)!.added(now, (_, k) => !this.#live(map, k));
	}
}
