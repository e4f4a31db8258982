/**
 * Role rotation for round-based practice (conversation role-play, coaching in threes). Each part
 * goes to the member who has played it least so far; ties go round the group in member order,
 * starting one place further on each round. In a stable trio that is a plain rotation (everyone
 * plays each role once in three rounds); someone who joins late has played nothing, so they get
 * the main parts first. The caller says which parts a group of its size hands out.
 */
export function assignRoles<R extends string>(
	memberIds: string[],
	round: number,
	counts: Record<string, Record<R, number>>,
	slots: R[],
	zero: () => Record<R, number>
): Record<string, R> {
	const n = memberIds.length;
	const start = n ? round % n : 0;
	const rotation = memberIds.map((_, i) => memberIds[(start + i) % n]!);
	const roles: Record<string, R> = {};
	for (const role of slots) {
		const free = rotation.filter((id) => !(id in roles));
		const best = free.reduce((a, b) =>
			(counts[b] ?? zero())[role] < (counts[a] ?? zero())[role] ? b : a
		);
		roles[best] = role;
	}
	return roles;
}

export function countRoles<R extends string>(
	counts: Record<string, Record<R, number>>,
	roles: Record<string, R>,
	zero: () => Record<R, number>
): void {
	for (const [id, role] of Object.entries(roles) as [string, R][])
		(counts[id] ??= zero())[role] += 1;
}
