import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import type { ActivityStatus, PersonInfo, ViewContext } from '$lib/activities/contract';
import { LIVE_MIN, quickPoll, type Config, type State } from '$lib/activities/quick-poll/type';
import { appRoot } from '$lib/server/paths';

const participants: PersonInfo[] = ['Ann', 'Bob', 'Cat', 'Dev', 'Eve', 'Fay'].map((name) => ({
	id: `pid-${name.toLowerCase()}`,
	name
}));
const base = {
	question: 'How often are appraisals held?',
	options: ['Never', 'Yearly', 'Twice a year']
};

function room(extra: Record<string, unknown> = {}) {
	const h = harness(quickPoll, { ...base, ...extra });
	const view: ViewContext<Config> = { config: h.config, status: 'open', groups: [], participants };
	return {
		...h,
		projector: (status: ActivityStatus) => quickPoll.projector(h.state, { ...view, status }),
		phone: (participantId: string) =>
			quickPoll.phone(h.state, { ...view, participantId, groupId: null }),
		rows: () => quickPoll.exportRows(h.state, view)
	};
}

const snapshot = (state: State) => JSON.stringify(state);

describe('quick poll config', () => {
	it('defaults to single choice, results held until the reveal', () => {
		expect(quickPoll.config.parse(base)).toEqual({
			...base,
			multiple: false,
			revealAfterClose: true
		});
	});

	it('trims texts and parses its own output unchanged', () => {
		const c = quickPoll.config.parse({
			question: '  Q? ',
			options: [' a ', 'b'],
			multiple: true,
			revealAfterClose: false
		});
		expect(c).toEqual({
			question: 'Q?',
			options: ['a', 'b'],
			multiple: true,
			revealAfterClose: false
		});
		expect(quickPoll.config.parse(c)).toEqual(c);
	});

	it('accepts 8 options of 80 characters', () => {
		const options = Array.from({ length: 8 }, (_, i) => `${i}`.padEnd(80, 'x'));
		expect(quickPoll.config.safeParse({ question: 'Q', options }).success).toBe(true);
	});

	it.each([
		[{}, ['question'], 'expected the poll question as text'],
		[{ ...base, question: '   ' }, ['question'], 'the poll needs a question'],
		[{ question: 'Q' }, ['options'], 'expected a list of 2 to 8 options'],
		[{ ...base, options: ['Only one'] }, ['options'], 'a poll needs at least 2 options'],
		[
			{ ...base, options: Array.from({ length: 9 }, (_, i) => `Option ${i}`) },
			['options'],
			'a poll has at most 8 options'
		],
		[
			{ ...base, options: ['Yes', 'x'.repeat(81)] },
			['options', 1],
			'an option is longer than 80 characters'
		],
		[{ ...base, options: ['Yes', ' '] }, ['options', 1], 'an option is empty'],
		[{ ...base, options: ['Yes', 'yes '] }, ['options'], 'two options are the same'],
		[{ ...base, multiple: 'yes' }, ['multiple'], 'expected true or false'],
		[{ ...base, revealAfterClose: 1 }, ['revealAfterClose'], 'expected true or false'],
		[
			{ ...base, colour: 'red' },
			[],
			'unknown setting "colour" (expected question, options, multiple, revealAfterClose)'
		]
	])('refuses %j with a message at the right key', (raw, path, message) => {
		const r = quickPoll.config.safeParse(raw);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.path).toEqual(path);
		expect(r.error?.issues[0]?.message).toBe(message);
	});

	it('refuses a missing config as a whole', () => {
		expect(quickPoll.config.safeParse(undefined).error?.issues[0]?.message).toBe(
			'expected the poll settings as a map'
		);
	});

	it('the shipped example is valid and uses this type', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'quick-poll-example.yaml'), 'utf8')
		);
		expect(file.type).toBe(quickPoll.type);
		const c = quickPoll.config.parse(file.config);
		expect(c.options.length).toBeGreaterThanOrEqual(2);
		expect(c.revealAfterClose).toBe(true);
	});
});

