import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { people, pyramidRun } from '../helpers/pyramid-run';
import { withRev } from '$lib/shared/patch';

/**
 * Objects built by the thousand (a view per phone update, a card per input) must share one hidden
 * class. In Node 20's V8, `{ ...x, newKey }` in optimised code gives every object a class of its
 * own (a map, descriptors and an enum cache in the old generation each): in the group-editing
 * benchmark that was 56,000 classes for the pyramid's cards and most of what the full collector
 * had to clear. Each builder runs until V8 has optimised it (the pathology needs optimised code),
 * then its last two results are compared.
 */
v8.setFlagsFromString('--allow-natives-syntax');
const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
	a: unknown,
	b: unknown
) => boolean;

/** `build(i)` called often enough to be optimised: its last two results. */
function warmPair<T>(build: (i: number) => T, times = 20_000): [T, T] {
	for (let i = 0; i < times - 2; i++) build(i);
	return [build(times - 2), build(times - 1)];
}

describe('objects built per update share one hidden class', () => {
	it('a phone view', () => {
		expect.assertions(1);
		const live = pyramidRun();
		live.apply('p0', 'in0', { kind: 'add-card', step: 1, text: 'Card' }, 0);
		const [a, b] = warmPair((i) => live.phoneView(people[i % 4]!, people));
		expect(sameShape(a, b)).toBe(true);
	});

	it('a pyramid card as phones see it', () => {
		expect.assertions(1);
		// A run takes 60 cards per group: a new run every 50.
		let live = pyramidRun();
		const [a, b] = warmPair((i) => {
			if (i % 50 === 0) live = pyramidRun();
			live.apply('p0', `in${i}`, { kind: 'add-card', step: i % 5, text: `Card ${i}` }, i);
			return (live.phoneView(people[0]!, people).view as { cards: object[] }).cards.at(-1);
		}, 10_000);
		expect(sameShape(a, b)).toBe(true);
	});

	it('the trainer view', () => {
		expect.assertions(1);
		const live = pyramidRun();
		live.apply('p4', 'in0', { kind: 'add-card', step: 1, text: 'Card' }, 0);
		const [a, b] = warmPair(() => live.trainerView(people));
		expect(sameShape(a, b)).toBe(true);
	});

	it('a view with its revision', () => {
		expect.assertions(1);
		const view = { runId: 'r', status: 'open', me: people[0] };
		const [a, b] = warmPair((i) => withRev(view, i));
		expect(sameShape(a, b)).toBe(true);
	});
});
