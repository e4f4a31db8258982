import { sortCriteria } from '$lib/shared/ilm';
import { criteriaCoverage, type EvidencePack, type PackActivity } from '$lib/shared/evidence';
import { isoTime } from './format';
import { personsOf, viewContext, type SessionData } from './session';

/**
 * One learner's outputs: only what the types' `evidence` gives for this person (their own answers
 * and their groups' work), so a pack can never show another person's private answers.
 */
export function evidencePack(
	data: SessionData,
	participantId: string,
	now = Date.now()
): EvidencePack | undefined {
	const person = data.people.find((p) => p.id === participantId);
	if (!person) return undefined;
	const people = personsOf(data);
	const activities: PackActivity[] = [];
	for (const run of data.runs) {
		if (!run.type?.evidence || !run.live) continue;
		const groupId = run.row.groups.find((g) => g.memberIds.includes(participantId))?.id ?? null;
		const items = run.type.evidence(run.live.state, {
			...viewContext(run.row, people),
			participantId,
			groupId
		});
		if (!items.length) continue;
		activities.push({
			runId: run.row.id,
			title: run.row.title,
			label: run.label,
			at: isoTime(run.row.launchedAt),
			criteria: sortCriteria(run.row.criteria),
			items
		});
	}
	return {
		session: {
			title: data.room.title,
			date: isoTime(data.room.run.startedAt ?? data.room.createdAt),
			trainer: data.owner.name
		},
		participant: { name: person.name },
		activities,
		...criteriaCoverage(activities),
		generatedAt: isoTime(now)
	};
}
