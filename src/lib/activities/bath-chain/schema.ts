import { z } from 'zod';

export const MIN_STEPS = 3;
export const MAX_STEPS = 8;
export const STEP_MAX = 60;

/**
 * The Bath People and Performance chain in our own words (Purcell et al. 2003): policies build
 * ability, motivation and opportunity; line managers bring them to life; that shapes commitment;
 * commitment shows as discretionary behaviour; and that drives performance.
 */
export const DEFAULT_STEPS = [
	'HR policies and practices',
	'Ability, motivation, opportunity',
	'Line manager brings them to life',
	'Commitment and satisfaction',
	'Discretionary behaviour',
	'Performance'
];

const step = z
	.string({ error: 'expected each link of the chain as text' })
	.trim()
	.min(1, 'a link of the chain is empty')
	.max(STEP_MAX, `a link of the chain is longer than ${STEP_MAX} characters`);

export const configSchema = z
	.strictObject(
		{
			question: z
				.string({ error: 'expected the question as text' })
				.trim()
				.min(1, 'the question is empty')
				.max(200, 'the question is longer than 200 characters')
				.default('Where in the chain do you most influence performance?'),
			steps: z
				.array(step, { error: `expected a list of ${MIN_STEPS} to ${MAX_STEPS} links` })
				.min(MIN_STEPS, `the chain needs at least ${MIN_STEPS} links`)
				.max(MAX_STEPS, `the chain has at most ${MAX_STEPS} links`)
				.default(DEFAULT_STEPS),
			/** Counts go live once this many have tapped; fewer would tell the room who chose what. */
			liveAfter: z
				.number({ error: 'liveAfter: expected a whole number, like 5' })
				.int('liveAfter: expected a whole number, like 5')
				.min(3, 'liveAfter must be at least 3')
				.max(500, 'liveAfter must be at most 500')
				.default(5)
		},
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected question, steps, liveAfter)`
					: 'expected the chain settings as a map'
		}
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

const STEP_MESSAGE = 'Tap one of the links of the chain.';
const UNKNOWN = 'That is not an answer this activity understands. Refresh the page and try again.';

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		/** This person's choice; a new tap replaces it. Links count from 0. */
		z.strictObject({
			kind: z.literal('choose'),
			step: z
				.number({ error: STEP_MESSAGE })
				.int(STEP_MESSAGE)
				.min(0, STEP_MESSAGE)
				.max(MAX_STEPS - 1, STEP_MESSAGE)
		}),
		z.strictObject({ kind: z.literal('clear') })
	],
	{ error: UNKNOWN }
);

export type Input = z.output<typeof inputSchema>;
