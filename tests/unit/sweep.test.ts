import { describe, expect, it } from 'vitest';
import { Sweeper } from '$lib/server/sweep';

describe('the sweeper of per-key tallies', () => {
	it('sweeps only above its threshold, then at most once an interval, and removes only what has expired', () => {
		const map = new Map<string, number>();
		const sweeper = new Sweeper(map, 1_000, 3);
		let asked = 0;
		const expired = (until: number, now: number) => (asked++, until <= now);
		for (const [key, until] of [
			['a', 100],
			['b', 100],
			['c', 5_000]
		] as const) {
			map.set(key, until);
			sweeper.added(200, (v) => expired(v, 200));
		}
		expect(asked).toBe(0); // three keys: not above the threshold
		map.set('d', 5_000);
		sweeper.added(200, (v) => expired(v, 200));
		expect([...map.keys()]).toEqual(['c', 'd']);
		const afterFirst = asked;
		map.set('e', 150).set('f', 150);
		sweeper.added(900, (v) => expired(v, 900));
		expect(asked).toBe(afterFirst); // within the interval: no second walk
		sweeper.added(1_200, (v) => expired(v, 1_200));
		expect([...map.keys()]).toEqual(['c', 'd']);
	});
});
