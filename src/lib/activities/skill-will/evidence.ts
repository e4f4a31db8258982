import type { EvidenceItem, PhoneContext } from '../contract';
import { PER_TASK_NOTE, QUADRANT_GUIDE, quadrantOf, SCALE_MAX } from './quadrant';
import type { Config } from './schema';
import type { State } from './type';

/**
 * The learner's own placements: initials, task, the two scores and the quadrant with the approach
 * their phone suggested. Placements are private, so only this person's are read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const placements = state.people[ctx.participantId]?.placements ?? [];
	return placements.map((p) => {
		// The same quadrant rule the phone uses, so the pack matches what they saw.
		const guide = QUADRANT_GUIDE[quadrantOf(p.skill, p.will)];
		return {
			heading: `Your skill/will placement: ${p.initials}, ${p.task}`,
			kind: 'own' as const,
			lines: [
				{ label: 'Person', text: p.initials },
				{ label: 'Task', text: p.task },
				{ label: 'Skill', text: `${p.skill} out of ${SCALE_MAX}` },
				{ label: 'Will', text: `${p.will} out of ${SCALE_MAX}` },
				{ label: 'Quadrant', text: `${guide.name} (${guide.where.toLowerCase()})` },
				{ label: 'Suggested approach', text: guide.response },
				{ text: PER_TASK_NOTE }
			]
		};
	});
}
