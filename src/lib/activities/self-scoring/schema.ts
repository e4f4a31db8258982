import { z } from 'zod';

export const MIN_DIMENSIONS = 2;
export const MAX_DIMENSIONS = 6;
export const MIN_ITEMS = 2;
export const MAX_ITEMS = 8;
export const DIMENSION_ID = /^[a-z][a-z0-9-]{0,23}$/;
/** Item ids are positional: q1 … q48 (6 dimensions × 8 items at most). */
export const ITEM_ID = /^q[1-9]\d?$/;

export const DEFAULT_NOTE =
	'A reflection aid, not a test: most people use all of these, in different situations.';

/** Named scales; a trainer may instead list their own 3 to 7 point labels, scored 1 to n. */
export const SCALE_PRESETS = {
	agree: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
	frequency: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
	'like-me': [
		'Not like me',
		'A little like me',
		'Somewhat like me',
		'Quite like me',
		'Very like me'
	]
} as const satisfies Record<string, readonly string[]>;
export type ScalePreset = keyof typeof SCALE_PRESETS;
const PRESET_NAMES = Object.keys(SCALE_PRESETS) as [ScalePreset, ...ScalePreset[]];

const text = (what: string, max: number) =>
	z
		.string({ error: `expected ${what} as text` })
		.trim()
		.min(1, `${what} is empty`)
		.max(max, `${what} is longer than ${max} characters`);

const dimensionSchema = z.strictObject(
	{
		id: z
			.string({ error: 'expected a dimension id, like doing' })
			.regex(DIMENSION_ID, 'a dimension id is a short lower-case word, like doing or from-others'),
		name: text('a dimension name', 40),
		/** One line on what a high score suggests, shown with the person's profile. */
		description: text('a dimension description', 200)
	},
	{ error: 'expected each dimension as id, name and description' }
);

const itemSchema = z.strictObject(
	{
		text: text('an item', 160),
		/** The id of the dimension this item scores. */
		dimension: z.string({ error: 'expected the id of the dimension this item scores' }),
		/** Reverse-scored: agreeing lowers the dimension's score. */
		reverse: z.boolean({ error: 'expected reverse: true or false' }).default(false)
	},
	{ error: 'expected each item as text and the dimension it scores' }
);

const scaleSchema = z
	.union(
		[
			z.enum(PRESET_NAMES),
			z
				.array(text('a scale label', 24))
				.min(3, 'a scale has at least 3 points')
				.max(7, 'a scale has at most 7 points')
		],
		{ error: `scale: expected ${PRESET_NAMES.join(', ')} or a list of 3 to 7 labels` }
	)
	.default('agree');

/**
 * The content file's `config:`: the trainer's own dimensions, items and scoring key. Parsing a
 * parsed config gives it back unchanged, so the engine may store the output and validate it again.
 */
export const configSchema = z
	.strictObject(
		{
			dimensions: z
				.array(dimensionSchema, {
					error: 'dimensions: expected a list of dimensions, each with id, name and description'
				})
				.min(MIN_DIMENSIONS, `dimensions: at least ${MIN_DIMENSIONS} are needed`)
				.max(MAX_DIMENSIONS, `dimensions: at most ${MAX_DIMENSIONS} are allowed`),
			items: z.array(itemSchema, {
				error: 'items: expected a list of items, each with text and dimension'
			}),
			scale: scaleSchema,
			minAnswers: z
				.number({ error: 'minAnswers: expected a whole number, like 3' })
				.int('minAnswers: expected a whole number, like 3')
				.min(1, 'minAnswers must be at least 1')
				.max(500, 'minAnswers must be at most 500')
				.default(3),
			note: text('the note', 300).default(DEFAULT_NOTE)
		},
		{ error: 'expected the questionnaire settings as a map with dimensions and items' }
	)
	.superRefine((c, ctx) => {
		const ids = new Set<string>();
		const names = new Set<string>();
		c.dimensions.forEach((d, i) => {
			if (ids.has(d.id))
				ctx.addIssue({
					code: 'custom',
					path: ['dimensions', i, 'id'],
					message: `the dimension id "${d.id}" is used twice`
				});
			if (names.has(d.name.toLowerCase()))
				ctx.addIssue({
					code: 'custom',
					path: ['dimensions', i, 'name'],
					message: `the dimension name "${d.name}" is used twice`
				});
			ids.add(d.id);
			names.add(d.name.toLowerCase());
		});
		const known = [...ids].join(', ');
		c.items.forEach((item, i) => {
			if (!ids.has(item.dimension)) {
				ctx.addIssue({
					code: 'custom',
					path: ['items', i, 'dimension'],
					message: `item ${i + 1} scores "${item.dimension}", which is not one of the dimensions (${known})`
				});
			}
		});
		for (const [i, d] of c.dimensions.entries()) {
			const n = c.items.filter((item) => item.dimension === d.id).length;
			if (n < MIN_ITEMS || n > MAX_ITEMS) {
				ctx.addIssue({
					code: 'custom',
					path: ['dimensions', i],
					message: `the dimension "${d.id}" has ${n} ${n === 1 ? 'item' : 'items'}; each dimension needs ${MIN_ITEMS} to ${MAX_ITEMS}`
				});
			}
		}
	});

export type Config = z.output<typeof configSchema>;
export type DimensionDef = Config['dimensions'][number];

const RATING_MESSAGE = 'Please choose one of the points on the scale.';

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			kind: z.literal('rate'),
			itemId: z
				.string({ error: 'That item is not in this questionnaire.' })
				.regex(ITEM_ID, 'That item is not in this questionnaire.'),
			value: z
				.number({ error: RATING_MESSAGE })
				.int(RATING_MESSAGE)
				.min(1, RATING_MESSAGE)
				.max(7, RATING_MESSAGE)
		}),
		/** "I'm done": counts towards the room's aggregate once every item is rated. */
		z.strictObject({ kind: z.literal('submit') }),
		/** Start again: clears this participant's answers. */
		z.strictObject({ kind: z.literal('reset') })
	],
	{ error: 'That is not an answer this activity understands.' }
);

export type Input = z.output<typeof inputSchema>;