describe('quick poll inputs', () => {
	it('a re-choice replaces the earlier answer; clear takes it back', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'choose', options: [0] });
		r.ok('pid-ann', { kind: 'choose', options: [2] });
		r.ok('pid-bob', { kind: 'choose', options: [1] });
		expect(r.state.answers).toEqual({ 'pid-ann': [2], 'pid-bob': [1] });
		expect(r.phone('pid-ann').mine).toEqual([2]);
		r.ok('pid-ann', { kind: 'clear' });
		expect(r.phone('pid-ann').mine).toEqual([]);
		expect(r.state.answers).toEqual({ 'pid-bob': [1] });
	});

	it('multiple choice stores the options sorted', () => {
		const r = room({ multiple: true });
		r.ok('pid-ann', { kind: 'choose', options: [2, 0] });
		expect(r.phone('pid-ann').mine).toEqual([0, 2]);
	});

	it('clearing with no answer is harmless', () => {
		const r = room();
		expect(r.send('pid-ann', { kind: 'clear' })).toEqual({ ok: true });
		expect(r.state.answers).toEqual({});
	});

	it.each([
		[{}, { kind: 'choose', options: [3] }, 'That option is not in this poll.'],
		[{}, { kind: 'choose', options: [-1] }, 'That option is not in this poll.'],
		[{}, { kind: 'choose', options: [0.5] }, 'That option is not in this poll.'],
		[{}, { kind: 'choose', options: ['0'] }, 'That option is not in this poll.'],
		[{}, { kind: 'choose', options: [] }, 'Please choose an option.'],
		[{}, { kind: 'choose' }, 'Please choose an option.'],
		[{}, { kind: 'choose', options: [0, 1] }, 'Please choose one option only.'],
		[
			{ multiple: true },
			{ kind: 'choose', options: [1, 1] },
			'Please choose each option only once.'
		],
		[{ multiple: true }, { kind: 'choose', options: [0, 7] }, 'That option is not in this poll.'],
		[{}, { kind: 'vote', options: [0] }, 'That is not an answer this poll understands.'],
		[
			{},
			{ kind: 'choose', options: [0], extra: 1 },
			'That is not an answer this poll understands.'
		],
		[{}, { kind: 'clear', who: 'pid-bob' }, 'That is not an answer this poll understands.'],
		[{}, 'Never', 'That is not an answer this poll understands.']
	])('with config %j refuses %j and leaves the state unchanged', (extra, input, error) => {
		const r = room(extra);
		r.ok('pid-ann', { kind: 'choose', options: [1] });
		const before = snapshot(r.state);
		expect(r.send('pid-ann', input)).toEqual({ ok: false, error });
		expect(snapshot(r.state)).toBe(before);
	});

	it('replaying the log gives an identical state', () => {
		const r = room({ multiple: true });
		r.ok('pid-ann', { kind: 'choose', options: [0, 1] });
		r.ok('pid-bob', { kind: 'choose', options: [2] });
		r.send('pid-cat', { kind: 'choose', options: [9] });
		r.ok('pid-ann', { kind: 'choose', options: [1] });
		r.ok('pid-bob', { kind: 'clear' });
		r.ok('pid-cat', { kind: 'choose', options: [2, 1] });
		expect(r.replay()).toEqual(r.state);
		expect(JSON.stringify(r.replay())).toBe(snapshot(r.state));
	});
});

describe('quick poll projector', () => {
	const everyone = (r: ReturnType<typeof room>, choices: number[][]) =>
		choices.forEach((options, i) => r.ok(participants[i]!.id, { kind: 'choose', options }));

	it('counts each option once revealed', () => {
		const r = room();
		everyone(r, [[0], [1], [1], [2], [1]]);
		const v = r.projector('revealed');
		expect(v.answered).toBe(5);
		expect(v.counts).toEqual([1, 3, 1]);
		expect(v.heldUntil).toBeNull();
	});

	it('counts people per option in a multiple-choice poll', () => {
		const r = room({ multiple: true });
		everyone(r, [
			[0, 1],
			[1, 2],
			[0, 1, 2]
		]);
		expect(r.projector('revealed')).toMatchObject({ answered: 3, counts: [2, 3, 2] });
	});

	it.each<ActivityStatus>(['open', 'closed'])(
		'with revealAfterClose, shows only how many answered while %s',
		(status) => {
			const r = room();
			everyone(r, [[0], [1], [1], [2], [1], [0]]);
			const v = r.projector(status);
			expect(v).toMatchObject({ answered: 6, counts: null, heldUntil: 'reveal' });
		}
	);

	it(`without revealAfterClose, goes live only from ${LIVE_MIN} answers`, () => {
		const r = room({ revealAfterClose: false });
		everyone(r, [[0], [1], [1], [2]]);
		expect(r.projector('open')).toMatchObject({
			answered: 4,
			counts: null,
			heldUntil: 'more-answers'
		});
		r.ok('pid-eve', { kind: 'choose', options: [2] });
		expect(r.projector('open')).toMatchObject({ answered: 5, counts: [1, 2, 2], heldUntil: null });
		expect(r.projector('closed').counts).toEqual([1, 2, 2]);
	});

	it('the trainer can still reveal a small poll', () => {
		const r = room({ revealAfterClose: false });
		everyone(r, [[1]]);
		expect(r.projector('revealed').counts).toEqual([0, 1, 0]);
	});

	it('never carries participant ids or names', () => {
		const r = room({ revealAfterClose: false });
		everyone(r, [[0], [1], [1], [2], [1], [0]]);
		for (const status of ['open', 'closed', 'revealed'] as const) {
			const text = JSON.stringify(r.projector(status));
			for (const p of participants) {
				expect(text).not.toContain(p.id);
				expect(text).not.toContain(p.name);
			}
		}
	});

	it('a phone sees only its own answer', () => {
		const r = room();
		everyone(r, [[0], [2]]);
		const phone = r.phone('pid-ann');
		expect(phone).toEqual({
			question: base.question,
			options: base.options,
			multiple: false,
			mine: [0]
		});
		expect(JSON.stringify(phone)).not.toContain('pid-bob');
	});

	it('export rows name each participant with their answer', () => {
		const r = room({ multiple: true });
		everyone(r, [[0, 2], [1]]);
		expect(r.rows()).toEqual([
			{
				participant: 'Ann',
				answer: 'Never; Twice a year',
				'1. Never': true,
				'2. Yearly': false,
				'3. Twice a year': true
			},
			{
				participant: 'Bob',
				answer: 'Yearly',
				'1. Never': false,
				'2. Yearly': true,
				'3. Twice a year': false
			}
		]);
	});
});
