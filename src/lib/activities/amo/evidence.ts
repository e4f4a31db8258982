import type { EvidenceItem, PhoneContext } from '../contract';
import { formatMean, profileOf } from './profile';
import type { Config } from './schema';
import { listStatements } from './statements';
import type { State } from './type';
import { BAND_LABEL, GUIDE, SCALE } from './wording';

const scaleLabel = (value: number) => SCALE.find((s) => s.value === value)?.label ?? String(value);

/**
 * The learner's own AMO answer: who it was about (initials only, as stored: the person discussed is
 * not in the room), each rating, and the profile their phone showed. Answers are private, so nothing
 * of anyone else's is read here.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const answer = state.answers[ctx.participantId];
	if (!answer || (!answer.subject && Object.keys(answer.ratings).length === 0)) return [];
	const statements = listStatements(ctx.config.statements);
	const subject = answer.subject;
	const about = !subject
		? 'not chosen'
		: subject.type === 'team'
			? 'your team'
			: subject.initials
				? subject.initials
				: 'one team member';

	const lines: EvidenceItem['lines'] = [{ label: 'About', text: about }];
	for (const s of statements) {
		const value = answer.ratings[s.id];
		if (value !== undefined)
			lines.push({ label: `${GUIDE[s.dimension].name}: ${s.text}`, text: scaleLabel(value) });
	}
	if (answer.complete) {
		// The same profile the phone shows, from the same function, so the pack never disagrees with it.
		const profile = profileOf(statements, answer.ratings);
		for (const score of profile.scores) {
			const band = score.band ? ` (${BAND_LABEL[score.band].toLowerCase()})` : '';
			lines.push({
				label: `${GUIDE[score.dimension].name} score`,
				text: `${formatMean(score.mean)} out of 5${band}`
			});
		}
		const weakest = profile.weakest.map((d) => GUIDE[d].name).join(' and ');
		lines.push({ label: 'Lowest', text: weakest || 'All three level: no single weak spot' });
		for (const d of profile.weakest)
			lines.push({ label: `Suggested action (${GUIDE[d].name})`, text: GUIDE[d].action });
	} else {
		lines.push({ label: 'Status', text: 'Not finished: no profile yet' });
	}
	return [{ heading: `Your AMO profile: about ${about}`, kind: 'own', lines }];
}
