import { z } from 'zod';
import {
	CARD_TEXT_MAX,
	PRESETS,
	STEP_COUNT,
	STRENGTHS,
	TAGS,
	type Preset,
	type Step,
	type Strength,
	type Tag
} from './steps';

const LABEL_MAX = 48;

const configFields = z.strictObject({
	preset: z
		.enum(['cascade', 'cycle'], { error: 'expected "cascade" or "cycle"' })
		.default('cascade'),
	steps: z
		.array(
			z
				.string({ error: 'expected each step label as text' })
				.trim()
				.min(1, { error: 'a step label cannot be empty' })
				.max(LABEL_MAX, { error: `keep each step label to ${LABEL_MAX} characters or fewer` }),
			{ error: 'expected a list of five step labels' }
		)
		.length(STEP_COUNT, { error: 'expected exactly five step labels, top of the pyramid first' })
		.optional(),
	overkillAt: z
		.number({ error: 'expected the overkill threshold as a whole number' })
		.int({ error: 'expected the overkill threshold as a whole number' })
		.min(2, { error: 'the overkill threshold must be at least 2 cards' })
		.max(60, { error: 'the overkill threshold must be 60 cards or fewer' })
		.default(5)
});

export interface Config {
	preset: Preset;
	/** Always five labels: the preset's, unless the content file (or the trainer) gave its own. */
	steps: string[];
	/** A tier with this many cards or more is flagged as overkill. */
	overkillAt: number;
}

/**
 * The resolved config keeps `steps` filled in, so parsing it again gives the same result: the
 * trainer's label editor can send the resolved config straight back through this schema.
 * A content file without `config:` gets the cascade.
 */
export const configSchema: z.ZodType<Config, unknown> = configFields
	.prefault({})
	.transform((c): Config => ({
		preset: c.preset,
		steps: c.steps ?? [...PRESETS[c.preset]],
		overkillAt: c.overkillAt
	}));

const cardId = z
	.string({ error: 'Which card? The card reference is missing.' })
	.min(1, { error: 'Which card? The card reference is missing.' })
	.max(200, { error: 'That card reference is not one of ours.' });

const stepError = { error: 'Pick a step from 1 to 5.' };
const step = z
	.number(stepError)
	.int(stepError)
	.min(0, stepError)
	.max(STEP_COUNT - 1, stepError) as z.ZodType<Step, unknown>;

/** Cards are one line: runs of spaces and line breaks collapse so the projector shows what was meant. */
const cardText = z
	.string({ error: 'Type the practice as text.' })
	.overwrite((s) => s.replace(/\s+/g, ' ').trim())
	.min(1, { error: 'Type a practice before adding it.' })
	.max(CARD_TEXT_MAX, { error: `Keep a card to ${CARD_TEXT_MAX} characters or fewer.` });

const tag = z.enum(TAGS, { error: 'Tag a card "works-well", "patchy" or "missing".' });
const strength = z.enum(STRENGTHS, { error: 'Mark a link "strong", "weak" or "none".' });

export type Input =
	| { kind: 'add-card'; step: Step; text: string; tag?: Tag | null }
	| { kind: 'edit-card'; cardId: string; text: string }
	/** null clears the tag (a mistaken tap can be undone). */
	| { kind: 'tag-card'; cardId: string; tag: Tag | null }
	| { kind: 'move-card'; cardId: string; step: Step }
	| { kind: 'delete-card'; cardId: string }
	/** The link from step `from` to the next (4: the cycle's 5→1, refused by the pyramid). */
	| { kind: 'set-link'; from: 0 | 1 | 2 | 3 | 4; strength: Strength };

const linkFromError = {
	error: 'Pick a link between two neighbouring steps (1→2 up to 4→5, or 5→1 in the cycle).'
};
const linkFrom = z
	.number(linkFromError)
	.int(linkFromError)
	.min(0, linkFromError)
	.max(STEP_COUNT - 1, linkFromError) as z.ZodType<0 | 1 | 2 | 3 | 4, unknown>;

export const inputSchema: z.ZodType<Input, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('add-card'), step, text: cardText, tag: tag.nullable().optional() }),
		z.object({ kind: z.literal('edit-card'), cardId, text: cardText }),
		z.object({ kind: z.literal('tag-card'), cardId, tag: tag.nullable() }),
		z.object({ kind: z.literal('move-card'), cardId, step }),
		z.object({ kind: z.literal('delete-card'), cardId }),
		z.object({ kind: z.literal('set-link'), from: linkFrom, strength })
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);
