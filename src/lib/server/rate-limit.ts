import { Sweeper } from './sweep';

/**
 * A fixed-window counter per key, in memory: enough for one process. Each key allows `limit`
 * hits per `windowMs`; `retryAfterMs` says when the window opens again.
 */
export class RateLimiter {
	#hits = new Map<string, { count: number; resetAt: number }>();
	/** Expired keys go at most once a window (see Sweeper). */
	readonly #sweeper: Sweeper<string, { count: number; resetAt: number }>;
	/** `clock` is injected so tests drive time instead of sleeping. */
	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly clock: () => number = Date.now
	) {
		this.#sweeper = new Sweeper(this.#hits, windowMs);
	}

	/** Counts a hit and says whether it is allowed. */
	hit(key: string, now = this.clock()): { allowed: boolean; retryAfterMs: number } {
		const entry = this.#current(key, now);
		entry.count += 1;
		return { allowed: entry.count <= this.limit, retryAfterMs: Math.max(0, entry.resetAt - now) };
	}

	/** Whether the key is already over the limit, without counting a hit. */
	blocked(key: string, now = this.clock()): { blocked: boolean; retryAfterMs: number } {
		const entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) return { blocked: false, retryAfterMs: 0 };
		return { blocked: entry.count >= this.limit, retryAfterMs: entry.resetAt - now };
	}

	reset(key: string): void {
		this.#hits.delete(key);
	}

	#current(key: string, now: number) {
		let entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			entry = { count: 0, resetAt: now + this.windowMs };
			this.#hits.set(key, entry);
			this.#sweeper.added(now, (e) => e.resetAt <= now);
		}
		return entry;
	}
}

export function minutesFrom(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** A wait in seconds while it is under a minute (the sign-in delays), else in minutes. */
export function waitFrom(ms: number): string {
	if (ms >= 60_000) return minutesFrom(ms);
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
