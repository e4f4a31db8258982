import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config } from './schema';
import type { State } from './type';

/** The learner's own choice(s). Other people's answers are private and never read here. */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const chosen = state.answers[ctx.participantId];
	if (!chosen?.length) return [];
	const { question, options } = ctx.config;
	return [
		{
			heading: `Your poll answer: ${question}`,
			kind: 'own',
			lines: [
				{ label: 'Question', text: question },
				...chosen.map((i) => ({
					label: chosen.length > 1 ? 'You chose' : 'Your answer',
					text: options[i] ?? `Option ${i + 1}`
				}))
			]
		}
	];
}
