import type { ActivityType } from '../contract';
import { exportRows } from './export';
import { phoneView, type PhoneView } from './phone';
import { phoneResult, projectorView, type ProjectorView } from './projector';
import { reduce } from './reduce';
import {
	configSchema,
	inputSchema,
	trainerInputSchema,
	type Config,
	type Input,
	type TrainerInput
} from './schema';
import { initialState, type State } from './state';
import { trainerReduce } from './trainer';
import { evidence } from './evidence';

export type { Config, Input, PhoneView, ProjectorView, State, TrainerInput };
export type { Card } from './deck';

/**
 * Difficult-conversation cards (Session B, domain brief B6): the trainer deals scenario cards to
 * groups or pairs without duplicates; each group plans the conversation in six parts and names
 * the likely cause; optionally they role-play in rotating roles with an observer's checklist.
 * The card's likely cause stays hidden until the trainer reveals.
 */
export const conversationCards: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'conversation-cards',
	label: 'Difficult-conversation cards',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'groups',
	/** Brief §1, B6 underperformance and difficult conversations. */
	// Its projector shows one group's work when focused, so the report draws each group.
	groupFocus: true,
	criteria: ['4.1', '4.2', '4.3', '3.2'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	trainer: { input: trainerInputSchema, reduce: trainerReduce },
	initial: () => initialState(),
	reduce,
	projector: projectorView,
	phone: phoneView,
	phoneResult,
	exportRows
};
