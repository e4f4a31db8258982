import { readFileSync } from 'node:fs';
import { DAY } from '$lib/shared/follow-up';

/**
 * The time the follow-up windows are computed from. Tests move it forward with
 * `FOLLOW_UP_TEST_CLOCK_FILE` (a file holding a number of days), read on every call so a browser
 * test can move a running server weeks ahead. It shifts only which check-in is current: sessions,
 * sign-ins, tokens and retention keep the real clock, so setting it cannot extend anyone's access.
 */
export function followUpNow(env = process.env): number {
	const file = env.FOLLOW_UP_TEST_CLOCK_FILE;
	if (!file) return Date.now();
	try {
		const days = Number(readFileSync(file, 'utf8').trim());
		return Date.now() + (Number.isFinite(days) ? days * DAY : 0);
	} catch {
		return Date.now();
	}
}
