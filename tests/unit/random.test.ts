import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/activities/shared/random';

describe('seeded random', () => {
	it('repeats for the same seed and differs between seeds', () => {
		const draw = (seed: string) => Array.from({ length: 5 }, seededRandom(seed));
		expect(draw('deal-1')).toEqual(draw('deal-1'));
		expect(draw('deal-1')).not.toEqual(draw('deal-2'));
	});

	it('stays in [0, 1) and spreads out', () => {
		const next = seededRandom('spread');
		const values = Array.from({ length: 10_000 }, next);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		const buckets = [0, 0, 0, 0];
		for (const v of values) buckets[Math.floor(v * 4)]! += 1;
		for (const b of buckets) expect(b).toBeGreaterThan(2200);
	});
});
