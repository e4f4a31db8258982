import { describe, expect, it, vi } from 'vitest';
import { minutesFrom, RateLimiter } from '$lib/server/rate-limit';
import { safeNext } from '$lib/server/auth/redirect';

describe('rate limiter', () => {
	it('allows the limit per window, then refuses until the window passes', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t = 1_000;
		expect([1, 2, 3].map(() => limiter.hit('ip', t).allowed)).toEqual([true, true, true]);
		const refused = limiter.hit('ip', t + 10);
		expect(refused.allowed).toBe(false);
		expect(refused.retryAfterMs).toBe(60_000 - 10);
		expect(limiter.blocked('ip', t + 10).blocked).toBe(true);
		expect(limiter.hit('ip', t + 60_000).allowed).toBe(true);
	});

	it('keeps keys apart and can reset one', () => {
		const limiter = new RateLimiter(1, 60_000);
		limiter.hit('a', 0);
		expect(limiter.blocked('a', 1).blocked).toBe(true);
		expect(limiter.blocked('b', 1).blocked).toBe(false);
		limiter.reset('a');
		expect(limiter.blocked('a', 1).blocked).toBe(false);
	});

	it('sweeps out expired keys at most once a window, however many keys it holds', () => {
		const limiter = new RateLimiter(1, 1_000);
		for (let i = 0; i < 10_000; i++) limiter.hit(`early${i}`, 0);
		// Every walk of a Map goes through its iterator: the limiter's sweep is the only one here.
		const walks = vi.spyOn(Map.prototype, Symbol.iterator);
		try {
			// 3,000 keys more within the same window (a room above 10,000 phones): one walk, not one per key.
			for (let i = 0; i < 3_000; i++) expect(limiter.hit(`late${i}`, 500).allowed).toBe(true);
			expect(limiter.hit('fresh', 1_000).allowed).toBe(true);
			expect(walks).toHaveBeenCalledTimes(1);
			// A window after that sweep the next new key sweeps again; a key still in its window keeps its count.
			expect(limiter.hit('later', 1_600).allowed).toBe(true);
			expect(walks).toHaveBeenCalledTimes(2);
			expect(limiter.hit('fresh', 1_600).allowed).toBe(false);
			expect(limiter.hit('early1', 1_600).allowed).toBe(true);
		} finally {
			walks.mockRestore();
		}
	});

	it('says the wait in whole minutes', () => {
		expect(minutesFrom(1)).toBe('1 minute');
		expect(minutesFrom(125_000)).toBe('3 minutes');
	});
});

describe('redirect after sign-in', () => {
	it('only goes to paths on this site', () => {
		expect(safeNext('/trainer/rooms/x')).toBe('/trainer/rooms/x');
		expect(safeNext('//evil.example')).toBe('/trainer');
		expect(safeNext('https://evil.example')).toBe('/trainer');
		expect(safeNext('/\\evil.example')).toBe('/trainer');
		expect(safeNext(null)).toBe('/trainer');
		// Browsers drop tabs and newlines in a Location header: "/\t/evil" would become "//evil".
		expect(safeNext('/\t/evil.example')).toBe('/trainer');
		expect(safeNext('/\n/evil.example')).toBe('/trainer');
		expect(safeNext('/%09/evil.example')).toBe('/%09/evil.example');
		expect(safeNext('/trainer?x=1#y')).toBe('/trainer?x=1#y');
	});
});
