import { z } from 'zod';
import { cleanInitials, initialsValid, INITIALS_MESSAGE } from '../amo/initials';
import { SCALE_MAX, SCALE_MIN } from './quadrant';

export const MAX_PLACEMENTS = 5;
export const TASK_MAX = 60;

/** The content file's `config:`; every key optional. */
export const configSchema = z
	.strictObject(
		{
			/** How many people one participant may place. */
			maxPlacements: z
				.number({ error: 'maxPlacements: expected a whole number, like 3' })
				.int('maxPlacements: expected a whole number, like 3')
				.min(1, 'maxPlacements must be at least 1')
				.max(MAX_PLACEMENTS, `maxPlacements must be at most ${MAX_PLACEMENTS}`)
				.default(3),
			/** The scatter shows once this many people have placed someone, and only when revealed. */
			minAnswers: z
				.number({ error: 'minAnswers: expected a whole number, like 3' })
				.int('minAnswers: expected a whole number, like 3')
				.min(1, 'minAnswers must be at least 1')
				.max(500, 'minAnswers must be at most 500')
				.default(3)
		},
		{ error: 'expected the skill/will settings as a map' }
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

// Here initials are required: they are how a participant tells their own placements apart.
const initials = z
	.string({ error: INITIALS_MESSAGE })
	.transform(cleanInitials)
	.refine(initialsValid, INITIALS_MESSAGE)
	.refine((s) => s.length > 0, 'Please type their initials, like JS.');

const TASK_MESSAGE = `Please name the task in ${TASK_MAX} characters or fewer.`;
const task = z
	.string({ error: 'Please name the task.' })
	.transform((s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim())
	.refine((s) => s.length > 0, 'Please name the task.')
	.refine((s) => [...s].length <= TASK_MAX, TASK_MESSAGE)
	// Control and bidi-override characters could disguise the text on the trainer's export.
	.refine(
		(s) => !/[\p{Cc}\p{Cf}]/u.test(s.replace(/[\u200C\u200D]/gu, '')),
		'The task has a hidden character in it. Please retype it.'
	);

const score = (axis: string) => {
	const message = `Please set ${axis} from ${SCALE_MIN} to ${SCALE_MAX}.`;
	return z.number({ error: message }).int(message).min(SCALE_MIN, message).max(SCALE_MAX, message);
};

const placementFields = { initials, task, skill: score('skill'), will: score('will') };
const placementId = z
	.string({ error: 'That placement is no longer there.' })
	.min(1)
	.max(16, 'That placement is no longer there.');

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('add'), ...placementFields }),
		/** Editing replaces all four fields of one of the sender's own placements. */
		z.strictObject({ kind: z.literal('update'), id: placementId, ...placementFields }),
		z.strictObject({ kind: z.literal('remove'), id: placementId })
	],
	{ error: 'That is not an answer this activity understands.' }
);

export type Input = z.output<typeof inputSchema>;
