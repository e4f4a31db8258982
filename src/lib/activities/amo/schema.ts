import { z } from 'zod';
import { cleanInitials, initialsValid, INITIALS_MESSAGE } from './initials';
import {
	DEFAULT_STATEMENTS,
	MAX_STATEMENTS,
	MIN_STATEMENTS,
	STATEMENT_ID,
	type Dimension
} from './statements';

const statementText = z
	.string({ error: 'expected each statement as text' })
	.trim()
	.min(1, 'a statement is empty')
	.max(160, 'a statement is longer than 160 characters');

const dimensionList = (dimension: Dimension) =>
	z
		.array(statementText, { error: `expected a list of ${dimension} statements` })
		.min(MIN_STATEMENTS, `${dimension} needs at least ${MIN_STATEMENTS} statements`)
		.max(MAX_STATEMENTS, `${dimension} has at most ${MAX_STATEMENTS} statements`)
		// A copy each time, so no parsed config shares (and could alter) the defaults.
		.default(() => [...DEFAULT_STATEMENTS[dimension]]);

/** Who a participant may rate: either (they choose), only their own team, or only one team member. */
export const SUBJECT_CHOICES = ['either', 'team', 'person'] as const;

/**
 * The content file's `config:`. Every key is optional; a dimension left out keeps our defaults, so a
 * trainer can replace just one list. Parsing a parsed config gives it back unchanged, so the engine
 * may store the output and validate it again.
 */
export const configSchema = z
	.strictObject(
		{
			about: z
				.enum(SUBJECT_CHOICES, { error: 'about: expected either, team or person' })
				.default('either'),
			minAnswers: z
				.number({ error: 'minAnswers: expected a whole number, like 3' })
				.int('minAnswers: expected a whole number, like 3')
				.min(1, 'minAnswers must be at least 1')
				.max(500, 'minAnswers must be at most 500')
				.default(3),
			statements: z
				.strictObject(
					{
						ability: dimensionList('ability'),
						motivation: dimensionList('motivation'),
						opportunity: dimensionList('opportunity')
					},
					{ error: 'statements: expected lists named ability, motivation and opportunity' }
				)
				.prefault({})
		},
		{ error: 'expected the AMO settings as a map' }
	)
	.prefault({});

export type Config = z.output<typeof configSchema>;

/** Shared with the phone (plain functions, so the phone's bundle needs no zod). */
export const initialsSchema = z
	.string({ error: INITIALS_MESSAGE })
	.transform(cleanInitials)
	.refine(initialsValid, INITIALS_MESSAGE);

const subjectSchema = z.discriminatedUnion(
	'type',
	[
		z.strictObject({ type: z.literal('team') }),
		// Initials are optional: "one team member" with no letters at all is allowed.
		z.strictObject({ type: z.literal('person'), initials: initialsSchema.default('') })
	],
	{ error: 'Please choose your team or one team member.' }
);

export type Subject = z.output<typeof subjectSchema>;

const RATING_MESSAGE = 'Please choose a rating from 1 to 5.';

export const inputSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('set-subject'), subject: subjectSchema }),
		z.strictObject({
			kind: z.literal('rate'),
			statementId: z
				.string({ error: 'That statement is not in this assessment.' })
				.regex(STATEMENT_ID, 'That statement is not in this assessment.'),
			value: z
				.number({ error: RATING_MESSAGE })
				.int(RATING_MESSAGE)
				.min(1, RATING_MESSAGE)
				.max(5, RATING_MESSAGE)
		}),
		/** "I'm done": counts towards the room's aggregate once every statement is rated. */
		z.strictObject({ kind: z.literal('submit') }),
		/** Start again (for example about someone else): clears this participant's answers. */
		z.strictObject({ kind: z.literal('reset') })
	],
	{ error: 'That is not an answer this activity understands.' }
);

export type Input = z.output<typeof inputSchema>;
