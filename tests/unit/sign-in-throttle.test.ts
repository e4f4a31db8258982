import { describe, expect, it } from 'vitest';
import {
	FIRST_DELAY_MS,
	FORGET_AFTER_MS,
	FREE_FAILURES,
	KNOWN_DEVICE_FAILURES,
	MAX_DELAY_MS,
	SignInThrottle
} from '$lib/server/auth/sign-in-throttle';
import { waitFrom } from '$lib/server/rate-limit';
import { isTrainerRequest } from '$lib/server/auth/guard';

/** A clock the test moves by hand: no sleeping, no luck. */
function clock(start = 1_000_000) {
	let t = start;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

const wrong = (throttle: SignInThrottle, device: string | null = null) =>
	throttle.attempt('ada@example.org', device);

describe('wrong passwords slow an account down; they never lock the trainer out', () => {
	it('8 wrong passwords, then the right one from the browser that signed in before: let in at once', () => {
		const c = clock();
		const throttle = new SignInThrottle(c.now);
		// A stranger's guesses, as fast as the throttle lets them through.
		let guesses = 0;
		while (guesses < 8) {
			const a = wrong(throttle);
			if (a.allowed) guesses++;
			else c.advance(a.retryAfterMs);
		}
		expect(
			throttle.waitFor('ada@example.org'),
			'the account now waits for strangers'
		).toBeGreaterThan(0);
		const trainer = throttle.attempt('ada@example.org', 'trainer-laptop-entry');
		expect(trainer).toEqual({ allowed: true, via: 'device' });
	});

	it('from an unknown browser the right password waits a few seconds, never 15 minutes', () => {
		const c = clock();
		const throttle = new SignInThrottle(c.now);
		for (let i = 0; i < FREE_FAILURES; i++)
			expect(wrong(throttle).allowed, `free attempt ${i + 1}`).toBe(true);
		// Each further attempt waits twice as long as the last: 1 s, 2 s, 4 s.
		const waits: number[] = [];
		for (let i = 0; i < 3; i++) {
			const refused = wrong(throttle);
			expect(refused.allowed).toBe(false);
			if (!refused.allowed) {
				waits.push(refused.retryAfterMs);
				c.advance(refused.retryAfterMs - 1);
				expect(wrong(throttle).allowed, 'a millisecond early is still early').toBe(false);
				c.advance(1);
				expect(wrong(throttle).allowed, 'on time, the guess is tried').toBe(true);
			}
		}
		expect(waits).toEqual([FIRST_DELAY_MS, 2 * FIRST_DELAY_MS, 4 * FIRST_DELAY_MS]);
		// After 8 wrong passwords, the right one (same throttle) goes through once the wait is over.
		const early = throttle.attempt('ada@example.org', null);
		expect(early).toEqual({ allowed: false, retryAfterMs: 8 * FIRST_DELAY_MS });
		c.advance(8 * FIRST_DELAY_MS);
		const right = throttle.attempt('ada@example.org', null);
		expect(right).toEqual({ allowed: true, via: 'account' });
		throttle.succeeded('ada@example.org', null, 'account');
		expect(waitFrom(4_000)).toBe('4 seconds');
	});

	it('the delay stops at a minute, so an account sees under 100 guesses an hour (ASVS 2.2.1)', () => {
		const c = clock();
		const throttle = new SignInThrottle(c.now);
		const start = c.now();
		let guesses = 0;
		let longest = 0;
		while (c.now() - start < 60 * 60_000) {
			const a = wrong(throttle);
			if (a.allowed) guesses++;
			else {
				longest = Math.max(longest, a.retryAfterMs);
				c.advance(a.retryAfterMs);
			}
		}
		expect(longest).toBe(MAX_DELAY_MS);
		expect(guesses).toBeLessThan(100);
		expect(guesses).toBeGreaterThan(FREE_FAILURES);
	});

	it('a known browser has its own small allowance: a stolen cookie is no way around the delay', () => {
		const c = clock();
		const throttle = new SignInThrottle(c.now);
		for (let i = 0; i < KNOWN_DEVICE_FAILURES; i++)
			expect(wrong(throttle, 'stolen').allowed ? 'device' : 'refused').toBe('device');
		// Its next attempts count against the account like anyone's.
		for (let i = 0; i < FREE_FAILURES; i++)
			expect(wrong(throttle, 'stolen')).toEqual({ allowed: true, via: 'account' });
		expect(wrong(throttle, 'stolen').allowed).toBe(false);
		// Another known browser of the trainer's is not held up by it.
		expect(wrong(throttle, 'desk-pc')).toEqual({ allowed: true, via: 'device' });
	});

	it('a quiet quarter of an hour forgets the guesses', () => {
		const c = clock();
		const throttle = new SignInThrottle(c.now);
		for (let i = 0; i < FREE_FAILURES + 1; i++) wrong(throttle);
		expect(throttle.waitFor('ada@example.org')).toBeGreaterThan(0);
		c.advance(FORGET_AFTER_MS + 1);
		expect(throttle.waitFor('ada@example.org')).toBe(0);
	});
});

describe('the trainer guard decides on the route SvelteKit matched', () => {
	it('encoded, double-encoded and mixed-case paths are trainer paths; others are not', () => {
		expect(isTrainerRequest('/trainer', '/%74rainer')).toBe(true);
		expect(isTrainerRequest('/trainer/rooms/[id]/report', '/%74rainer/rooms/x/report')).toBe(true);
		expect(isTrainerRequest(null, '/%2574rainer')).toBe(true);
		expect(isTrainerRequest(null, '/TRAINER/rooms/x')).toBe(true);
		expect(isTrainerRequest(null, '/Trainer')).toBe(true);
		expect(isTrainerRequest(null, '/%E0%A4%A')).toBe(false);
		expect(isTrainerRequest('/j/[code]', '/j/trainer')).toBe(false);
		expect(isTrainerRequest(null, '/trainers-guide')).toBe(false);
		expect(isTrainerRequest('/', '/')).toBe(false);
	});
});
