import { describe, expect, it } from 'vitest';
import { activityTypes } from '$lib/activities/registry';
import { fastParser } from '$lib/server/fast-parse';
import { humanIssue } from '$lib/server/messages';
import { joinSchema, submitSchema } from '$lib/server/realtime/schemas';

const OPTIONS = { error: humanIssue };

/** What a caller sees: success and the value, or the first message. */
function answer(result: {
	success: boolean;
	data?: unknown;
	error?: { issues: { message: string }[] };
}) {
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, message: result.error?.issues[0]?.message };
}

const NOISE: unknown[] = [
	undefined,
	null,
	0,
	'text',
	[],
	{},
	{ kind: 'no-such-kind' },
	{ kind: 'rate', statementId: 'ability-2', value: 4 },
	{ kind: 'rate', statementId: 'a2', value: 9 },
	{ kind: 'add-card', step: 9, text: 'x' },
	{ kind: 'add-card', step: 0, text: '   ' },
	{ kind: 'add-card', step: 0, text: 'x'.repeat(5000) }
];

describe('compiled parsers (fastParser)', () => {
	it('answer exactly as the runtime parser: values (trimmed, defaulted, transformed) and refusal messages', () => {
		expect.hasAssertions();
		const cases: [string, import('zod').ZodType, unknown][] = [
			[
				'AMO rating',
				activityTypes.get('amo')!.input,
				{ kind: 'rate', statementId: 'a2', value: 4 }
			],
			[
				'AMO subject, initials cleaned',
				activityTypes.get('amo')!.input,
				{ kind: 'set-subject', subject: { type: 'person', initials: ' j.s ' } }
			],
			[
				'AMO subject, initials defaulted',
				activityTypes.get('amo')!.input,
				{ kind: 'set-subject', subject: { type: 'person' } }
			],
			[
				'pyramid card, spaces folded',
				activityTypes.get('pm-pyramid')!.input,
				{ kind: 'add-card', step: 2, text: '  Monthly   1:1s  ', tag: null }
			],
			[
				'submit envelope',
				submitSchema,
				{ runId: 'r1', inputId: 'w1p2s3', input: { kind: 'submit' } }
			],
			['submit envelope, bad id', submitSchema, { runId: 'r1', inputId: 'no spaces', input: 1 }],
			['submit envelope, no input', submitSchema, { runId: 'r1', inputId: 'ok' }],
			['join', joinSchema, { code: ' ABC123 ', name: '  Ann  ' }]
		];
		for (const [label, schema, value] of cases)
			expect(answer(fastParser(schema).safeParse(value, OPTIONS)), label).toEqual(
				answer(schema.safeParse(value, OPTIONS))
			);
	});

	it('refuse every malformed input of every activity type with the runtime parser’s message', () => {
		expect.hasAssertions();
		for (const [name, type] of activityTypes)
			for (const value of NOISE)
				expect(
					answer(fastParser(type.input).safeParse(value, OPTIONS)),
					`${name} ${JSON.stringify(value)}`
				).toEqual(answer(type.input.safeParse(value, OPTIONS)));
	});

	it('compile each schema once', () => {
		const schema = activityTypes.get('amo')!.input;
		expect(fastParser(schema)).toBe(fastParser(schema));
		// …and compiled indeed (a schema zod cannot compile comes back as it is).
		expect(fastParser(schema)).not.toBe(schema);
		expect(fastParser(submitSchema)).not.toBe(submitSchema);
	});
});
