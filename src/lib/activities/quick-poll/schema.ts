import { z } from 'zod';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
export const OPTION_MAX = 80;
export const QUESTION_MAX = 200;

const optionText = z
	.string({ error: 'expected each option as text' })
	.trim()
	.min(1, 'an option is empty')
	.max(OPTION_MAX, `an option is longer than ${OPTION_MAX} characters`);

const distinct = (options: string[]) =>
	new Set(options.map((o) => o.toLowerCase())).size === options.length;

/**
 * The content file's `config:`. `question` and `options` are required; parsing a parsed config gives
 * it back unchanged, so the engine may store the output and validate it again.
 */
export const configSchema = z.strictObject(
	{
		question: z
			.string({ error: 'expected the poll question as text' })
			.trim()
			.min(1, 'the poll needs a question')
			.max(QUESTION_MAX, `the question is longer than ${QUESTION_MAX} characters`),
		options: z
			.array(optionText, { error: `expected a list of ${MIN_OPTIONS} to ${MAX_OPTIONS} options` })
			.min(MIN_OPTIONS, `a poll needs at least ${MIN_OPTIONS} options`)
			.max(MAX_OPTIONS, `a poll has at most ${MAX_OPTIONS} options`)
			.refine(distinct, 'two options are the same'),
		/** Checkboxes (choose any number) instead of radio buttons (choose one). */
		multiple: z.boolean({ error: 'expected true or false' }).default(false),
		/** Counts stay off the projector until the trainer reveals the results. */
		revealAfterClose: z.boolean({ error: 'expected true or false' }).default(true)
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected question, options, multiple, revealAfterClose)`
				: 'expected the poll settings as a map'
	}
);

export type Config = z.output<typeof configSchema>;

const CHOICE_MESSAGE = 'That option is not in this poll.';
const UNKNOWN = 'That is not an answer this poll understands.';
/** An input with extra keys gets the same plain message as an unknown kind. */
const strict = {
	error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? UNKNOWN : undefined)
};

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		/** This participant's whole answer: it replaces any earlier one. Option numbers count from 0. */
		z.strictObject(
			{
				kind: z.literal('choose'),
				options: z
					.array(
						z
							.number({ error: CHOICE_MESSAGE })
							.int(CHOICE_MESSAGE)
							.min(0, CHOICE_MESSAGE)
							.max(MAX_OPTIONS - 1, CHOICE_MESSAGE),
						{
							error: 'Please choose an option.'
						}
					)
					.min(1, 'Please choose an option.')
					.max(MAX_OPTIONS, CHOICE_MESSAGE)
			},
			strict
		),
		/** Take my answer back (a multiple-choice phone unticking its last box). */
		z.strictObject({ kind: z.literal('clear') }, strict)
	],
	{ error: UNKNOWN }
);

export type Input = z.output<typeof inputSchema>;
