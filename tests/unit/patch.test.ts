import { describe, expect, it } from 'vitest';
import { applyPatch, clone, diff, diffCopy, freeze } from '$lib/shared/patch';

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) % 2 ** 31;
		return s / 2 ** 31;
	};
}

/** Random view-like JSON: objects of arrays of objects, as the activity views are. */
function randomValue(r: () => number, depth = 0): unknown {
	const k = r();
	if (depth > 3 || k < 0.3) return [null, true, 3, 'text', ''][Math.floor(r() * 5)];
	if (k < 0.65) return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, depth + 1));
	const out: Record<string, unknown> = {};
	for (const key of ['a', 'b', 'c', 'd'].filter(() => r() < 0.6))
		out[key] = randomValue(r, depth + 1);
	return out;
}

/** A changed copy: some members edited, added or removed, some arrays grown or cut. */
function mutate(value: unknown, r: () => number): unknown {
	if (r() < 0.15) return randomValue(r);
	if (Array.isArray(value)) {
		const out = value.map((v) => mutate(v, r));
		if (r() < 0.3) out.push(randomValue(r));
		if (r() < 0.2) out.splice(Math.floor(r() * out.length), 1);
		return out;
	}
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value)) if (r() > 0.1) out[key] = mutate(v, r);
		if (r() < 0.2) out[`n${Math.floor(r() * 3)}`] = randomValue(r);
		return out;
	}
	return value;
}

describe('view patches', () => {
	it('applying the diff of two views to the first gives the second, through JSON as on the wire', () => {
		const r = rng(42);
		for (let i = 0; i < 2000; i++) {
			const a = randomValue(r);
			const b = mutate(a, r);
			const ops = JSON.parse(JSON.stringify(diff(a, b)));
			const got = applyPatch(JSON.parse(JSON.stringify(a)), ops);
			expect(got, `case ${i}`).toEqual(b);
			// The copy kept as the last view sent is the new view, and shares nothing with it.
			const { copy } = diffCopy(a, b);
			expect(copy, `case ${i}`).toEqual(b);
			if (typeof b === 'object' && b !== null) expect(copy).not.toBe(b);
		}
	});

	it('an unchanged view makes no ops; an appended card or an edited field is one small op', () => {
		const view = { cards: [{ id: 'x', text: 'One', tag: null }], links: [null, 'weak'] };
		expect(diff(view, clone(view))).toEqual([]);
		const added = clone(view);
		added.cards.push({ id: 'y', text: 'Two', tag: null });
		expect(diff(view, added)).toEqual([[0, ['cards', 1], { id: 'y', text: 'Two', tag: null }]]);
		const edited = clone(view);
		edited.cards[0]!.text = 'Changed';
		expect(diff(view, edited)).toEqual([[0, ['cards', 0, 'text'], 'Changed']]);
	});

	it('clone drops undefined members, as JSON does, and shares nothing with the original', () => {
		const original = { a: [{ b: 1 }], c: undefined };
		const copy = clone(original);
		expect(copy).toEqual({ a: [{ b: 1 }] });
		expect('c' in copy).toBe(false);
		original.a[0]!.b = 2;
		expect(copy.a[0]!.b).toBe(1);
	});

	it('frozen parts kept between views give the same patches as fresh copies, and are shared, not copied', () => {
		const r = rng(7);
		for (let round = 0; round < 200; round++) {
			const parts = Array.from({ length: 4 }, () => freeze(randomValue(r)));
			const before = { parts: [...parts], n: round };
			// Some parts kept as the same frozen object, some replaced by a changed (frozen) one.
			const after = {
				parts: parts.map((p) => (r() < 0.5 ? p : freeze(mutate(p, r)))),
				n: round + 1
			};
			const sent = diffCopy(undefined, before).copy;
			const { ops, copy } = diffCopy(sent, after);
			const plain = diff(clone(before), JSON.parse(JSON.stringify(after)));
			expect(JSON.parse(JSON.stringify(ops))).toEqual(JSON.parse(JSON.stringify(plain)));
			const onWire = applyPatch(
				JSON.parse(JSON.stringify(before)),
				JSON.parse(JSON.stringify(ops))
			);
			expect(onWire).toEqual(JSON.parse(JSON.stringify(after)));
			after.parts.forEach((p, i) => {
				if (typeof p === 'object' && p !== null) expect(copy.parts[i]).toBe(p);
			});
		}
	});
});
