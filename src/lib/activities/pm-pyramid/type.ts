import type { ActivityType } from '../contract';
import { exportRows } from './export';
import { phoneView, type PhoneView } from './phone';
import { projectorView, type ProjectorView } from './projector';
import { reduce } from './reduce';
import { configSchema, inputSchema, type Config, type Input } from './schema';
import type { State } from './state';
import { evidence } from './evidence';

export type { Config, Input, PhoneView, ProjectorView, State };

/**
 * PM pyramid gap mapping (Session A, domain brief A1): groups place the practices their
 * organisation uses at five steps, tag them and mark how well each step feeds the next; the
 * projector shows gaps, overkill and links per group and across the room.
 */
export const pmPyramid: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'pm-pyramid',
	label: 'PM pyramid gap mapping',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'groups',
	/** Brief §1, A1 PM pyramid gap map. */
	// Its projector shows one group's work when focused, so the report draws each group.
	groupFocus: true,
	criteria: ['1.1', '1.2', '2.4'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	// The trainer may rename the five steps before opening (to match their own slide).
	setup: [
		{
			key: 'steps',
			label: 'Step labels, top of the pyramid first',
			kind: 'text-list',
			count: 5,
			maxLength: 48
		}
	],
	initial: () => ({ groups: {} }),
	reduce: (state, input, ctx, config) => reduce(state, input, ctx, config),
	projector: projectorView,
	phone: phoneView,
	exportRows
};
