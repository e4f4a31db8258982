import { InputRejected, type TrainerContext } from '../contract';
import { dealAll, pickOne } from './deal';
import { assignRoles, countRoles } from './roles';
import type { Config, TrainerInput } from './schema';
import { currentRound, give, type Round, type State } from './state';

/** The trainer's actions; same rules as `reduce`: deterministic (ctx.random is seeded), checks first. */
export function trainerReduce(
	state: State,
	input: TrainerInput,
	ctx: TrainerContext,
	config: Config
): State {
	const deck = config.cards.map((c) => c.id);
	// Empty groups (everyone moved out) get no card and no roles.
	const staffed = ctx.groups.filter((g) => g.memberIds.length > 0);
	switch (input.kind) {
		case 'deal': {
			if (staffed.length === 0)
				throw new InputRejected('There are no groups with people in them yet.');
			const result = dealAll(
				state,
				staffed.map((g) => g.id),
				deck,
				ctx.random
			);
			for (const hand of Object.values(state.hands)) hand.current = null;
			for (const g of staffed) give(state, g.id, result.cards.get(g.id) ?? null, ctx.at);
			state.lastDeal = { at: ctx.at, repeats: result.repeats, without: result.without };
			return state;
		}
		case 'swap': {
			if (!ctx.groups.some((g) => g.id === input.groupId))
				throw new InputRejected('That group is no longer in this activity.');
			const pick = pickOne(state, input.groupId, deck, ctx.random);
			if (!pick)
				throw new InputRejected('No spare card: every other card in the deck is with a group.');
			give(state, input.groupId, pick.card, ctx.at);
			state.lastDeal = { at: ctx.at, repeats: pick.repeat ? [input.groupId] : [], without: [] };
			return state;
		}
		case 'spotlight': {
			if (input.groupId !== null && !ctx.groups.some((g) => g.id === input.groupId)) {
				throw new InputRejected('That group is no longer in this activity.');
			}
			state.spotlight = input.groupId;
			return state;
		}
		case 'start-round': {
			if (staffed.length === 0)
				throw new InputRejected('There are no groups with people in them yet.');
			// Starting the next round ends the one still running, at this moment.
			const running = currentRound(state);
			if (running) running.endedAt = ctx.at;
			const round: Round = {
				number: state.rounds.length + 1,
				startedAt: ctx.at,
				minutes: input.minutes,
				endedAt: null,
				groups: {}
			};
			for (const g of staffed) {
				const roles = assignRoles(g.memberIds, state.rounds.length, state.roleCounts);
				countRoles(state.roleCounts, roles);
				round.groups[g.id] = { cardId: state.hands[g.id]?.current ?? null, roles };
			}
			state.rounds.push(round);
			return state;
		}
		case 'end-round': {
			const running = currentRound(state);
			if (!running) throw new InputRejected('No round is running.');
			running.endedAt = ctx.at;
			return state;
		}
	}
}
