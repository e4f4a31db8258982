import type { Role } from './words';

/**
 * The parts to hand out in a group of n: one coach, one coachee, everyone else observes. A pair
 * has no observer; one person alone gets no part (coaching needs two).
 */
export function slotsFor(n: number): Role[] {
	if (n <= 1) return [];
	return ['coach', 'coachee', ...Array<Role>(n - 2).fill('observer')];
}

const none = (): Record<Role, number> => ({ coach: 0, coachee: 0, observer: 0 });

/**
 * Roles for one round. Each part goes to the member who has played it least so far; ties go
 * round the group in its member order, starting one place further on each round. In a stable
 * trio that is a plain rotation (three rounds: everyone plays each role once); in a pair the two
 * swap each round; in a four, over four rounds each person coaches once, is coached once and
 * observes twice. Someone who joins late has played nothing, so they get the main parts first.
 */
export function assignRoles(memberIds: string[], round: number, counts: Record<string, Record<Role, number>>): Record<string, Role> {
	const n = memberIds.length;
	const start = n ? round % n : 0;
	const rotation = memberIds.map((_, i) => memberIds[(start + i) % n]!);
	const roles: Record<string, Role> = {};
	for (const role of slotsFor(n)) {
		const free = rotation.filter((id) => !(id in roles));
		const best = free.reduce((a, b) => ((counts[b] ?? none())[role] < (counts[a] ?? none())[role] ? b : a));
		roles[best] = role;
	}
	return roles;
}

export function countRoles(counts: Record<string, Record<Role, number>>, roles: Record<string, Role>): void {
	for (const [id, role] of Object.entries(roles)) (counts[id] ??= none())[role] += 1;
}
