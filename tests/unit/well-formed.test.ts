import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from '$lib/server/well-formed';

describe('hasLoneSurrogate', () => {
	it('finds half a surrogate pair in any text of a value: strings, keys, array items, nested', () => {
		const lone = 'a\uD83Db';
		expect(hasLoneSurrogate(lone)).toBe(true);
		expect(hasLoneSurrogate({ kind: 'add', text: lone })).toBe(true);
		expect(hasLoneSurrogate({ [lone]: 1 })).toBe(true);
		expect(hasLoneSurrogate({ answers: [1, 'ok', { notes: ['x', lone] }] })).toBe(true);
		expect(hasLoneSurrogate([[[lone]]])).toBe(true);
	});

	it('passes whole pairs, other text and values without text', () => {
		expect(hasLoneSurrogate({ text: 'Great 👍 work', tags: ['ok', 'fine'], n: 3 })).toBe(false);
		expect(hasLoneSurrogate([null, undefined, true, 0, { a: [] }])).toBe(false);
		expect(hasLoneSurrogate(Object.create({ inherited: 'a\uD83Db' }))).toBe(false);
	});
});
