import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, trainerWait, WIDEN } from '$lib/server/activities/pace';

describe('how long a projector view waits after the last one', () => {
	it('waits the usual delay while views are cheap', () => {
		expect(trainerWait(3, undefined, 100)).toBe(100);
		expect(trainerWait(3, 4, 100)).toBe(100);
	});

	it('is not held back by one slow build (a collection landing in it)', () => {
		// A 60 ms build after a 6 ms one: the next view still goes in the usual 100 ms, not 300.
		expect(trainerWait(60, 6, 100)).toBe(100);
	});

	it('widens once a view has become dear, and never past the cap', () => {
		expect(trainerWait(40, 45, 100)).toBe(WIDEN * 40);
		expect(trainerWait(60, undefined, 100)).toBe(WIDEN * 60);
		expect(trainerWait(900, 800, 100)).toBe(MAX_WAIT_MS);
	});
});
