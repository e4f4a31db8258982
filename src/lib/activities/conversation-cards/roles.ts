import * as rounds from '../shared/rounds';
import type { Role } from './words';

/** The parts to hand out in a group of n: one manager, one employee, everyone else observes. */
export function slotsFor(n: number): Role[] {
	if (n <= 0) return [];
	if (n === 1) return ['manager'];
	return ['manager', 'employee', ...Array<Role>(n - 2).fill('observer')];
}

const none = (): Record<Role, number> => ({ manager: 0, employee: 0, observer: 0 });

/** In a pair the two swap; in a four, over four rounds each person manages once, plays the employee once and observes twice. */
export const assignRoles = (
	memberIds: string[],
	round: number,
	counts: Record<string, Record<Role, number>>
) => rounds.assignRoles(memberIds, round, counts, slotsFor(memberIds.length), none);

export const countRoles = (
	counts: Record<string, Record<Role, number>>,
	roles: Record<string, Role>
) => rounds.countRoles(counts, roles, none);
