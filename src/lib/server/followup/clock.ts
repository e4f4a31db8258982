import { DAY } from '$lib/shared/follow-up';

/**
 * Days the follow-up clock runs ahead: set only by the test entry (tests/e2e/clock-server.js),
 * before the app loads, and moved by that test's messages. Production never sets it, so this
 * module reads no file, no environment, nothing per request: just a number on globalThis.
 */
const KEY = Symbol.for('workshop-companion.follow-up-clock-days');
type WithClock = typeof globalThis & { [KEY]?: number };

/**
 * The time the follow-up windows are computed from. It shifts only which check-in is current:
 * sessions, sign-ins, tokens and retention keep the real clock, so a moved clock cannot extend
 * anyone's access.
 */
export function followUpNow(): number {
	const days = (globalThis as WithClock)[KEY];
	return Date.now() + (typeof days === 'number' && Number.isFinite(days) ? days * DAY : 0);
}
