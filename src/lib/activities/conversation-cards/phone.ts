import type { PhoneContext } from '../contract';
import { phoneChoice, phonePart, type PhoneChoice, type PhonePart } from '../shared/plan-parts';
import type { Card } from './deck';
import type { Config } from './schema';
import type { State } from './state';
import { FIELDS, ROLES, type Cause, type CheckId, type Field, type Role } from './words';

/**
 * A card as a phone or the projector sees it: the likely cause stays null until the trainer
 * reveals, and the trainer's note is never in it (the trainers' view carries notes separately).
 */
export type ShownCard = Omit<Card, 'likelyCause' | 'trainerNote'> & { likelyCause: Cause | null };

export function showCard(card: Card, revealed: boolean): ShownCard {
	return {
		id: card.id,
		title: card.title,
		situation: card.situation,
		employeeSays: card.employeeSays,
		likelyCause: revealed ? card.likelyCause : null
	};
}

export type PhoneField = PhonePart;

export interface PhoneView {
	inGroup: boolean;
	/** The group has no card and the content file lets groups draw. */
	canDraw: boolean;
	card: ShownCard | null;
	plan: Record<Field, PhoneField>;
	cause: PhoneChoice<Cause>;
	/** The latest role-play round this person's group took part in. */
	round: {
		number: number;
		startedAt: number;
		minutes: number;
		endedAt: number | null;
		role: Role | null;
		cast: { role: Role; names: string[] }[];
	} | null;
	/** The observer's own ticks and note for that round; only on the observer's phone. */
	observation: { checks: CheckId[]; note: string } | null;
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const nameOf = (id: string) =>
		id === ctx.participantId ? 'You' : (names.get(id) ?? 'A former member');
	const hand = ctx.groupId ? state.hands[ctx.groupId] : undefined;
	const cardId = hand?.current ?? null;
	const card = ctx.config.cards.find((c) => c.id === cardId);
	const plan = cardId ? hand?.plans[cardId] : undefined;

	const fields = Object.fromEntries(
		FIELDS.map((f): [Field, PhoneField] => {
			return [f, phonePart(plan?.fields[f], ctx.participantId, nameOf)];
		})
	) as Record<Field, PhoneField>;

	const last = state.rounds.at(-1);
	const cast = ctx.groupId ? last?.groups[ctx.groupId] : undefined;
	const role = cast?.roles[ctx.participantId] ?? null;
	const mine =
		role === 'observer' && last
			? state.observations.find(
					(o) => o.round === last.number && o.observerId === ctx.participantId
				)
			: undefined;

	return {
		inGroup: ctx.groupId !== null,
		canDraw: ctx.config.groupsDraw && ctx.groupId !== null && !cardId,
		card: card ? showCard(card, ctx.status === 'revealed') : null,
		plan: fields,
		cause: phoneChoice(plan?.cause, ctx.participantId, nameOf),
		round:
			last && cast
				? {
						number: last.number,
						startedAt: last.startedAt,
						minutes: last.minutes,
						endedAt: last.endedAt,
						role,
						cast: ROLES.map((r) => ({
							role: r,
							names: Object.entries(cast.roles)
								.filter(([, x]) => x === r)
								.map(([id]) => nameOf(id))
						})).filter((c) => c.names.length)
					}
				: null,
		observation: role === 'observer' ? { checks: mine?.checks ?? [], note: mine?.note ?? '' } : null
	};
}
