import { z } from 'zod';

/** Hard caps only: the friendly rules (name length, code shape) live in the engine's own checks. */
const text = (what: string, max: number) =>
	z.string({ error: `expected ${what} as text` }).max(max, `${what} is too long`);
const id = (what: string) =>
	z
		.string({ error: `expected ${what}` })
		.min(1, `expected ${what}`)
		.max(64, `${what} is too long`);

export const joinSchema = z.strictObject({
	code: text('the room code', 40),
	name: text('your name', 400)
});
export const resumeSchema = z.strictObject({
	code: text('the room code', 40),
	seatToken: id('the seat token')
});
export const watchSchema = z.strictObject({ roomId: id('the room id') });
export const removeSchema = z.strictObject({
	roomId: id('the room id'),
	participantId: id('the participant id')
});
export const closeSchema = z.strictObject({ roomId: id('the room id') });
export const clockSchema = z.strictObject({
	sentAt: z.number({ error: 'expected sentAt as a number' }).finite()
});

const wholeNumber = (what: string, min: number, max: number) =>
	z
		.number({ error: `expected ${what} as a number` })
		.int(`expected ${what} as a whole number`)
		.min(min, `${what} must be at least ${min}`)
		.max(max, `${what} must be at most ${max}`);

const control = z.discriminatedUnion(
	'type',
	[
		z.strictObject({ type: z.literal('start') }),
		z.strictObject({ type: z.literal('pause') }),
		z.strictObject({ type: z.literal('resume') }),
		z.strictObject({ type: z.literal('next') }),
		z.strictObject({ type: z.literal('previous') }),
		z.strictObject({ type: z.literal('jump'), index: wholeNumber('the block number', 0, 59) }),
		z.strictObject({
			type: z.literal('extend'),
			minutes: wholeNumber('the minutes to add', 1, 60)
		}),
		z.strictObject({
			type: z.literal('replan'),
			minutes: z.array(wholeNumber('each block’s minutes', 1, 480)).max(60)
		})
	],
	{ error: 'expected a control: start, pause, resume, next, previous, jump, extend or replan' }
);

export const controlSchema = z.strictObject({ roomId: id('the room id'), control });

const activityIdSchema = z
	.string({ error: 'expected an activity id' })
	.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected an activity id like "pm-pyramid"');

export const launchSchema = z.strictObject({
	roomId: id('the room id'),
	activityId: activityIdSchema,
	sameGroups: z.boolean({ error: 'expected sameGroups as true or false' }).optional(),
	groupSize: z
		.number({ error: 'expected the group size as a number' })
		.int('expected a whole number')
		.min(2, 'a group has at least 2 people')
		.max(12, 'a group has at most 12 people')
		.optional(),
	/** Setup edits: key → short texts. The type's own config schema has the final word. */
	setup: z
		.record(
			z.string().max(40),
			z.array(z.string({ error: 'expected each setting as text' }).max(200)).max(20),
			{ error: 'expected the settings as a map of lists' }
		)
		.optional()
});
export const activityStatusSchema = z.strictObject({
	roomId: id('the room id'),
	runId: id('the activity run id'),
	status: z.enum(['open', 'closed', 'revealed'], {
		error: 'expected the status: open, closed or revealed'
	})
});
export const moveSchema = z.strictObject({
	roomId: id('the room id'),
	runId: id('the activity run id'),
	participantId: id('the participant id'),
	groupId: id('the group id')
});
/** The outer shape only: the activity type's own schema checks `input`. */
export const submitSchema = z.strictObject({
	runId: id('the activity run id'),
	inputId: z
		.string({ error: 'expected an input id' })
		.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an input id of letters, digits, - or _'),
	input: z.unknown().refine((v) => v !== undefined, 'expected the answer')
});

export const actSchema = z.strictObject({
	roomId: id('the room id'),
	runId: id('the activity run id'),
	inputId: z
		.string({ error: 'expected an input id' })
		.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an input id of letters, digits, - or _'),
	input: z.unknown().refine((v) => v !== undefined, 'expected the action')
});

export const slidesWatchSchema = z.strictObject({ roomId: id('the room id') });

const slideControl = z.discriminatedUnion(
	'type',
	[
		z.strictObject({ type: z.literal('next') }),
		z.strictObject({ type: z.literal('previous') }),
		z.strictObject({
			type: z.literal('goto'),
			block: wholeNumber('the block number', 0, 59),
			slide: wholeNumber('the slide number', 0, 499)
		}),
		z.strictObject({
			type: z.literal('blank'),
			blank: z.enum(['black', 'white'], { error: 'expected black, white or null' }).nullable()
		}),
		z.strictObject({
			type: z.literal('follow'),
			follow: z.boolean({ error: 'follow must be true or false' })
		}),
		z.strictObject({
			type: z.literal('video'),
			action: z.enum(['play', 'pause', 'show', 'hide'], {
				error: 'expected play, pause, show or hide'
			})
		})
	],
	{ error: 'expected a slide control: next, previous, goto, blank, follow or video' }
);

export const slidesControlSchema = z.strictObject({
	roomId: id('the room id'),
	control: slideControl
});
