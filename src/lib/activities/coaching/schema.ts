import { z } from 'zod';
import {
	BRIEF_MAX,
	CHECK_IDS,
	DEFAULT_BRIEF,
	MAX_ROUND_MINUTES,
	NOTE_MAX,
	STEPS,
	TAKEAWAY_MAX,
	type CheckId,
	type Step
} from './words';

const configFields = z.strictObject({
	/** The round length the remote offers first, in minutes. */
	roundMinutes: z
		.number({ error: 'expected roundMinutes as a whole number' })
		.int({ error: 'expected roundMinutes as a whole number' })
		.min(1, { error: 'a round is at least 1 minute' })
		.max(MAX_ROUND_MINUTES, { error: `a round is at most ${MAX_ROUND_MINUTES} minutes` })
		.default(10),
	/** What the coachee's phone asks them to bring. */
	coacheeBrief: z
		.string({ error: 'expected coacheeBrief as text' })
		.trim()
		.min(1, { error: 'coacheeBrief cannot be empty' })
		.max(BRIEF_MAX, { error: `keep coacheeBrief to ${BRIEF_MAX} characters or fewer` })
		.default(DEFAULT_BRIEF)
});

export interface Config {
	roundMinutes: number;
	coacheeBrief: string;
}

/** Defaults filled in, so parsing the result again gives the same config. */
export const configSchema: z.ZodType<Config, unknown> = configFields.prefault({});

export type Input =
	/** The coach's whole set of ticked steps each time (order does not matter). */
	| { kind: 'cover'; steps: Step[] }
	/** The observer's whole observation each time: ticks and note, for the latest round. */
	| { kind: 'observe'; checks: CheckId[]; note: string }
	/** The coachee's own take-away; empty clears it. */
	| { kind: 'takeaway'; text: string };

const trimmed = (what: string, max: number) =>
	z
		.string({ error: `Type the ${what} as text.` })
		.overwrite((s) => s.trim())
		.max(max, { error: `Keep the ${what} to ${max} characters or fewer.` });

export const inputSchema: z.ZodType<Input, unknown> = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('cover'),
			steps: z
				.array(z.enum(STEPS, { error: 'That is not a GROW step. Refresh the page.' }))
				.max(STEPS.length * 2)
				.transform((ids) => STEPS.filter((s) => ids.includes(s)))
		}),
		z.object({
			kind: z.literal('observe'),
			checks: z
				.array(z.enum(CHECK_IDS, { error: 'That is not on the checklist. Refresh the page.' }))
				.max(CHECK_IDS.length * 2)
				.transform((ids) => CHECK_IDS.filter((id) => ids.includes(id))),
			note: trimmed('note', NOTE_MAX)
		}),
		z.object({ kind: z.literal('takeaway'), text: trimmed('take-away', TAKEAWAY_MAX) })
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);

export type TrainerInput = { kind: 'start-round'; minutes: number } | { kind: 'end-round' };

const minutesError = { error: `Set a round length from 1 to ${MAX_ROUND_MINUTES} minutes.` };

export const trainerInputSchema: z.ZodType<TrainerInput, unknown> = z.discriminatedUnion(
	'kind',
	[
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
