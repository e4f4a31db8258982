import { InputRejected, type InputContext } from '../contract';
import type { Config, Input } from './schema';
import { emptyLinks, type Card, type GroupWork, type State } from './state';
import { linkCount, MAX_CARDS_PER_GROUP } from './steps';

/** Whose pyramid an input edits: the sender's group, or the sender alone when they have none. */
export const workKey = (ctx: Pick<InputContext, 'groupId' | 'participantId'>) =>
	ctx.groupId ?? ctx.participantId;

/**
 * Applies one input. Each input changes one field of one card or link, and inputs apply in the
 * server's order, so concurrent adds all land (each has its own id) and two edits of the same
 * field end with the later one: last write wins, and every phone is sent the winner.
 * Every check happens before the first change, as the contract requires.
 */
export function reduce(state: State, input: Input, ctx: InputContext, config: Config): State {
	const key = workKey(ctx);
	if (input.kind === 'add-card') {
		const work = state.groups[key];
		// A repeated input id is a retry that slipped past the engine: harmless, nothing to do.
		// Ids are the sender's own input ids, prefixed with the sender: two phones can never collide.
		const cardId = `${ctx.participantId}:${ctx.inputId}`;
		if (work && (work.cards.some((c) => c.id === cardId) || work.deleted.includes(cardId)))
			return state;
		if (work && work.cards.length >= MAX_CARDS_PER_GROUP) {
			throw new InputRejected(
				`Your group already has ${MAX_CARDS_PER_GROUP} cards, the most allowed. Delete or merge a few before adding more.`
			);
		}
		const card: Card = {
			id: cardId,
			step: input.step,
			text: input.text,
			tag: input.tag ?? null,
			authorId: ctx.participantId,
			updatedAt: ctx.at
		};
		const into = workFor(state, key, ctx.groupId === null);
		into.cards.push(card);
		into.rev += 1;
		return state;
	}
	if (input.kind === 'set-link') {
		if (input.from >= linkCount(config.preset))
			throw new InputRejected(
				'This pyramid has no link from step 5 back to step 1: only the cycle has one.'
			);
		const into = workFor(state, key, ctx.groupId === null);
		into.links[input.from] = input.strength;
		into.rev += 1;
		return state;
	}

	const { work, card } = findOwnCard(state, key, input.cardId);
	const at = work.cards.indexOf(card);
	if (input.kind === 'delete-card') {
		work.cards.splice(at, 1);
		work.deleted.push(card.id);
		work.rev += 1;
		return state;
	}
	// A changed card is a new object, never the old one changed: the views built from the group's
	// cards keep what they built per card object and reuse it while the object stays the same,
	// without reading every card of the group again (500 groups' cards are far apart in memory).
	const next: Card = {
		id: card.id,
		step: input.kind === 'move-card' ? input.step : card.step,
		text: input.kind === 'edit-card' ? input.text : card.text,
		tag: input.kind === 'tag-card' ? input.tag : card.tag,
		authorId: card.authorId,
		updatedAt: ctx.at
	};
	if (input.kind === 'move-card' && card.step !== input.step) {
		// To the end of its new step, where the person who moved it will look for it.
		work.cards.splice(at, 1);
		work.cards.push(next);
	} else work.cards[at] = next;
	work.rev += 1;
	return state;
}

function workFor(state: State, key: string, solo: boolean): GroupWork {
	return (state.groups[key] ??= { solo, cards: [], links: emptyLinks(), deleted: [], rev: 0 });
}

/** The card, if it is the sender's group's; otherwise a message the sender can act on. */
function findOwnCard(state: State, key: string, cardId: string): { work: GroupWork; card: Card } {
	const work = state.groups[key];
	const card = work?.cards.find((c) => c.id === cardId);
	if (work && card) return { work, card };
	if (work?.deleted.includes(cardId))
		throw new InputRejected('Someone in your group has deleted that card.');
	const elsewhere = Object.entries(state.groups).some(
		([k, w]) => k !== key && (w.cards.some((c) => c.id === cardId) || w.deleted.includes(cardId))
	);
	if (elsewhere)
		throw new InputRejected(
			'That card belongs to another group: only its own group can change it.'
		);
	throw new InputRejected(
		'That card could not be found. Refresh the page to see your group’s latest cards.'
	);
}
