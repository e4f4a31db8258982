import type { ActivityType } from '../contract';
import { exportRows } from './export';
import { phoneView, type PhoneView } from './phone';
import { phoneResult, projectorView, type ProjectorView } from './projector';
import { affected, reduce } from './reduce';
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

/**
 * Coaching practice with GROW (Session A, domain brief A8): in threes, coach, coachee and observer,
 * with roles rotating each round the trainer starts so everyone plays each part. The coach ticks
 * the GROW steps covered; the observer ticks a checklist and writes a note that only that round's
 * coach sees; the coachee may keep a private take-away. The projector shows progress, never notes.
 */
export const coaching: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'coaching',
	label: 'Coaching practice (GROW)',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'groups',
	/** Brief §1, A8 coaching exercise (GROW). */
	// Its projector shows one group's work when focused, so the report draws each group.
	groupFocus: true,
	criteria: ['4.3', '3.2'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	trainer: { input: trainerInputSchema, reduce: trainerReduce },
	initial: () => initialState(),
	reduce,
	// An observation lands on the coach's phone even if the coach has since moved group.
	alsoAffects: affected,
	projector: projectorView,
	phone: phoneView,
	phoneResult,
	exportRows
};
