import type { ActivityType } from '../contract';
import { reduce, reduceTrainer } from './reduce';
import {
	configSchema,
	inputSchema,
	trainerInputSchema,
	type Config,
	type GoalType,
	type Input,
	type Scores,
	type Situation,
	type TrainerInput
} from './schema';
import { initialState, type Entry, type Review, type State, type Version } from './state';
import {
	exportRows,
	phoneView,
	projectorView,
	type GoalCard,
	type PhoneView,
	type ProjectorView
} from './views';
import { evidence } from './evidence';

export type {
	Config,
	Entry,
	GoalCard,
	GoalType,
	Input,
	PhoneView,
	ProjectorView,
	Review,
	Scores,
	Situation,
	State,
	TrainerInput,
	Version
};

/**
 * Goal-setting practice (Session B, domain brief B2): each participant writes a goal for a named
 * situation with a live SMART coach, the trainer rotates goals for peer review, authors revise.
 * The projector shows the room's SMART pass rates before and after, and the pairs the trainer picks.
 */
export const goalSetting: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'goal-setting',
	label: 'Goal-setting practice',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	/** Brief §1, B2 intelligent goal setting. */
	criteria: ['2.2', '2.4'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	trainer: {
		input: trainerInputSchema,
		reduce: (state: State, input: TrainerInput, ctx) => reduceTrainer(state, input, ctx)
	},
	initial: initialState,
	reduce,
	// A review changes what its author's phone shows: tell the engine to update that phone too.
	alsoAffects: (state, input) =>
		input.kind === 'review'
			? Object.entries(state.entries)
					.filter(([, e]) => e.goalId === input.goalId)
					.map(([author]) => author)
			: [],
	projector: projectorView,
	phone: phoneView,
	exportRows
};
