import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config } from './schema';
import type { Answer, State } from './type';

/** "Pros: …": the column says which list an answer was added to. */
const line = (a: Answer, config: Config) => ({
	label: config.columns[a.column] ?? config.columns[0],
	text: a.text
});

/**
 * The answers the learner added, and the whole list of each group they worked in: their current
 * group, and any group they added answers to before being moved. Another group's answers, and
 * other people's answers when working alone, are never read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const me = ctx.participantId;
	const { config } = ctx;
	const items: EvidenceItem[] = [];
	const mine = state.answers.filter((a) => a.authorId === me);
	if (mine.length) {
		items.push({
			heading: `Your answers: ${config.question}`,
			kind: 'own',
			lines: mine.map((a) => line(a, config))
		});
	}
	const groupIds = new Set(mine.filter((a) => !a.solo).map((a) => a.owner));
	if (ctx.groupId) groupIds.add(ctx.groupId);
	for (const groupId of groupIds) {
		const theirs = state.answers.filter((a) => !a.solo && a.owner === groupId);
		if (theirs.length === 0) continue;
		const name = ctx.groups.find((g) => g.id === groupId)?.name ?? 'Your earlier group';
		items.push({
			heading: `${name}'s answers: ${config.question}`,
			kind: 'group',
			lines: theirs.map((a) => ({
				...line(a, config),
				text: a.authorId === me ? `${a.text} (yours)` : a.text
			}))
		});
	}
	return items;
}
