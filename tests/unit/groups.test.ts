import { describe, expect, it } from 'vitest';
import {
	addToSmallest,
	makeGroups,
	moveMember,
	placeNewcomer,
	reuseGroups
} from '$lib/server/activities/groups';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const sizes = (g: { memberIds: string[] }[]) => g.map((x) => x.memberIds.length);

describe('group balancing', () => {
	it('makes groups of about the size asked, differing by one at most', () => {
		expect(sizes(makeGroups(ids(8), 'groups', 4))).toEqual([4, 4]);
		expect(sizes(makeGroups(ids(9), 'groups', 4))).toEqual([3, 3, 3]);
		expect(sizes(makeGroups(ids(10), 'groups', 4))).toEqual([4, 3, 3]);
		expect(sizes(makeGroups(ids(24), 'groups', 4))).toEqual([4, 4, 4, 4, 4, 4]);
	});

	it('never leaves anyone alone: five people in pairs make a pair and a three', () => {
		expect(sizes(makeGroups(ids(5), 'pairs', 2))).toEqual([3, 2]);
		expect(sizes(makeGroups(ids(4), 'pairs', 2))).toEqual([2, 2]);
		expect(sizes(makeGroups(ids(1), 'groups', 4))).toEqual([1]);
		expect(sizes(makeGroups(ids(5), 'groups', 4))).toEqual([3, 2]);
	});

	it('places everyone exactly once, names groups and pairs', () => {
		const groups = makeGroups(ids(11), 'groups', 4);
		expect(groups.flatMap((g) => g.memberIds).sort()).toEqual(ids(11).sort());
		expect(groups.map((g) => g.name)).toEqual(['Group 1', 'Group 2', 'Group 3']);
		expect(makeGroups(ids(4), 'pairs', 2)[0]!.name).toBe('Pair 1');
	});

	it('has no groups for individual activities', () => {
		expect(makeGroups(ids(5), 'individual', 4)).toEqual([]);
	});

	it('shuffles with the random source it is given', () => {
		const fixed = () => 0;
		expect(makeGroups(ids(4), 'pairs', 2, fixed)).toEqual(makeGroups(ids(4), 'pairs', 2, fixed));
	});

	it('adds a late joiner to the smallest group', () => {
		const groups = [
			{ id: 'g1', name: 'Group 1', memberIds: ['a', 'b', 'c'] },
			{ id: 'g2', name: 'Group 2', memberIds: ['d', 'e'] }
		];
		expect(addToSmallest(groups, 'f')[1]!.memberIds).toEqual(['d', 'e', 'f']);
	});

	it('reuses groups: keeps people, drops those who left, fills gaps with newcomers', () => {
		const previous = [
			{ id: 'g1', name: 'Group 1', memberIds: ['a', 'b'] },
			{ id: 'g2', name: 'Group 2', memberIds: ['c', 'd'] },
			{ id: 'g3', name: 'Group 3', memberIds: ['e'] }
		];
		const again = reuseGroups(previous, ['a', 'b', 'c', 'x']);
		expect(again).toEqual([
			{ id: 'g1', name: 'Group 1', memberIds: ['a', 'b'] },
			{ id: 'g2', name: 'Group 2', memberIds: ['c', 'x'] }
		]);
	});

	it('moves one person between groups', () => {
		const groups = [
			{ id: 'g1', name: 'Group 1', memberIds: ['a', 'b'] },
			{ id: 'g2', name: 'Group 2', memberIds: ['c'] }
		];
		expect(moveMember(groups, 'a', 'g2').map((g) => g.memberIds)).toEqual([['b'], ['c', 'a']]);
		expect(() => moveMember(groups, 'a', 'g9')).toThrow();
	});

	it('latecomers to an empty room make groups of the size asked for, not one big group', () => {
		let groups: ReturnType<typeof makeGroups> = [];
		const present = new Set<string>();
		for (const id of ids(9)) {
			present.add(id);
			groups = placeNewcomer(groups, id, 'groups', 3, present);
		}
		expect(sizes(groups)).toEqual([3, 3, 3]);
		let pairs: ReturnType<typeof makeGroups> = [];
		for (const id of ids(5)) pairs = placeNewcomer(pairs, id, 'pairs', 4, present);
		// The third makes a three (not a pair of one); the fourth starts a pair the fifth completes.
		expect(sizes(pairs)).toEqual([3, 2]);
	});

	it('a late joiner to full pairs makes a three of the smallest pair, never a pair of one', () => {
		const pairs = [
			{ id: 'g1', name: 'Pair 1', memberIds: ['a', 'b'] },
			{ id: 'g2', name: 'Pair 2', memberIds: ['c', 'd'] }
		];
		const present = new Set(['a', 'b', 'c', 'd', 'late']);
		const placed = placeNewcomer(pairs, 'late', 'pairs', 2, present);
		expect(placed.map((g) => [g.name, g.memberIds])).toEqual([
			['Pair 1', ['a', 'b', 'late']],
			['Pair 2', ['c', 'd']]
		]);
		// A second late joiner makes the other three; only a third starts a new pair.
		present.add('late2').add('late3');
		const twice = placeNewcomer(placed, 'late2', 'pairs', 2, present);
		expect(sizes(twice)).toEqual([3, 3]);
		expect(sizes(placeNewcomer(twice, 'late3', 'pairs', 2, present))).toEqual([3, 3, 1]);
		// A pair someone left takes the latecomer first.
		present.delete('d');
		expect(placeNewcomer(pairs, 'late', 'pairs', 2, present)[1]!.memberIds).toEqual([
			'c',
			'd',
			'late'
		]);
	});

	it('a latecomer fills a group that someone left before opening a new one', () => {
		const groups = [
			{ id: 'g1', name: 'Group 1', memberIds: ['a', 'b', 'gone'] },
			{ id: 'g2', name: 'Group 2', memberIds: ['c', 'd', 'e'] }
		];
		const placed = placeNewcomer(groups, 'new', 'groups', 3, new Set(['a', 'b', 'c', 'd', 'e']));
		expect(placed.map((g) => g.memberIds)).toEqual([
			['a', 'b', 'gone', 'new'],
			['c', 'd', 'e']
		]);
	});
});
