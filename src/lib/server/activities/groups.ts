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

const groupName = (grouping: Grouping, n: number) => `${grouping === 'pairs' ? 'Pair' : 'Group'} ${n}`;

/**
 * Balanced groups of about `size`: sizes differ by one at most, and nobody is left alone (five
 * people in pairs make a pair and a three). Individual activities have no groups.
 */
export function makeGroups(ids: string[], grouping: Grouping, size: number, random: RandomInt = randomInt): GroupInfo[] {
	if (grouping === 'individual' || ids.length === 0) return [];
	let count = Math.ceil(ids.length / size);
	if (ids.length < 2 * count) count = Math.max(1, Math.floor(ids.length / 2));
	const groups: GroupInfo[] = Array.from({ length: count }, (_, i) => ({ id: `g${i + 1}`, name: groupName(grouping, i + 1), memberIds: [] }));
	shuffled(ids, random).forEach((id, i) => groups[i % count]!.memberIds.push(id));
	return groups;
}

/**
 * "Same groups as before": people keep their previous group; newcomers fill the smallest groups;
 * people who left are dropped, and groups left empty go.
 */
export function reuseGroups(previous: GroupInfo[], ids: string[]): GroupInfo[] {
	const present = new Set(ids);
	let groups = previous.map((g) => ({ ...g, memberIds: g.memberIds.filter((id) => present.has(id)) })).filter((g) => g.memberIds.length > 0);
	const placed = new Set(groups.flatMap((g) => g.memberIds));
	for (const id of ids) if (!placed.has(id)) groups = addToSmallest(groups, id);
	return groups;
}

/** A late joiner goes to the smallest group (the first of equals), so groups stay balanced. */
export function addToSmallest(groups: GroupInfo[], id: string): GroupInfo[] {
	if (groups.length === 0) return groups;
	const smallest = groups.reduce((best, g) => (g.memberIds.length < best.memberIds.length ? g : best));
	return groups.map((g) => (g === smallest ? { ...g, memberIds: [...g.memberIds, id] } : g));
}

/** The trainer moves someone: out of their group, into another (empty groups stay, the trainer may refill them). */
export function moveMember(groups: GroupInfo[], id: string, toGroupId: string): GroupInfo[] {
	if (!groups.some((g) => g.id === toGroupId)) throw new Error('no such group');
	return groups.map((g) => {
		const without = g.memberIds.filter((m) => m !== id);
		return g.id === toGroupId ? { ...g, memberIds: [...without, id] } : { ...g, memberIds: without };
	});
}

export function groupOf(groups: GroupInfo[], id: string): GroupInfo | null {
	return groups.find((g) => g.memberIds.includes(id)) ?? null;
}
