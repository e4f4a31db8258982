import type { PhoneContext, ViewContext } from '../contract';
import { countsResult, type PhoneResult } from '../shared/phone-result';
import { showCard, type ShownCard } from './phone';
import type { Config } from './schema';
import type { State } from './state';
import {
	CAUSE_LABEL,
	CAUSE_SIDE,
	CAUSES,
	CHECKLIST,
	FIELDS,
	ROLES,
	type Cause,
	type Field,
	type Role
} from './words';

export interface GroupTile {
	id: string;
	name: string;
	members: number;
	card: ShownCard | null;
	/** How many cards it has been given (a re-deal or swap adds one). */
	cardsHeld: number;
	/** Plan parts with text in them, of six. */
	filled: number;
	/** Group work, so the room may see it (never who typed what). */
	plan: Record<Field, string>;
	cause: Cause | null;
	/** The latest round's parts, by name. */
	cast: { role: Role; names: string[] }[];
}

export interface RevealRow {
	groupId: string;
	groupName: string;
	cardTitle: string;
	chosen: Cause | null;
	likely: Cause;
	match: boolean;
}

export interface ProjectorView {
	groups: GroupTile[];
	spotlight: string | null;
	deck: { size: number; unseen: number };
	groupsDraw: boolean;
	roundMinutes: number;
	round: { number: number; startedAt: number; minutes: number; endedAt: number | null } | null;
	/** Group names the last deal or swap had to give a card again, or none. */
	lastDeal: { repeats: string[]; without: string[] } | null;
	/** Only once revealed: each group's chosen cause against its card's likely cause. */
	reveal: {
		rows: RevealRow[];
		tally: { cause: Cause; chosen: number; likely: number }[];
		sides: {
			chosen: { person: number; environment: number; circumstances: number };
			likely: { person: number; environment: number; circumstances: number };
		};
	} | null;
	/**
	 * The trainer's notes on the cards groups hold now (law and policy points), keyed by card id.
	 * The remote shows them; the projector's screen never does, and no phone gets them.
	 */
	trainerNotes: Record<string, string>;
	/** Across every observation in the room: how often each item was ticked. */
	checklist: { id: string; label: string; ticked: number }[];
	observations: number;
}

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const revealed = ctx.status === 'revealed';
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const groupName = new Map(ctx.groups.map((g) => [g.id, g.name]));
	const cards = new Map(ctx.config.cards.map((c) => [c.id, c]));
	const last = state.rounds.at(-1);

	const groups = ctx.groups.map((g): GroupTile => {
		const hand = state.hands[g.id];
		const card = hand?.current ? cards.get(hand.current) : undefined;
		const plan = hand?.current ? hand.plans[hand.current] : undefined;
		const texts = Object.fromEntries(FIELDS.map((f) => [f, plan?.fields[f]?.text ?? ''])) as Record<
			Field,
			string
		>;
		const roles = last?.groups[g.id]?.roles ?? {};
		return {
			id: g.id,
			name: g.name,
			members: g.memberIds.length,
			card: card ? showCard(card, revealed) : null,
			cardsHeld: hand?.history.length ?? 0,
			filled: FIELDS.filter((f) => texts[f].trim() !== '').length,
			plan: texts,
			cause: plan?.cause?.value ?? null,
			cast: ROLES.map((r) => ({
				role: r,
				names: Object.entries(roles)
					.filter(([, x]) => x === r)
					.map(([id]) => names.get(id) ?? 'Former member')
			})).filter((c) => c.names.length)
		};
	});

	return {
		groups,
		spotlight: state.spotlight,
		deck: {
			size: ctx.config.cards.length,
			unseen: ctx.config.cards.filter((c) => !state.seen.includes(c.id)).length
		},
		groupsDraw: ctx.config.groupsDraw,
		roundMinutes: ctx.config.roundMinutes,
		round: last
			? {
					number: last.number,
					startedAt: last.startedAt,
					minutes: last.minutes,
					endedAt: last.endedAt
				}
			: null,
		lastDeal: state.lastDeal
			? {
					repeats: state.lastDeal.repeats.map((id) => groupName.get(id) ?? 'A former group'),
					without: state.lastDeal.without.map((id) => groupName.get(id) ?? 'A former group')
				}
			: null,
		reveal: revealed ? reveal(groups, cards) : null,
		trainerNotes: Object.fromEntries(
			groups.flatMap((g) => {
				const note = g.card ? cards.get(g.card.id)?.trainerNote : undefined;
				return g.card && note ? [[g.card.id, note]] : [];
			})
		),
		checklist: CHECKLIST.map((c) => ({
			id: c.id,
			label: c.label,
			ticked: state.observations.filter((o) => o.checks.includes(c.id)).length
		})),
		observations: state.observations.length
	};
}

function reveal(
	groups: GroupTile[],
	cards: Map<string, Config['cards'][number]>
): ProjectorView['reveal'] {
	const rows = groups.flatMap((g): RevealRow[] => {
		const card = g.card ? cards.get(g.card.id) : undefined;
		if (!card) return [];
		return [
			{
				groupId: g.id,
				groupName: g.name,
				cardTitle: card.title,
				chosen: g.cause,
				likely: card.likelyCause,
				match: g.cause === card.likelyCause
			}
		];
	});
	const side = (pick: (r: RevealRow) => Cause | null) => ({
		person: rows.filter((r) => pick(r) && CAUSE_SIDE[pick(r)!] === 'person').length,
		environment: rows.filter((r) => pick(r) && CAUSE_SIDE[pick(r)!] === 'environment').length,
		circumstances: rows.filter((r) => pick(r) && CAUSE_SIDE[pick(r)!] === 'circumstances').length
	});
	return {
		rows,
		tally: CAUSES.map((cause) => ({
			cause,
			chosen: rows.filter((r) => r.chosen === cause).length,
			likely: rows.filter((r) => r.likely === cause).length
		})),
		sides: { chosen: side((r) => r.chosen), likely: side((r) => r.likely) }
	};
}

/**
 * The phone's copy of the revealed tally: how many groups chose each cause against how many cards
 * point to it, and the person's own group's card said in words.
 */
export function phoneResult(state: State, ctx: PhoneContext<Config>): PhoneResult | null {
	const view = projectorView(state, ctx);
	if (!view.reveal) return null;
	const own = view.reveal.rows.find((r) => r.groupId === ctx.groupId);
	const result = countsResult(
		'Causes the groups chose',
		view.reveal.tally.map((t) => CAUSE_LABEL[t.cause]),
		view.reveal.tally.map((t) => t.chosen),
		view.reveal.rows.length,
		'groups',
		own?.chosen ? [CAUSES.indexOf(own.chosen)] : []
	);
	const likely = view.reveal.tally.filter((t) => t.likely > 0);
	result.note = [
		own
			? `Your group’s card, “${own.cardTitle}”: likely cause ${CAUSE_LABEL[own.likely]}${own.match ? ', as your group chose.' : '.'}`
			: '',
		`On the room’s cards: ${likely.map((t) => `${CAUSE_LABEL[t.cause]} ${t.likely}`).join(', ')}.`
	]
		.filter(Boolean)
		.join(' ');
	return result;
}
