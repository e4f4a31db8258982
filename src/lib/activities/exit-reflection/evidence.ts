import type { EvidenceItem, PhoneContext } from '../contract';
import { CONFIDENCE_MAX, type Config } from './schema';
import type { State } from './type';

/** The learner's own reflection and confidence. Everyone else's stay private. */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const own = state.reflections[ctx.participantId];
	if (!own) return [];
	return [
		{
			heading: 'Your exit reflection',
			kind: 'own',
			lines: [
				{ label: ctx.config.question, text: own.text },
				{ label: ctx.config.confidenceQuestion, text: `${own.confidence} out of ${CONFIDENCE_MAX}` }
			]
		}
	];
}
