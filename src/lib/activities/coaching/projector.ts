import type { ViewContext } from '../contract';
import { countsResult, type PhoneResult } from '../shared/phone-result';
import type { Config } from './schema';
import type { State, Triad } from './state';
import { CHECKLIST, STEPS, STEP_LABEL, type Step } from './words';

export interface TriadTile {
	id: string;
	name: string;
	members: number;
	/** Steps this round's coach ticked (of four). Group progress only: no names, no notes. */
	covered: Step[];
	/** Whether this round's observer(s) have ticked or written anything (never what). */
	observed: boolean;
	/** In this round at all (a group formed after it started waits for the next). */
	playing: boolean;
}

export interface ProjectorView {
	roundMinutes: number;
	round: { number: number; startedAt: number; minutes: number; endedAt: number | null } | null;
	triads: TriadTile[];
	/** Only once revealed: across every conversation (each triad in each round). */
	reveal:
		| (Reveal & {
				/** The same for each group's own conversations, by group id. */ groups: Record<
					string,
					Reveal
				>;
		  })
		| null;
}

export interface Reveal {
	conversations: number;
	steps: { step: Step; label: string; covered: number }[];
	/** How many observations ticked each checklist item: counts only. */
	checklist: { id: string; label: string; ticked: number }[];
	observations: number;
}

/** The bars for some conversations: the room's, or one group's (in focus, and in the report). */
function revealOf(conversations: Triad[]): Reveal {
	const observations = conversations.flatMap((t) => Object.values(t.observations));
	return {
		conversations: conversations.length,
		steps: STEPS.map((step) => ({
			step,
			label: STEP_LABEL[step],
			covered: conversations.filter((t) => t.covered.includes(step)).length
		})),
		checklist: CHECKLIST.map((c) => ({
			id: c.id,
			label: c.label,
			ticked: observations.filter((o) => o.checks.includes(c.id)).length
		})),
		observations: observations.length
	};
}

/** A group's conversation counts once someone played in it. */
const held = (t: Triad | undefined): t is Triad => !!t && Object.keys(t.roles).length > 0;

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const last = state.rounds.at(-1);
	const triads = ctx.groups.map((g): TriadTile => {
		const t = last?.triads[g.id];
		return {
			id: g.id,
			name: g.name,
			members: g.memberIds.length,
			covered: t ? [...t.covered] : [],
			observed: t
				? Object.values(t.observations).some((o) => o.note !== '' || o.checks.length > 0)
				: false,
			playing: t !== undefined
		};
	});

	let reveal: ProjectorView['reveal'] = null;
	if (ctx.status === 'revealed') {
		const groups: Record<string, Reveal> = {};
		for (const g of ctx.groups)
			groups[g.id] = revealOf(state.rounds.map((r) => r.triads[g.id]).filter(held));
		reveal = {
			...revealOf(state.rounds.flatMap((r) => Object.values(r.triads)).filter(held)),
			groups
		};
	}

	return {
		roundMinutes: ctx.config.roundMinutes,
		round: last
			? {
					number: last.number,
					startedAt: last.startedAt,
					minutes: last.minutes,
					endedAt: last.endedAt
				}
			: null,
		triads,
		reveal
	};
}

/** The phone's copy of the revealed bars: the GROW steps the room's conversations covered. */
export function phoneResult(state: State, ctx: ViewContext<Config>): PhoneResult | null {
	const reveal = projectorView(state, ctx).reveal;
	if (!reveal) return null;
	return countsResult(
		'Which GROW steps the conversations covered',
		reveal.steps.map((s) => s.label),
		reveal.steps.map((s) => s.covered),
		reveal.conversations,
		'conversations'
	);
}
