import { z } from 'zod';

export const ANSWER_MAX = 200;
export const QUESTION_MAX = 300;
export const COLUMN_MAX = 40;
export const MAX_COLUMNS = 4;
/** The single column's heading when the content file names none. */
export const DEFAULT_COLUMN = 'Answers';

const columnLabel = z
	.string({ error: 'expected each column heading as text' })
	.trim()
	.min(1, 'a column heading cannot be empty')
	.max(COLUMN_MAX, `keep each column heading to ${COLUMN_MAX} characters or fewer`);

/**
 * The content file's `config:`. The resolved config always lists its columns, so parsing it again
 * gives it back unchanged (the engine may store it and check it again). No config at all reads as
 * an empty map, so the trainer hears that the question is missing.
 */
export const configSchema = z.preprocess(
	(raw) => (raw === undefined ? {} : raw),
	z.strictObject(
		{
			question: z
				.string({ error: 'question: expected the question as text' })
				.trim()
				.min(1, 'question: the question cannot be empty')
				.max(QUESTION_MAX, `question: keep it to ${QUESTION_MAX} characters or fewer`),
			columns: z
				.array(columnLabel, {
					error: 'columns: expected a list of column headings, like ["Pros", "Cons"]'
				})
				.min(1, 'columns: list at least one column heading')
				.max(MAX_COLUMNS, `columns: at most ${MAX_COLUMNS} columns fit on the projector`)
				.refine(
					(cols) => new Set(cols.map((c) => c.toLowerCase())).size === cols.length,
					'columns: each column heading must be different'
				)
				.default(() => [DEFAULT_COLUMN]),
			maxAnswers: z
				.number({ error: 'maxAnswers: expected a whole number, like 10' })
				.int('maxAnswers: expected a whole number, like 10')
				.min(1, 'maxAnswers must be at least 1')
				.max(30, 'maxAnswers must be at most 30')
				.default(10),
			/**
			 * When the room sees the answers: `on-reveal` (the default) keeps them off the projector
			 * until the trainer shows results, so nobody writes for the screen; `live` shows them as
			 * they arrive.
			 */
			results: z
				.enum(['live', 'on-reveal'], { error: 'results: expected "live" or "on-reveal"' })
				.default('on-reveal'),
			/** Approve before showing: an answer reaches the projector only once the trainer lets it. */
			approve: z.boolean({ error: 'approve: expected true or false' }).default(false)
		},
		{ error: 'expected the open-question settings as a map with at least a question' }
	)
);

export type Config = z.output<typeof configSchema>;

/** One line: runs of spaces and line breaks collapse, so the projector shows what was meant. */
const answerText = z
	.string({ error: 'Type your answer as text.' })
	.overwrite((s) => s.replace(/\s+/g, ' ').trim())
	.min(1, 'Type an answer before adding it.')
	.max(ANSWER_MAX, `Keep an answer to ${ANSWER_MAX} characters or fewer.`);

const columnError = { error: 'Pick one of the columns.' };
const column = z
	.number(columnError)
	.int(columnError)
	.min(0, columnError)
	.max(MAX_COLUMNS - 1, columnError);

const answerId = z
	.string({ error: 'Which answer? The reference is missing.' })
	.min(1, 'Which answer? The reference is missing.')
	.max(200, 'That answer reference is not one of ours.');

export type Input =
	| { kind: 'add'; column: number; text: string }
	/** `column` moves the answer (e.g. from Pros to Cons); left out, it stays where it is. */
	| { kind: 'edit'; answerId: string; text: string; column?: number }
	| { kind: 'delete'; answerId: string };

export const inputSchema: z.ZodType<Input, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('add'), column, text: answerText }),
		z.object({ kind: z.literal('edit'), answerId, text: answerText, column: column.optional() }),
		z.object({ kind: z.literal('delete'), answerId })
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);

export type TrainerInput =
	| { kind: 'spotlight'; answerId: string | null }
	| { kind: 'show-names'; on: boolean }
	/** Moderation: `shown: false` hides an answer from the projector; `true` shows (or approves) it. */
	| { kind: 'moderate'; answerId: string; shown: boolean };

export const trainerInputSchema: z.ZodType<TrainerInput, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('spotlight'), answerId: answerId.nullable() }),
		z.object({
			kind: z.literal('show-names'),
			on: z.boolean({ error: 'Say whether names are shown (true or false).' })
		}),
		z.object({
			kind: z.literal('moderate'),
			answerId,
			shown: z.boolean({ error: 'Say whether the answer is shown (true or false).' })
		})
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);
