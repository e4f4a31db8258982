import { z } from 'zod';
import { CAUSES, FIELDS, PLAN_TEXT_MAX } from '../conversation-cards/words';
import { editFields } from '../shared/plan-parts';
import { MODES, SITUATION_MAX } from './words';

export const configSchema = z
	.strictObject(
		{
			mode: z.enum(MODES, { error: `expected mode: ${MODES.join(' or ')}` }).default('improvement')
		},
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected mode)`
					: 'expected the plan settings as a map'
		}
	)
	.prefault({});
export type Config = z.output<typeof configSchema>;

/** The six parts of the cards' plan, plus the situation the person brings. */
export const PARTS = ['situation', ...FIELDS] as const;
export type Part = (typeof PARTS)[number];

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			kind: z.literal('edit'),
			part: z.enum(PARTS, { error: 'Pick one of the parts of the plan.' }),
			// Kept exactly as typed (the shared plan field compares it with its draft); empty clears it.
			text: z
				.string({ error: 'Type the plan as text.' })
				.max(Math.max(PLAN_TEXT_MAX, SITUATION_MAX), {
					error: `Keep each part to ${PLAN_TEXT_MAX} characters or fewer.`
				}),
			...editFields
		}),
		z.strictObject({
			kind: z.literal('cause'),
			cause: z.enum(CAUSES, { error: 'Pick one of the six causes.' }).nullable()
		}),
		/** Lets the trainer show this plan on the projector (without names); off takes it back. */
		z.strictObject({ kind: z.literal('share'), on: z.boolean({ error: 'expected on or off' }) })
	],
	{ error: 'That is not something this activity understands. Refresh the page and try again.' }
);
export type Input = z.output<typeof inputSchema>;

export const trainerInputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			kind: z.literal('spotlight'),
			plan: z.number({ error: 'Which plan?' }).int().min(1).max(100_000).nullable()
		})
	],
	{ error: 'That action is not one this activity knows.' }
);
export type TrainerInput = z.output<typeof trainerInputSchema>;
