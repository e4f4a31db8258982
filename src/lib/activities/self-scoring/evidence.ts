import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config } from './schema';
import { dimensionsOf, formatScore, itemsOf, profileOf, scaleOf } from './scoring';
import type { State } from './type';

/**
 * The learner's own ratings and, once finished, the profile their phone showed (same scoring
 * functions). It is a reflection aid, so the note travels with it. Nobody else's answers are read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const answer = state.answers[ctx.participantId];
	if (!answer || Object.keys(answer.ratings).length === 0) return [];
	const scale = scaleOf(ctx.config);
	const label = (v: number) => scale.find((p) => p.value === v)?.label ?? String(v);
	const lines: EvidenceItem['lines'] = [];
	for (const item of itemsOf(ctx.config)) {
		const v = answer.ratings[item.id];
		if (v !== undefined) lines.push({ label: item.text, text: label(v) });
	}
	if (answer.complete) {
		const profile = profileOf(ctx.config, answer.ratings);
		const dims = dimensionsOf(ctx.config);
		profile.scores.forEach((score, i) => {
			const d = dims[i];
			if (d)
				lines.push({
					label: `${d.name} score`,
					text: `${formatScore(score.mean)} out of ${scale.length}`
				});
		});
		const highest = dims.filter((d) => profile.highest.includes(d.id)).map((d) => d.name);
		lines.push({
			label: 'Highest',
			text: highest.length ? highest.join(' and ') : 'All level: no single highest'
		});
	} else {
		lines.push({ label: 'Status', text: 'Not finished: no profile yet' });
	}
	lines.push({ label: 'Note', text: ctx.config.note });
	return [{ heading: 'Your questionnaire profile', kind: 'own', lines }];
}
