import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config, GoalType, Scores } from './schema';
import { coach, CRITERIA, CRITERION_NAME } from './smart';
import type { State, Version } from './state';
import { situationLabel } from './views';
import { GOAL_TYPE_NAME, SCORE_NAME } from './wording';

type Lines = EvidenceItem['lines'];

/** One goal version, the achievability the author gave, and the SMART coach's check (the phone's own rules). */
function versionLines(label: string, v: Version, goalType: GoalType | null): Lines {
	const checks = coach(v.text, v.achievable, goalType);
	return [
		{ label, text: v.text },
		{
			label: 'Achievable (own rating)',
			text: v.achievable === null ? 'Not rated' : `${v.achievable} out of 5`
		},
		...checks.map((c) => ({
			label: `SMART check, ${CRITERION_NAME[c.criterion].name}`,
			text: `${c.pass ? 'Met' : 'Not yet'}. ${c.reason}`
		}))
	];
}

const scoreLine = (scores: Scores) =>
	CRITERIA.map((c) => `${CRITERION_NAME[c].name}: ${SCORE_NAME[scores[c]]}`).join('; ');

/**
 * The learner's goal (first version and revision, each with the SMART check), the reviews it
 * received (never the reviewer's name), and the reviews they wrote with the goal they reviewed:
 * that goal text is part of their review. Its author's name, own-situation text and other reviews
 * are not included, nor anyone else's goal.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const me = ctx.participantId;
	const { config } = ctx;
	const items: EvidenceItem[] = [];
	const entry = state.entries[me];
	if (entry && (entry.v1 || entry.draft.text)) {
		const lines: Lines = [
			{
				label: 'Situation',
				text:
					entry.situation?.kind === 'own'
						? `Your own situation: ${entry.situation.text}`
						: situationLabel(config, entry.situation, true) || 'Not chosen'
			},
			{ label: 'Goal type', text: entry.goalType ? GOAL_TYPE_NAME[entry.goalType] : 'Not chosen' }
		];
		if (entry.v1) lines.push(...versionLines('First version', entry.v1, entry.goalType));
		else
			lines.push(
				...versionLines(
					'Draft (not submitted)',
					{
						text: entry.draft.text,
						achievable: entry.draft.achievable,
						at: 0
					},
					entry.goalType
				)
			);
		if (entry.v2) lines.push(...versionLines('Revised version', entry.v2, entry.goalType));
		const received = entry.goalId ? (state.reviews[entry.goalId] ?? []) : [];
		received.forEach((r, i) => {
			const which = received.length > 1 ? ` ${i + 1}` : '';
			lines.push({
				label: `Peer review${which} (of version ${r.version})`,
				text: scoreLine(r.scores)
			});
			if (r.comment) lines.push({ label: `Reviewer's comment${which}`, text: r.comment });
		});
		items.push({ heading: 'Your goal', kind: 'own', lines });
	}
	for (const [goalId, reviews] of Object.entries(state.reviews)) {
		for (const r of reviews) {
			if (r.reviewerId !== me) continue;
			const author = state.entries[state.authors[goalId] ?? ''];
			const reviewed = r.version === 2 ? author?.v2 : author?.v1;
			const lines: Lines = [];
			// The prompt's name only: an own situation may describe the author's real colleague.
			if (author)
				lines.push({
					label: 'Situation',
					text: situationLabel(config, author.situation, false) || 'Not given'
				});
			if (author?.goalType)
				lines.push({ label: 'Goal type', text: GOAL_TYPE_NAME[author.goalType] });
			if (reviewed) lines.push({ label: 'Goal you reviewed', text: reviewed.text });
			lines.push({ label: 'Your scores', text: scoreLine(r.scores) });
			if (r.comment) lines.push({ label: 'Your comment', text: r.comment });
			items.push({
				heading: `Your review of a colleague's goal (round ${r.round})`,
				kind: 'own',
				lines
			});
		}
	}
	return items;
}
