import { z } from 'zod';
import { editFields, type PartEdit } from '../shared/plan-parts';
import { MAX_ROUND_MINUTES } from '../shared/round-clock';
import { DEFAULT_DECK, type Card } from './deck';
import {
	CAUSES,
	CHECK_IDS,
	FIELDS,
	NOTE_MAX,
	PLAN_TEXT_MAX,
	type Cause,
	type CheckId,
	type Field
} from './words';

const text = (what: string, max: number) =>
	z
		.string({ error: `expected ${what} as text` })
		.trim()
		.min(1, { error: `${what} cannot be empty` })
		.max(max, { error: `keep ${what} to ${max} characters or fewer` });

const causeError = { error: `expected one of: ${CAUSES.join(', ')}` };

const cardSchema = z.strictObject({
	id: z.string({ error: 'expected a card id as text' }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
		error: 'a card id is up to 40 lower-case letters, digits and hyphens, e.g. "late-handover"'
	}),
	title: text('a card title', 60),
	situation: text('the situation', 600),
	employeeSays: text('what the employee says', 400),
	likelyCause: z.enum(CAUSES, causeError),
	trainerNote: text('a trainer note', 400).optional()
});

export { MAX_ROUND_MINUTES };

const configFields = z.strictObject({
	/** Groups without a card may draw one themselves; otherwise only the trainer deals. */
	groupsDraw: z.boolean({ error: 'expected groupsDraw: true or false' }).default(false),
	/** The round length the remote offers first for role-play. */
	roundMinutes: z
		.number({ error: 'expected roundMinutes as a whole number' })
		.int({ error: 'expected roundMinutes as a whole number' })
		.min(1, { error: 'a round is at least 1 minute' })
		.max(MAX_ROUND_MINUTES, { error: `a round is at most ${MAX_ROUND_MINUTES} minutes` })
		.default(8),
	cards: z
		.array(cardSchema, { error: 'expected a list of cards' })
		.min(1, { error: 'the deck needs at least one card' })
		.max(80, { error: 'keep the deck to 80 cards or fewer' })
		.superRefine((cards, ctx) => {
			const seen = new Set<string>();
			cards.forEach((c, i) => {
				if (seen.has(c.id))
					ctx.addIssue({
						code: 'custom',
						path: [i, 'id'],
						message: `the card id "${c.id}" is used twice`
					});
				seen.add(c.id);
			});
		})
		.optional()
});

export interface Config {
	groupsDraw: boolean;
	roundMinutes: number;
	/** Always filled in: the content file's deck, else the default deck. */
	cards: Card[];
}

/** Resolved with the deck filled in, so parsing the result again gives the same config. */
export const configSchema: z.ZodType<Config, unknown> = configFields
	.prefault({})
	.transform((c): Config => ({
		groupsDraw: c.groupsDraw,
		roundMinutes: c.roundMinutes,
		cards: c.cards ?? DEFAULT_DECK.map((card) => ({ ...card }))
	}));

const cardId = z
	.string({ error: 'Which card? Refresh the page and try again.' })
	.min(1, { error: 'Which card? Refresh the page and try again.' })
	.max(40, { error: 'That card is not in this deck.' });

export type Input =
	| { kind: 'draw' }
	| ({ kind: 'edit-plan'; cardId: string; field: Field } & PartEdit)
	/** null clears the choice. */
	| { kind: 'choose-cause'; cardId: string; cause: Cause | null }
	/** The whole observation each time: ticks and note, for the latest round. */
	| { kind: 'observe'; checks: CheckId[]; note: string };

export const inputSchema: z.ZodType<Input, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('draw') }),
		z.object({
			kind: z.literal('edit-plan'),
			cardId,
			field: z.enum(FIELDS, { error: 'Pick one of the six parts of the plan.' }),
			// Kept exactly as typed (a phone compares it with its own draft); empty clears the part.
			text: z
				.string({ error: 'Type the plan as text.' })
				.max(PLAN_TEXT_MAX, { error: `Keep each part to ${PLAN_TEXT_MAX} characters or fewer.` }),
			...editFields
		}),
		z.object({
			kind: z.literal('choose-cause'),
			cardId,
			cause: z.enum(CAUSES, { error: 'Pick one of the causes on your screen.' }).nullable()
		}),
		z.object({
			kind: z.literal('observe'),
			checks: z
				.array(z.enum(CHECK_IDS, { error: 'That is not on the checklist. Refresh the page.' }))
				.max(CHECK_IDS.length)
				.transform((ids) => CHECK_IDS.filter((id) => ids.includes(id))),
			note: z
				.string({ error: 'Type the note as text.' })
				.overwrite((s) => s.trim())
				.max(NOTE_MAX, { error: `Keep the note to ${NOTE_MAX} characters or fewer.` })
		})
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);

export type TrainerInput =
	| { kind: 'deal' }
	| { kind: 'swap'; groupId: string }
	/** null: back to the gallery. */
	| { kind: 'spotlight'; groupId: string | null }
	| { kind: 'start-round'; minutes: number }
	| { kind: 'end-round' };

const groupId = z.string({ error: 'Which group?' }).min(1, { error: 'Which group?' }).max(200);
const minutesError = { error: `Set a round length from 1 to ${MAX_ROUND_MINUTES} minutes.` };

export const trainerInputSchema: z.ZodType<TrainerInput, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('deal') }),
		z.object({ kind: z.literal('swap'), groupId }),
		z.object({ kind: z.literal('spotlight'), groupId: groupId.nullable() }),
		z.object({
			kind: z.literal('start-round'),
			minutes: z
				.number(minutesError)
				.int(minutesError)
				.min(1, minutesError)
				.max(MAX_ROUND_MINUTES, minutesError)
		}),
		z.object({ kind: z.literal('end-round') })
	],
	{ error: 'That action is not one this activity knows.' }
);
