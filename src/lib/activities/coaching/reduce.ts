import { InputRejected, type InputContext } from '../contract';
import type { Input } from './schema';
import { playing, type State, type Triad } from './state';
import { ROLE_LABEL, type Role } from './words';

/**
 * Applies one phone's input to the latest round (running or just ended, so people can finish
 * their ticks when time is up; a new round closes the old one). Each role has its own input and
 * only this round's holder of that role in the sender's own group may send it. Every check comes
 * before the first change, as the contract requires.
 */
export function reduce(state: State, input: Input, ctx: InputContext): State {
	switch (input.kind) {
		case 'cover': {
			const triad = ownTriad(state, ctx, 'coach');
			triad.covered = input.steps;
			return state;
		}
		case 'observe': {
			const triad = ownTriad(state, ctx, 'observer');
			triad.observations[ctx.participantId] = {
				checks: input.checks,
				note: input.note,
				at: ctx.at
			};
			return state;
		}
		case 'takeaway': {
			const triad = ownTriad(state, ctx, 'coachee');
			if (input.text) triad.takeaways[ctx.participantId] = { text: input.text, at: ctx.at };
			else delete triad.takeaways[ctx.participantId];
			return state;
		}
	}
}

/** The sender's group's conversation in the latest round, if they play `role` in it. */
function ownTriad(state: State, ctx: InputContext, role: Role): Triad {
	const round = state.rounds.at(-1);
	if (!round) throw new InputRejected('The first round has not started yet: wait for the trainer.');
	if (!ctx.groupId)
		throw new InputRejected('You are not in a group yet: the trainer will put you in one.');
	const triad = round.triads[ctx.groupId];
	if (!triad || !(ctx.participantId in triad.roles))
		throw new InputRejected('You are not playing in this round: wait for the next one.');
	if (triad.roles[ctx.participantId] !== role)
		throw new InputRejected(`Only this round’s ${ROLE_LABEL[role].toLowerCase()} can do that.`);
	return triad;
}

/** The coach(es) of the observer's triad: an observation changes what their phone shows. */
export function affected(state: State, input: Input, ctx: InputContext): string[] {
	if (input.kind !== 'observe' || !ctx.groupId) return [];
	return playing(state.rounds.at(-1)?.triads[ctx.groupId], 'coach');
}
