import * as rounds from '../shared/rounds';
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

/** In a pair the two swap; in a four, over four rounds each person coaches once, is coached once and observes twice. */
export const assignRoles = (
	memberIds: string[],
	round: number,
	counts: Record<string, Record<Role, number>>
) => rounds.assignRoles(memberIds, round, counts, slotsFor(memberIds.length), none);

export const countRoles = (
	counts: Record<string, Record<Role, number>>,
	roles: Record<string, Role>
) => rounds.countRoles(counts, roles, none);
