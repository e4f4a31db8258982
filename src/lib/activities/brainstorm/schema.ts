import { z } from 'zod';

/** A card is a short line: long enough for "Thank-you note from the head of school", short enough for a wall. */
export const IDEA_MAX = 80;
export const THEME_NAME_MAX = 40;
export const MAX_THEMES = 12;

const count = (what: string, min: number, max: number, fallback: number) => {
	const error = { error: `expected ${what} as a whole number from ${min} to ${max}` };
	return z.number(error).int(error).min(min, error).max(max, error).default(fallback);
};

const themeName = z
	.string({ error: 'expected a theme name as text' })
	.overwrite((s) => s.replace(/\s+/g, ' ').trim())
	.min(1, { error: 'A theme needs a name.' })
	.max(THEME_NAME_MAX, { error: `Keep a theme name to ${THEME_NAME_MAX} characters or fewer.` });

const configFields = z.strictObject({
	/** The question on the wall, e.g. "Ways to reward and recognise people in your team". */
	prompt: z
		.string({ error: 'expected the prompt as text' })
		.trim()
		.max(160, { error: 'keep the prompt to 160 characters or fewer' })
		.default(''),
	votesPerPerson: count('the votes per person', 1, 10, 3),
	maxIdeasPerPerson: count('the most ideas per person', 1, 50, 15),
	/** The room's goal shown as a counter ("30 ways"); 0 hides it. */
	target: count('the target number of ideas', 0, 200, 0),
	/** Themes on the wall from the start; the trainer can rename, remove or add more. */
	themes: z
		.array(themeName, { error: 'expected a list of theme names' })
		.max(MAX_THEMES, { error: `list ${MAX_THEMES} themes or fewer` })
		.default([])
});

export type Config = z.output<typeof configFields>;
export const configSchema: z.ZodType<Config, unknown> = configFields.prefault({});

/** One line: runs of spaces and line breaks collapse, so the wall shows what was meant. */
const ideaText = z
	.string({ error: 'Type your idea as text.' })
	.overwrite((s) => s.replace(/\s+/g, ' ').trim())
	.min(1, { error: 'Type an idea before adding it.' })
	.max(IDEA_MAX, { error: `Keep an idea to ${IDEA_MAX} characters or fewer.` });

/** A card's public ref ("c12"), as the screens show it; never its internal id, which names its author. */
const ideaId = z
	.string({ error: 'Which idea? The reference is missing.' })
	.min(1, { error: 'Which idea? The reference is missing.' })
	.max(300, { error: 'That idea reference is not one of ours.' });

const themeId = z
	.string({ error: 'Which theme? The reference is missing.' })
	.min(1, { error: 'Which theme? The reference is missing.' })
	.max(300, { error: 'That theme reference is not one of ours.' });

export type Input =
	| { kind: 'add'; text: string }
	| { kind: 'edit'; ideaId: string; text: string }
	| { kind: 'delete'; ideaId: string }
	| { kind: 'vote'; ideaId: string }
	| { kind: 'unvote'; ideaId: string };

export const inputSchema: z.ZodType<Input, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('add'), text: ideaText }),
		z.object({ kind: z.literal('edit'), ideaId, text: ideaText }),
		z.object({ kind: z.literal('delete'), ideaId }),
		z.object({ kind: z.literal('vote'), ideaId }),
		z.object({ kind: z.literal('unvote'), ideaId })
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);

export const DISPLAYS = ['wall', 'cloud', 'top'] as const;
export type Display = (typeof DISPLAYS)[number];

export type TrainerInput =
	/** Card `fromId` is a duplicate of `intoId`: its votes move over and it leaves the wall. */
	| { kind: 'merge'; intoId: string; fromId: string }
	| { kind: 'add-theme'; name: string }
	| { kind: 'rename-theme'; themeId: string; name: string }
	/** Its cards go back to "not sorted yet". */
	| { kind: 'remove-theme'; themeId: string }
	/** null takes the cards out of any theme. */
	| { kind: 'assign'; ideaIds: string[]; themeId: string | null }
	/** Takes an unsuitable card off the wall; its author is told, votes on it are given back. */
	| { kind: 'remove-idea'; ideaId: string }
	| { kind: 'voting'; open: boolean }
	| { kind: 'show'; display: Display };

export const trainerInputSchema: z.ZodType<TrainerInput, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('merge'), intoId: ideaId, fromId: ideaId }),
		z.object({ kind: z.literal('add-theme'), name: themeName }),
		z.object({ kind: z.literal('rename-theme'), themeId, name: themeName }),
		z.object({ kind: z.literal('remove-theme'), themeId }),
		z.object({
			kind: z.literal('assign'),
			ideaIds: z
				.array(ideaId)
				.min(1, { error: 'Pick at least one card.' })
				.max(200, { error: 'Too many cards at once.' }),
			themeId: themeId.nullable()
		}),
		z.object({ kind: z.literal('remove-idea'), ideaId }),
		z.object({
			kind: z.literal('voting'),
			open: z.boolean({ error: 'expected voting open (true) or closed (false)' })
		}),
		z.object({
			kind: z.literal('show'),
			display: z.enum(DISPLAYS, { error: 'Show "wall", "cloud" or "top".' })
		})
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);
