import { InputRejected, type InputContext, type TrainerContext } from '../contract';
import type { Config, Input, TrainerInput } from './schema';
import { blankEntry, type State } from './state';

/** Prompts are numbered p1, p2… in the content file's order. */
export const promptAt = (config: Config, promptId: string) =>
	config.prompts[Number(promptId.slice(1)) - 1];

const NOT_YOURS = 'That goal is not the one given to you for review.';

function needText(text: string, what: string): void {
	if (!text) throw new InputRejected(`Please write ${what} first.`);
}

/** Phones' inputs. Every check comes before the first write, so a refused input changes nothing. */
export function reduce(state: State, input: Input, ctx: InputContext, config: Config): State {
	const me = ctx.participantId;
	const existing = state.entries[me];
	switch (input.kind) {
		case 'set-situation': {
			const s = input.situation;
			if (s.kind === 'prompt' && !promptAt(config, s.promptId)) {
				throw new InputRejected('That situation is not in this activity.');
			}
			if (s.kind === 'own' && !config.ownSituation)
				throw new InputRejected('Please choose one of the situations given.');
			const entry = existing ?? blankEntry();
			entry.situation = s;
			state.entries[me] = entry;
			return state;
		}
		case 'set-type': {
			if (!config.goalTypes.some((g) => g.type === input.goalType))
				throw new InputRejected('That goal type is not offered here.');
			const entry = existing ?? blankEntry();
			entry.goalType = input.goalType;
			state.entries[me] = entry;
			return state;
		}
		case 'draft': {
			const entry = existing ?? blankEntry();
			entry.draft = { text: input.text, achievable: input.achievable };
			state.entries[me] = entry;
			return state;
		}
		case 'submit': {
			if (!existing?.situation) throw new InputRejected('Please choose a situation first.');
			if (!existing.goalType) throw new InputRejected('Please choose a goal type first.');
			needText(input.text, 'your goal');
			const goalId = existing.goalId;
			if (
				goalId &&
				(Object.values(state.assignments).includes(goalId) || state.reviews[goalId]?.length)
			) {
				throw new InputRejected(
					'Your goal is with a reviewer now. You can revise it once their review arrives.'
				);
			}
			const id = goalId ?? `g${state.nextGoal}`;
			if (!goalId) {
				state.nextGoal += 1;
				state.authors[id] = me;
			}
			existing.goalId = id;
			existing.v1 = { text: input.text, achievable: input.achievable, at: ctx.at };
			existing.draft = { text: input.text, achievable: input.achievable };
			return state;
		}
		case 'revise': {
			const goalId = existing?.goalId;
			if (!existing || !goalId || !existing.v1)
				throw new InputRejected('Please submit your goal first.');
			if (!state.reviews[goalId]?.length)
				throw new InputRejected('You can revise your goal once its review has arrived.');
			needText(input.text, 'your revised goal');
			existing.v2 = { text: input.text, achievable: input.achievable, at: ctx.at };
			existing.draft = { text: input.text, achievable: input.achievable };
			return state;
		}
		case 'review': {
			if (state.assignments[me] !== input.goalId) throw new InputRejected(NOT_YOURS);
			const author = state.entries[state.authors[input.goalId] ?? ''];
			if (!author?.v1) throw new InputRejected(NOT_YOURS);
			const list = (state.reviews[input.goalId] ??= []);
			const review = {
				reviewerId: me,
				version: author.v2 ? (2 as const) : (1 as const),
				round: state.rounds,
				scores: { ...input.scores },
				comment: input.comment,
				at: ctx.at
			};
			// Sending again in the same round corrects one's own review instead of adding another.
			const last = list.at(-1);
			if (last && last.reviewerId === me && last.round === state.rounds)
				list[list.length - 1] = review;
			else list.push(review);
			return state;
		}
	}
}

/** The goals that take part in a rotation: submitted by someone still in the room, in goal order. */
export function submitters(state: State, present: Set<string>): string[] {
	return Object.entries(state.authors)
		.filter(([, pid]) => present.has(pid) && state.entries[pid]?.v1)
		.sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
		.map(([, pid]) => pid);
}

/**
 * Each submitter reviews exactly one goal and each goal gets exactly one reviewer, never its author:
 * shuffle the submitters (Fisher–Yates with the action's seeded random) and give each the goal of the
 * next one round the circle. One cycle is always a derangement for two or more; two simply swap.
 * With fewer than two there is nobody else to review, so the action is refused with a reason.
 */
export function derangement(ids: string[], random: () => number): Map<string, string> {
	const order = [...ids];
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	return new Map(order.map((id, i) => [id, order[(i + 1) % order.length]!]));
}

export function reduceTrainer(state: State, input: TrainerInput, ctx: TrainerContext): State {
	switch (input.kind) {
		case 'rotate-for-review': {
			const ids = submitters(state, new Set(ctx.participants.map((p) => p.id)));
			if (ids.length < 2) {
				throw new InputRejected(
					ids.length === 0
						? 'No goals are submitted yet, so there is nothing to review.'
						: 'Only one goal is in: a rotation needs at least two, so nobody reviews their own. Review it together with the room instead.'
				);
			}
			const pairs = derangement(ids, ctx.random);
			state.assignments = {};
			for (const [reviewer, author] of pairs)
				state.assignments[reviewer] = state.entries[author]!.goalId!;
			state.rounds += 1;
			return state;
		}
		case 'spotlight': {
			const author = input.goalId === null ? null : state.authors[input.goalId];
			if (input.goalId !== null && !(author && state.entries[author]?.v1)) {
				throw new InputRejected('That goal is not there.');
			}
			state.spotlight = input.goalId;
			return state;
		}
		case 'mark': {
			const author = state.authors[input.goalId];
			if (!(author && state.entries[author]?.v1))
				throw new InputRejected('That goal is not there.');
			const letters = (state.notMet[input.goalId] ?? []).filter((c) => c !== input.criterion);
			if (!input.met) letters.push(input.criterion);
			state.notMet[input.goalId] = letters;
			return state;
		}
		case 'show-names':
			state.showNames = input.on;
			return state;
	}
}
