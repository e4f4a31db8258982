import { InputRejected, type InputContext } from '../contract';
import { seededRandom } from '../shared/random';
import { choose, editPart } from '../shared/plan-parts';
import { pickOne } from './deal';
import type { Config, Input } from './schema';
import { give, type Plan, type State } from './state';
import { PLAN_TEXT_MAX } from './words';

/**
 * Applies one phone's input. A plan part or the cause choice is one value per group and card:
 * inputs apply in the server's order; edits to different parts all land, and a save based on a
 * text someone else has changed since is refused until its person chooses how to settle it. Every check comes before the
 * first change, as the contract requires.
 */
export function reduce(state: State, input: Input, ctx: InputContext, config: Config): State {
	switch (input.kind) {
		case 'draw': {
			if (!config.groupsDraw)
				throw new InputRejected('The trainer deals the cards in this activity: wait for yours.');
			const groupId = requireGroup(ctx);
			if (state.hands[groupId]?.current) throw new InputRejected('Your group already has a card.');
			const pick = pickOne(
				state,
				groupId,
				config.cards.map((c) => c.id),
				seededRandom(ctx.inputId)
			);
			if (!pick)
				throw new InputRejected('Every card in the deck is with another group. Ask the trainer.');
			give(state, groupId, pick.card, ctx.at);
			return state;
		}
		case 'edit-plan': {
			const plan = ownPlan(state, ctx, input.cardId);
			const next = editPart(
				plan.fields[input.field],
				input,
				ctx.participantId,
				ctx.at,
				PLAN_TEXT_MAX
			);
			if (next) plan.fields[input.field] = next;
			return state;
		}
		case 'choose-cause': {
			const plan = ownPlan(state, ctx, input.cardId);
			plan.cause = choose(plan.cause, input.cause, ctx.participantId, ctx.at);
			return state;
		}
		case 'observe': {
			const round = state.rounds.at(-1);
			if (!round) throw new InputRejected('There is no role-play round yet.');
			const groupId = ctx.groupId;
			const cast = groupId ? round.groups[groupId] : undefined;
			if (!groupId || !cast || cast.roles[ctx.participantId] !== 'observer') {
				throw new InputRejected('Only this round’s observer fills in the checklist.');
			}
			const existing = state.observations.find(
				(o) => o.round === round.number && o.observerId === ctx.participantId
			);
			const values = { checks: input.checks, note: input.note, at: ctx.at };
			if (existing) Object.assign(existing, values);
			else
				state.observations.push({
					round: round.number,
					groupId,
					cardId: cast.cardId,
					observerId: ctx.participantId,
					...values
				});
			return state;
		}
	}
}

function requireGroup(ctx: InputContext): string {
	if (!ctx.groupId)
		throw new InputRejected('You are not in a group yet: the trainer will put you in one.');
	return ctx.groupId;
}

/** The plan the sender may change: their own group's, for the card it holds now. */
function ownPlan(state: State, ctx: InputContext, cardId: string): Plan {
	const groupId = ctx.groupId;
	const hand = groupId ? state.hands[groupId] : undefined;
	if (hand && hand.current === cardId) return hand.plans[cardId]!;
	if (hand?.plans[cardId])
		throw new InputRejected(
			'Your group has a new card now. The plan for the old one is kept, but closed.'
		);
	const elsewhere = Object.entries(state.hands).some(
		([id, h]) => id !== groupId && h.plans[cardId]
	);
	if (elsewhere)
		throw new InputRejected(
			'That card belongs to another group: only its members can change its plan.'
		);
	if (!groupId)
		throw new InputRejected(
			'Only members of a group can change its plan, and you are not in one yet.'
		);
	throw new InputRejected('Your group does not have that card. Refresh the page to see your card.');
}
