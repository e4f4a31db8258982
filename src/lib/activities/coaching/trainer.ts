import { InputRejected, type TrainerContext } from '../contract';
import { assignRoles, countRoles } from './roles';
import type { TrainerInput } from './schema';
import { currentRound, type Round, type State } from './state';

/** The trainer's actions; same rules as `reduce`: deterministic, every check before the first change. */
export function trainerReduce(state: State, input: TrainerInput, ctx: TrainerContext): State {
	switch (input.kind) {
		case 'start-round': {
			// Empty groups (everyone moved out) get no roles.
			const staffed = ctx.groups.filter((g) => g.memberIds.length > 0);
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
				triads: {}
			};
			for (const g of staffed) {
				const roles = assignRoles(g.memberIds, state.rounds.length, state.roleCounts);
				countRoles(state.roleCounts, roles);
				round.triads[g.id] = { roles, covered: [], observations: {}, takeaways: {} };
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
