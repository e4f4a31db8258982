import { z } from 'zod';
import { FORMS, PART_MAX } from './words';

export const configSchema = z
	.strictObject(
		{
			/** The vague feedback everyone rewrites. */
			line: z
				.string({ error: 'expected the vague feedback line as text' })
				.trim()
				.min(1, 'the feedback line is empty')
				.max(200, 'the feedback line is longer than 200 characters')
				.default('You need to be more of a team player.'),
			/** Which shapes phones may choose; both by default. */
			forms: z
				.array(z.enum(FORMS, { error: `expected forms from: ${FORMS.join(', ')}` }), {
					error: 'expected a list of forms, like [sbi, ata]'
				})
				.min(1, 'list at least one form')
				.max(2)
				.refine((f) => new Set(f).size === f.length, 'a form is listed twice')
				.default(['sbi', 'ata'])
		},
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected line, forms)`
					: 'expected the rewrite settings as a map'
		}
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

const UNKNOWN = 'That is not something this activity understands. Refresh the page and try again.';
const part = z
	.string({ error: 'Type each part as text.' })
	.trim()
	.max(PART_MAX, `Keep each part to ${PART_MAX} characters or fewer.`);

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		/** The whole rewrite each time: it replaces the sender's (or their pair's) earlier one. */
		z.strictObject({
			kind: z.literal('save'),
			form: z.enum(FORMS, { error: 'Choose one of the two shapes.' }),
			parts: z
				.tuple([part, part, part], { error: 'Fill in the three parts.' })
				.refine((p) => p.some((t) => t.length > 0), 'Write at least one part before saving.')
		}),
		z.strictObject({ kind: z.literal('clear') })
	],
	{ error: UNKNOWN }
);
export type Input = z.output<typeof inputSchema>;

export const trainerInputSchema = z.discriminatedUnion(
	'kind',
	[
		/** null: back to the gallery. */
		z.strictObject({
			kind: z.literal('spotlight'),
			entry: z.number({ error: 'Which rewrite?' }).int().min(1).max(100_000).nullable()
		})
	],
	{ error: 'That action is not one this activity knows.' }
);
export type TrainerInput = z.output<typeof trainerInputSchema>;
