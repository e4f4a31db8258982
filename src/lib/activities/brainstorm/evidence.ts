import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config } from './schema';
import type { State } from './state';
import { phoneView, topIdeas } from './views';

const STATUS: Record<'on-wall' | 'merged' | 'removed', string> = {
	'on-wall': 'on the wall',
	merged: 'merged',
	removed: 'taken off the wall by the trainer'
};

/**
 * The ideas the learner wrote (as their phone lists them, so merges and themes read the same),
 * the ideas they voted for, and once revealed the room's top ideas: an anonymous aggregate the
 * whole room saw. Who wrote or voted for anything else is never read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const mine = phoneView(state, ctx).mine;
	const votes = state.votes[ctx.participantId] ?? [];
	if (mine.length === 0 && votes.length === 0) return [];
	const topic = ctx.config.prompt ? `: ${ctx.config.prompt}` : '';
	const items: EvidenceItem[] = [];
	if (mine.length) {
		items.push({
			heading: `Your ideas${topic}`,
			kind: 'own',
			lines: mine.map((i) => {
				const where =
					i.status === 'merged' && i.mergedWith
						? `merged with "${i.mergedWith}"`
						: STATUS[i.status];
				return { label: i.theme ?? 'Not sorted', text: `${i.text} (${where})` };
			})
		});
	}
	if (votes.length) {
		// Dots may stack on one card: count them per card, in the order first placed.
		const counts = new Map<string, number>();
		for (const v of votes) counts.set(v.ref, (counts.get(v.ref) ?? 0) + 1);
		const text = new Map(state.ideas.map((i) => [i.ref, i.text]));
		items.push({
			heading: 'Your votes',
			kind: 'own',
			lines: [...counts].map(([ref, n]) => ({
				label: n === 1 ? '1 vote' : `${n} votes`,
				text: text.get(ref) ?? 'An idea no longer on the wall'
			}))
		});
	}
	if (ctx.status === 'revealed') {
		const top = topIdeas(state);
		if (top.length) {
			items.push({
				heading: "The room's top ideas",
				kind: 'group',
				lines: top.map((t) => ({
					label: `${t.rank}.`,
					text: `${t.text} (${t.votes} ${t.votes === 1 ? 'vote' : 'votes'}${t.theme ? `, ${t.theme}` : ''})`
				}))
			});
		}
	}
	return items;
}
