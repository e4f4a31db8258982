import { randomInt } from 'node:crypto';
import type { GroupInfo, Grouping } from '$lib/activities/contract';

export type RandomInt = (maxExclusive: number) => number;

function shuffled<T>(items: T[], random: RandomInt): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = random(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

const groupName = (grouping: Grouping, n: number) =>
	`${grouping === 'pairs' ? 'Pair' : 'Group'} ${n}`;

/**
 * Balanced groups of about `size`: sizes differ by one at most, and nobody is left alone (five
 * people in pairs make a pair and a three). Individual activities have no groups.
 */
export function makeGroups(
	ids: string[],
	grouping: Grouping,
	size: number,
	random: RandomInt = randomInt
): GroupInfo[] {
	if (grouping === 'individual' || ids.length === 0) return [];
	let count = Math.ceil(ids.length / size);
	if (ids.length < 2 * count) count = Math.max(1, Math.floor(ids.length / 2));
	const groups: GroupInfo[] = Array.from({ length: count }, (_, i) => ({
		id: `g${i + 1}`,
		name: groupName(grouping, i + 1),
		memberIds: []
	}));
	shuffled(ids, random).forEach((id, i) => groups[i % count]!.memberIds.push(id));
	return groups;
}

/**
 * "Same groups as before": people keep their previous group; newcomers fill the smallest groups;
 * people who left are dropped, and groups left empty go.
 */
export function reuseGroups(previous: GroupInfo[], ids: string[]): GroupInfo[] {
	const present = new Set(ids);
	let groups = previous
		.map((g) => ({ ...g, memberIds: g.memberIds.filter((id) => present.has(id)) }))
		.filter((g) => g.memberIds.length > 0);
	const placed = new Set(groups.flatMap((g) => g.memberIds));
	for (const id of ids) if (!placed.has(id)) groups = addToSmallest(groups, id);
	return groups;
}

/** A late joiner goes to the smallest group (the first of equals), so groups stay balanced. */
export function addToSmallest(groups: GroupInfo[], id: string, present?: Set<string>): GroupInfo[] {
	if (groups.length === 0) return groups;
	// People who have left (removed by the trainer) do not make a group look full.
	const size = (g: GroupInfo) =>
		present ? g.memberIds.filter((m) => present.has(m)).length : g.memberIds.length;
	const smallest = groups.reduce((best, g) => (size(g) < size(best) ? g : best));
	return groups.map((g) => (g === smallest ? { ...g, memberIds: [...g.memberIds, id] } : g));
}

/**
 * Where a newcomer goes once an activity has started: into the smallest group while some group is
 * below the size asked for; otherwise into a new group, so nine latecomers to an empty room make
 * three groups of three, not one group of nine.
 * Pairs are different: a new pair would leave its first person alone, told to work "with your
 * partner" who isn't there. A latecomer to full pairs makes a three of the smallest pair instead;
 * only once every pair is a three does a new pair start (and the next latecomer completes it).
 */
export function placeNewcomer(
	groups: GroupInfo[],
	id: string,
	grouping: Grouping,
	size: number,
	present: Set<string>
): GroupInfo[] {
	if (grouping === 'individual') return groups;
	const here = (g: GroupInfo) => g.memberIds.filter((m) => present.has(m)).length;
	const target = grouping === 'pairs' ? 2 : size;
	const roomInSome = groups.some((g) => here(g) < target);
	const threeWanted = grouping === 'pairs' && groups.some((g) => here(g) < 3);
	if (roomInSome || threeWanted) return addToSmallest(groups, id, present);
	const n = groups.length + 1;
	return [...groups, { id: `g${n}`, name: groupName(grouping, n), memberIds: [id] }];
}

/** The trainer moves someone: out of their group, into another (empty groups stay, the trainer may refill them). */
export function moveMember(groups: GroupInfo[], id: string, toGroupId: string): GroupInfo[] {
	if (!groups.some((g) => g.id === toGroupId)) throw new Error('no such group');
	return groups.map((g) => {
		const without = g.memberIds.filter((m) => m !== id);
		return g.id === toGroupId
			? { ...g, memberIds: [...without, id] }
			: { ...g, memberIds: without };
	});
}

export function groupOf(groups: GroupInfo[], id: string): GroupInfo | null {
	return groups.find((g) => g.memberIds.includes(id)) ?? null;
}
