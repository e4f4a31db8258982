import { z } from 'zod';
import { DEFAULT_GOAL_TYPES, DEFAULT_PROMPTS, GOAL_TYPES } from './wording';

export const GOAL_MAX = 500;
export const OWN_SITUATION_MAX = 200;
export const COMMENT_MAX = 300;
export const PROMPTS_MAX = 8;
export const SCORES = ['yes', 'partly', 'no'] as const;
export type Score = (typeof SCORES)[number];
export type GoalType = (typeof GOAL_TYPES)[number];

const chars = (s: string) => [...s].length;
// Control and bidi-override characters could disguise a text on the projector or the export.
const hidden = (s: string) => /[\p{Cc}\p{Cf}]/u.test(s.replace(/[\n\t\u200C\u200D]/gu, ''));

/** Free text from a phone: tidied, limited, and free of hidden characters. */
function text(what: string, max: number, required: boolean) {
	return z
		.string({ error: `Please type ${what}.` })
		.transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
		.refine((s) => !required || s.length > 0, `Please type ${what}.`)
		.refine((s) => chars(s) <= max, `Please keep ${what} to ${max} characters.`)
		.refine((s) => !hidden(s), `There is a hidden character in ${what}. Please retype it.`);
}

const configText = (what: string, max: number) =>
	z
		.string({ error: `${what}: expected text` })
		.trim()
		.min(1, `${what} is empty`)
		.max(max, `${what} is longer than ${max} characters`);

const promptSchema = z.strictObject(
	{ name: configText('a prompt name', 40), situation: configText('a prompt situation', 240) },
	{ error: 'each prompt needs a name and a situation' }
);

const goalTypeSchema = z.strictObject(
	{
		type: z.enum(GOAL_TYPES, { error: `type: expected one of ${GOAL_TYPES.join(', ')}` }),
		when: configText('a goal type explanation', 140)
	},
	{ error: 'each goal type needs a type and a one-line "when"' }
);

/** The content file's `config:`; every key optional, and parsing a parsed config gives it back. */
export const configSchema = z
	.strictObject(
		{
			prompts: z
				.array(promptSchema, { error: 'prompts: expected a list of { name, situation }' })
				.max(PROMPTS_MAX, `prompts: at most ${PROMPTS_MAX}`)
				.default(() => DEFAULT_PROMPTS.map((p) => ({ ...p }))),
			/** Whether a participant may write about their own situation instead of a prompt. */
			ownSituation: z.boolean({ error: 'ownSituation: expected true or false' }).default(true),
			goalTypes: z
				.array(goalTypeSchema, { error: 'goalTypes: expected a list of { type, when }' })
				.min(1, 'goalTypes: at least one')
				.refine(
					(list) => new Set(list.map((g) => g.type)).size === list.length,
					'goalTypes: each type at most once'
				)
				.default(() => DEFAULT_GOAL_TYPES.map((g) => ({ ...g }))),
			/** When the room sees the pass rates: once the trainer shows results (default), or live. */
			results: z
				.enum(['live', 'on-reveal'], { error: 'results: expected "live" or "on-reveal"' })
				.default('on-reveal')
		},
		{ error: 'expected the goal-setting settings as a map' }
	)
	.refine(
		(c) => c.prompts.length > 0 || c.ownSituation,
		'give at least one prompt, or allow ownSituation'
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

const situationSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			kind: z.literal('prompt'),
			promptId: z.string().regex(/^p\d{1,2}$/, 'That situation is not in this activity.')
		}),
		z.strictObject({
			kind: z.literal('own'),
			text: text('your situation', OWN_SITUATION_MAX, true)
		})
	],
	{ error: 'Please choose a situation.' }
);

export type Situation = z.output<typeof situationSchema>;

const RATING = 'Please rate how achievable it is from 1 to 5.';
const achievable = z
	.number({ error: RATING })
	.int(RATING)
	.min(1, RATING)
	.max(5, RATING)
	.nullable()
	.default(null);
const goalFields = { text: text('your goal', GOAL_MAX, false), achievable };
const goalId = z
	.string({ error: 'That goal is not there.' })
	.regex(/^g\d{1,4}$/, 'That goal is not there.');

const score = z.enum(SCORES, { error: 'Please score each letter: yes, partly or no.' });
const scoresSchema = z.strictObject(
	{ specific: score, measurable: score, achievable: score, relevant: score, timeBound: score },
	{ error: 'Please score each letter: yes, partly or no.' }
);

export type Scores = z.output<typeof scoresSchema>;

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('set-situation'), situation: situationSchema }),
		z.strictObject({
			kind: z.literal('set-type'),
			goalType: z.enum(GOAL_TYPES, { error: 'Please choose a goal type.' })
		}),
		/** What is typed so far, kept so a refreshed phone gets it back. */
		z.strictObject({ kind: z.literal('draft'), ...goalFields }),
		/** Version 1: the goal as it goes to review. */
		z.strictObject({ kind: z.literal('submit'), ...goalFields }),
		/** Version 2: the goal after its review. */
		z.strictObject({ kind: z.literal('revise'), ...goalFields }),
		z.strictObject({
			kind: z.literal('review'),
			goalId,
			scores: scoresSchema,
			comment: text('your comment', COMMENT_MAX, false)
		})
	],
	{ error: 'That is not an answer this activity understands.' }
);

export type Input = z.output<typeof inputSchema>;

export const trainerInputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('rotate-for-review') }),
		/** Shows one goal's before/after pair on the projector; null clears it. */
		z.strictObject({ kind: z.literal('spotlight'), goalId: goalId.nullable() }),
		/** The trainer's own call on one letter before showing a goal: not met (false), or back to the coach's (true). */
		z.strictObject({
			kind: z.literal('mark'),
			goalId,
			criterion: z.enum(['specific', 'measurable', 'achievable', 'relevant', 'timeBound'], {
				error: 'Pick one of the SMART letters.'
			}),
			met: z.boolean({ error: 'Say whether the letter is met (true or false).' })
		}),
		z.strictObject({
			kind: z.literal('show-names'),
			on: z.boolean({ error: 'Expected on or off.' })
		})
	],
	{ error: 'That is not an action this activity understands.' }
);

export type TrainerInput = z.output<typeof trainerInputSchema>;
