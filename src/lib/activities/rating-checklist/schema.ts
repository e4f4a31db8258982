import { z } from 'zod';

export const ITEM_MAX = 140;
export const MIN_ITEMS = 2;
export const MAX_ITEMS = 20;

/**
 * Our own placeholder practices, used when the content file lists none. They are NOT the
 * workbook's "10 excellent practices": the trainer replaces them with their own list.
 */
export const PLACEHOLDER_ITEMS: readonly string[] = [
	'Everyone knows what is expected of them this year, in writing',
	'Individual objectives link clearly to team and organisation plans',
	'Managers hold regular one-to-ones, not just an annual review',
	'Feedback is specific, timely and covers what goes well too',
	'Ratings are based on evidence gathered across the whole year',
	'Development conversations are kept apart from pay decisions',
	'Managers are trained to assess fairly and avoid rater bias',
	'Ratings are compared across teams to check they are consistent',
	'Poor performance is addressed early, with support to improve',
	'Staff can comment on their review and their views are acted on'
];

/** What the trainer's launch panel says while the list is still ours: an instruction to them. */
export const EXAMPLE_NOTE = 'Example practices — replace with your programme’s list';
/**
 * What the room's screens and the evidence pack say of the same list: where it comes from, in
 * words for participants (the instruction above is not theirs to act on). A trainer's own list
 * carries no label.
 */
export const EXAMPLE_LABEL = 'Example practices, written for this app: not an official list';

/** True while every practice is one of our placeholders (in any order or number). */
export function isExampleList(items: readonly string[]): boolean {
	const ours = new Set(PLACEHOLDER_ITEMS);
	const typed = items.map((i) => i.trim()).filter((i) => i !== '');
	return typed.length > 0 && typed.every((i) => ours.has(i));
}

export const SCALES = ['presence', 'five'] as const;
export type Scale = (typeof SCALES)[number];

/** Each scale's ratings, lowest first: the stored value is the index in this list. */
export const SCALE_LEVELS: Record<Scale, readonly string[]> = {
	presence: ['Not in place', 'Partly', 'Embedded'],
	five: ['1', '2', '3', '4', '5']
};

/** A 0–1 strength for ordering (0 = weakest), whatever the scale. */
export const strength = (scale: Scale, level: number) => level / (SCALE_LEVELS[scale].length - 1);

const itemText = z
	.string({ error: 'items: expected each practice as text' })
	.trim()
	.min(1, 'items: a practice cannot be empty')
	.max(ITEM_MAX, `items: keep each practice to ${ITEM_MAX} characters or fewer`);

/** The content file's `config:`; every key optional. Parsing a parsed config gives it back unchanged. */
export const configSchema = z
	.strictObject(
		{
			items: z
				.array(itemText, { error: 'items: expected a list of practices' })
				.min(MIN_ITEMS, `items: list at least ${MIN_ITEMS} practices`)
				.max(MAX_ITEMS, `items: at most ${MAX_ITEMS} practices fit on the projector`)
				// A copy each time, so no parsed config shares (and could alter) the defaults.
				.default(() => [...PLACEHOLDER_ITEMS]),
			scale: z
				.enum(SCALES, {
					error: 'scale: expected "presence" (not in place / partly / embedded) or "five" (1 to 5)'
				})
				.default('presence')
		},
		{ error: 'expected the checklist settings as a map' }
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

const itemError = { error: 'Pick one of the practices on your screen.' };
const ratingError = { error: 'Pick one of the ratings on your screen.' };

/** Rates one practice for the sender's pair or group; `rating: null` clears it (a mistaken tap). */
export type Input = { kind: 'rate'; item: number; rating: number | null };

export const inputSchema: z.ZodType<Input, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('rate'),
			item: z
				.number(itemError)
				.int(itemError)
				.min(0, itemError)
				.max(MAX_ITEMS - 1, itemError),
			rating: z
				.number(ratingError)
				.int(ratingError)
				.min(0, ratingError)
				.max(4, ratingError)
				.nullable()
		})
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);
