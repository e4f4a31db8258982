import { z } from 'zod';

export const TEXT_MAX = 280;
export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 10;

const wording = (what: string, fallback: string) =>
	z
		.string({ error: `expected the ${what} as text` })
		.trim()
		.min(1, `the ${what} is empty`)
		.max(200, `the ${what} is longer than 200 characters`)
		.default(fallback);

/** The content file's `config:`; every key optional. Parsing a parsed config gives it back unchanged. */
export const configSchema = z
	.strictObject(
		{
			question: wording('question', 'One thing I will do differently'),
			confidenceQuestion: wording(
				'confidence question',
				'How confident are you that you will do it?'
			)
		},
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected question, confidenceQuestion)`
					: 'expected the exit reflection settings as a map'
		}
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

const TEXT_MESSAGE = 'Please write one thing you will do differently.';
const UNKNOWN = 'That is not an answer this activity understands.';
const strict = {
	error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? UNKNOWN : undefined)
};
const CONFIDENCE_MESSAGE = `Please choose how confident you are, from ${CONFIDENCE_MIN} to ${CONFIDENCE_MAX}.`;

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		/** Saves (or replaces) this participant's reflection. */
		z.strictObject(
			{
				kind: z.literal('save'),
				text: z
					.string({ error: TEXT_MESSAGE })
					.trim()
					.min(1, TEXT_MESSAGE)
					.max(TEXT_MAX, `Please keep it to ${TEXT_MAX} characters or fewer.`),
				confidence: z
					.number({ error: CONFIDENCE_MESSAGE })
					.int(CONFIDENCE_MESSAGE)
					.min(CONFIDENCE_MIN, CONFIDENCE_MESSAGE)
					.max(CONFIDENCE_MAX, CONFIDENCE_MESSAGE)
			},
			strict
		)
	],
	{ error: UNKNOWN }
);

export type Input = z.output<typeof inputSchema>;
