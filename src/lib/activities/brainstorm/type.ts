import type { ActivityType } from '../contract';
import { reduce, trainerReduce } from './reduce';
import {
	configSchema,
	inputSchema,
	trainerInputSchema,
	type Config,
	type Display,
	type Input,
	type TrainerInput
} from './schema';
import { initialState, type Idea, type State, type Theme, type Vote } from './state';
import {
	exportRows,
	phoneView,
	projectorView,
	type BallotCard,
	type MyIdea,
	type PhoneView,
	type ProjectorView,
	type TopIdea,
	type WallCard,
	type WallTheme
} from './views';
import { evidence } from './evidence';

export type {
	BallotCard,
	Config,
	Display,
	Idea,
	Input,
	MyIdea,
	PhoneView,
	ProjectorView,
	State,
	Theme,
	TopIdea,
	TrainerInput,
	Vote,
	WallCard,
	WallTheme
};

/**
 * Brainstorm wall (Session B's reward and recognition block, domain brief B5): phones add short
 * idea cards; the trainer merges duplicates and sorts cards into themes; the room dot-votes
 * (N dots each, stacking allowed); the projector shows the wall, a word cloud, and on reveal the
 * top ideas. Everything the room sees is anonymous.
 */
export const brainstorm: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'brainstorm',
	label: 'Brainstorm wall',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	/** Brief §1, B5 reward and recognition brainstorm. */
	criteria: ['1.2'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	trainer: {
		input: trainerInputSchema,
		reduce: (state: State, input: TrainerInput, ctx) => trainerReduce(state, input, ctx)
	},
	initial: initialState,
	reduce,
	projector: projectorView,
	phone: phoneView,
	exportRows
};
