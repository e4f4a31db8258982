import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import type { PersonInfo, ViewContext } from '$lib/activities/contract';
import { selfScoring, type Config, type State } from '$lib/activities/self-scoring/type';
import { DEFAULT_NOTE } from '$lib/activities/self-scoring/schema';
import { highestOf, profileOf } from '$lib/activities/self-scoring/scoring';
import { activityFileSchema } from '$lib/server/content/activities';
import { appRoot } from '$lib/server/paths';

const participants: PersonInfo[] = [
	{ id: 'pid-ann', name: 'Ann' },
	{ id: 'pid-bob', name: 'Bob' },
	{ id: 'pid-cat', name: 'Cat' },
	{ id: 'pid-dan', name: 'Dan' }
];

/** Two dimensions: q1, q3 score "doing"; q2, q4 score "thinking" (q4 reverse-scored). */
const BASE = {
	dimensions: [
		{ id: 'doing', name: 'Doing', description: 'You learn by trying.' },
		{ id: 'thinking', name: 'Thinking', description: 'You learn by reflecting.' }
	],
	items: [
		{ text: 'I try things out.', dimension: 'doing' },
		{ text: 'I think first.', dimension: 'thinking' },
		{ text: 'I learn from mistakes.', dimension: 'doing' },
		{ text: 'I rush in.', dimension: 'thinking', reverse: true }
	]
};

function room(extra: Record<string, unknown> = {}) {
	const h = harness(selfScoring, { ...BASE, ...extra });
	/** Rates q1…q4 with the given values, then submits. */
	const answer = (pid: string, values: number[], submit = true) => {
		values.forEach((value, i) => h.ok(pid, { kind: 'rate', itemId: `q${i + 1}`, value }));
		if (submit) h.ok(pid, { kind: 'submit' });
	};
	const view: ViewContext<Config> = { config: h.config, status: 'open', groups: [], participants };
	const phone = (participantId: string) =>
		selfScoring.phone(h.state, { ...view, participantId, groupId: null });
	const projector = (status: ViewContext<Config>['status'] = 'revealed') =>
		selfScoring.projector(h.state, { ...view, status });
	return { ...h, answer, view, phone, projector };
}

const snapshot = (state: State) => JSON.stringify(state);
const firstMessage = (raw: unknown) => {
	const r = selfScoring.config.safeParse(raw);
	expect(r.success).toBe(false);
	return r.error?.issues.map((i) => i.message) ?? [];
};

describe('self-scoring config', () => {
	it('applies defaults: agree 1–5 scale, K = 3, the reflection-aid note, items not reversed', () => {
		const c = selfScoring.config.parse(BASE);
		expect(c.scale).toBe('agree');
		expect(c.minAnswers).toBe(3);
		expect(c.note).toBe(DEFAULT_NOTE);
		expect(c.note).toBe(
			'A reflection aid, not a test: most people use all of these, in different situations.'
		);
		expect(c.items.map((i) => i.reverse)).toEqual([false, false, false, true]);
		const phone = room().phone('pid-ann');
		expect(phone.scale.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
		expect(phone.scale[0]?.label).toBe('Strongly disagree');
		expect(phone.scale[4]?.label).toBe('Strongly agree');
	});

	it('takes a custom scale of labels, and parses its own output unchanged', () => {
		const c = selfScoring.config.parse({
			...BASE,
			scale: ['No', 'Sometimes', 'Yes'],
			minAnswers: 1,
			note: 'Just for you.'
		});
		expect(c).toMatchObject({
			scale: ['No', 'Sometimes', 'Yes'],
			minAnswers: 1,
			note: 'Just for you.'
		});
		expect(selfScoring.config.parse(c)).toEqual(c);
	});

	it.each([
		[undefined, 'expected the questionnaire settings as a map with dimensions and items'],
		[{}, 'dimensions: expected a list of dimensions, each with id, name and description'],
		[
			{ ...BASE, items: [...BASE.items, { text: 'Odd one.', dimension: 'feeling' }] },
			'item 5 scores "feeling", which is not one of the dimensions (doing, thinking)'
		],
		[
			{ ...BASE, items: BASE.items.slice(0, 3) },
			'the dimension "thinking" has 1 item; each dimension needs 2 to 8'
		],
		[
			{
				...BASE,
				items: [
					...BASE.items,
					...Array.from({ length: 7 }, () => ({ text: 'More.', dimension: 'doing' }))
				]
			},
			'the dimension "doing" has 9 items; each dimension needs 2 to 8'
		],
		[{ ...BASE, dimensions: BASE.dimensions.slice(0, 1) }, 'dimensions: at least 2 are needed'],
		[
			{ ...BASE, dimensions: [BASE.dimensions[0], { ...BASE.dimensions[1], id: 'doing' }] },
			'the dimension id "doing" is used twice'
		],
		[
			{ ...BASE, dimensions: [BASE.dimensions[0], { ...BASE.dimensions[1], id: 'Not OK' }] },
			'a dimension id is a short lower-case word, like doing or from-others'
		],
		[
			{ ...BASE, scale: 'sometimes' },
			'scale: expected agree, frequency, like-me or a list of 3 to 7 labels'
		],
		[{ ...BASE, minAnswers: 0 }, 'minAnswers must be at least 1'],
		[{ ...BASE, note: '   ' }, 'the note is empty']
	])('refuses a bad config with a clear message (%#)', (raw, message) => {
		expect(firstMessage(raw)).toContain(message);
	});

	it('points an unknown dimension at the item, so the content check names its line', () => {
		const r = selfScoring.config.safeParse({
			...BASE,
			items: [...BASE.items, { text: 'Odd one.', dimension: 'feeling' }]
		});
		expect(r.error?.issues[0]?.path).toEqual(['items', 4, 'dimension']);
	});

	it('reports a misspelt key instead of ignoring it', () => {
		expect(
			JSON.stringify(selfScoring.config.safeParse({ ...BASE, minAnswer: 3 }).error?.issues)
		).toContain('minAnswer');
	});

	it('the shipped learning-preferences file is valid, our own reflection aid, and never the commercial questionnaire', () => {
		const text = readFileSync(join(appRoot(), 'activities', 'learning-preferences.yaml'), 'utf8');
		expect(text).not.toMatch(/honey|mumford|\bLSQ\b/i);
		const file = activityFileSchema.parse(parseYaml(text));
		expect(file.type).toBe(selfScoring.type);
		const c = selfScoring.config.parse(file.config);
		expect(c.dimensions).toHaveLength(4);
		for (const d of c.dimensions)
			expect(c.items.filter((i) => i.dimension === d.id)).toHaveLength(3);
		expect(c.note).toMatch(/reflection aid, not a test/);
		expect(text).toMatch(/not a diagnosis/);
	});
});

describe('self-scoring inputs', () => {
	it('rate stores the value and a re-rating replaces it', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'rate', itemId: 'q1', value: 2 });
		r.ok('pid-ann', { kind: 'rate', itemId: 'q1', value: 5 });
		expect(r.state.answers['pid-ann']).toEqual({ ratings: { q1: 5 }, complete: false });
	});

	it.each([
		[{ kind: 'rate', itemId: 'q1', value: 0 }, 'Please choose one of the points on the scale.'],
		[{ kind: 'rate', itemId: 'q1', value: 2.5 }, 'Please choose one of the points on the scale.'],
		[{ kind: 'rate', itemId: 'q1', value: 6 }, 'Please choose a rating from 1 to 5.'],
		[{ kind: 'rate', itemId: 'q5', value: 3 }, 'That item is not in this questionnaire.'],
		[{ kind: 'rate', itemId: 'x1', value: 3 }, 'That item is not in this questionnaire.'],
		[{ kind: 'shout' }, 'That is not an answer this activity understands.'],
		[{ kind: 'submit' }, 'Please rate every statement first: 3 still to go.']
	])('refuses %j and leaves the state unchanged', (input, error) => {
		const r = room();
		r.ok('pid-ann', { kind: 'rate', itemId: 'q2', value: 4 });
		const before = snapshot(r.state);
		expect(r.send('pid-ann', input)).toEqual({ ok: false, error });
		expect(snapshot(r.state)).toBe(before);
	});

	it('a refused input from a newcomer creates no empty answer', () => {
		const r = room();
		expect(r.send('pid-bob', { kind: 'submit' }).ok).toBe(false);
		expect(r.send('pid-bob', { kind: 'rate', itemId: 'q9', value: 3 }).ok).toBe(false);
		expect(r.state.answers).toEqual({});
	});

	it('checks the value against a custom scale', () => {
		const r = room({ scale: ['No', 'Sometimes', 'Yes'] });
		expect(r.send('pid-ann', { kind: 'rate', itemId: 'q1', value: 4 })).toEqual({
			ok: false,
			error: 'Please choose a rating from 1 to 3.'
		});
		expect(r.send('pid-ann', { kind: 'rate', itemId: 'q1', value: 3 })).toEqual({ ok: true });
	});

	it('submit marks a fully rated answer complete; reset clears only the sender’s', () => {
		const r = room();
		r.answer('pid-ann', [4, 4, 4, 4]);
		r.answer('pid-bob', [2, 2, 2, 2]);
		expect(r.state.answers['pid-ann']?.complete).toBe(true);
		r.ok('pid-ann', { kind: 'reset' });
		expect(Object.keys(r.state.answers)).toEqual(['pid-bob']);
	});
});

describe('self-scoring arithmetic', () => {
	it('averages each dimension over its items, flipping reverse items (n + 1 − rating)', () => {
		const r = room();
		r.answer('pid-ann', [5, 4, 2, 1]); // doing (5+2)/2 = 3.5; thinking (4 + (6−1))/2 = 4.5
		const profile = r.phone('pid-ann').profile!;
		expect(profile.scores).toEqual([
			{ id: 'doing', mean: 3.5, rated: 2, total: 2 },
			{ id: 'thinking', mean: 4.5, rated: 2, total: 2 }
		]);
		expect(profile.highest).toEqual(['thinking']);
	});

	it('flips on the configured scale length', () => {
		const c = selfScoring.config.parse({ ...BASE, scale: ['a', 'b', 'c'] });
		expect(profileOf(c, { q2: 3, q4: 3 }).scores[1]?.mean).toBe(2); // (3 + (4−3)) / 2
	});

	it('ties name each tied dimension; all level names none; nothing rated has no mean', () => {
		expect(
			highestOf([
				{ id: 'a', mean: 4, rated: 1, total: 1 },
				{ id: 'b', mean: 4, rated: 1, total: 1 },
				{ id: 'c', mean: 2, rated: 1, total: 1 }
			])
		).toEqual(['a', 'b']);
		expect(
			highestOf([
				{ id: 'a', mean: 3, rated: 1, total: 1 },
				{ id: 'b', mean: 3, rated: 1, total: 1 }
			])
		).toEqual([]);
		const c = selfScoring.config.parse(BASE);
		expect(profileOf(c, { q1: 2 }).scores).toEqual([
			{ id: 'doing', mean: 2, rated: 1, total: 2 },
			{ id: 'thinking', mean: null, rated: 0, total: 2 }
		]);
	});

	it('the room: average of each person’s score, and how many have each dimension highest', () => {
		const r = room();
		r.answer('pid-ann', [5, 4, 2, 1]); // doing 3.5, thinking 4.5 → thinking
		r.answer('pid-bob', [5, 1, 5, 5]); // doing 5, thinking 1 → doing
		r.answer('pid-cat', [3, 3, 3, 3]); // doing 3, thinking 3 → level
		const view = r.projector();
		if (!view.ready) throw new Error('expected the aggregate');
		expect(view.dimensions.map((d) => [d.id, d.name, d.mean, d.highest])).toEqual([
			['doing', 'Doing', 3.8, 1],
			['thinking', 'Thinking', 2.8, 1]
		]);
		expect(view).toMatchObject({ completed: 3, needed: 3, top: 5, level: 1 });
	});

	it('exports name, completion and each dimension score per participant', () => {
		const r = room();
		r.answer('pid-ann', [5, 4, 2, 1]);
		r.answer('pid-bob', [3], false);
		expect(selfScoring.exportRows(r.state, r.view)).toEqual([
			{ participant: 'Ann', complete: true, Doing: 3.5, Thinking: 4.5 },
			{ participant: 'Bob', complete: false, Doing: 3, Thinking: null }
		]);
	});
});

describe('self-scoring privacy', () => {
	const fill = () => {
		const r = room();
		r.answer('pid-ann', [5, 4, 2, 1]);
		r.answer('pid-bob', [5, 1, 5, 5]);
		r.answer('pid-cat', [3, 3, 3, 3]);
		return r;
	};

	it('shows only the count below K, even when revealed', () => {
		const r = room();
		r.answer('pid-ann', [5, 4, 2, 1]);
		r.answer('pid-bob', [5, 1, 5, 5]);
		r.answer('pid-dan', [3, 3, 3], false); // started, not finished
		expect(r.projector('revealed')).toEqual({
			note: DEFAULT_NOTE,
			ready: false,
			completed: 2,
			needed: 3,
			held: false
		});
		r.ok('pid-dan', { kind: 'rate', itemId: 'q4', value: 3 });
		r.ok('pid-dan', { kind: 'submit' });
		expect(r.projector('revealed').ready).toBe(true);
	});

	it('holds the picture until the reveal, so nobody reads a newcomer’s answers from the change', () => {
		const r = fill();
		const open = r.projector('open');
		expect(open).toEqual({ note: DEFAULT_NOTE, ready: false, completed: 3, needed: 3, held: true });
		expect(r.projector('closed')).toEqual(open);
		expect(r.projector('revealed').ready).toBe(true);
	});

	it('the projector carries no participant id, name or individual score', () => {
		const json = JSON.stringify(fill().projector('revealed'));
		for (const secret of ['pid-', 'Ann', 'Bob', 'Cat', 'ratings', '"q1"', '4.5', '3.5'])
			expect(json).not.toContain(secret);
		expect(json).not.toMatch(/\[(\d,)*\d\]/);
	});

	it('a phone sees its own answer and profile, nothing of anyone else’s, and as a copy', () => {
		const r = fill();
		const ann = r.phone('pid-ann');
		expect(ann.mine).toEqual({ ratings: { q1: 5, q2: 4, q3: 2, q4: 1 }, complete: true });
		const json = JSON.stringify(ann);
		for (const secret of ['pid-', 'Bob', 'Cat', '"q4":5', '"q2":1'])
			expect(json).not.toContain(secret);
		expect(ann.items).toEqual([
			{ id: 'q1', text: 'I try things out.' },
			{ id: 'q2', text: 'I think first.' },
			{ id: 'q3', text: 'I learn from mistakes.' },
			{ id: 'q4', text: 'I rush in.' }
		]);
		r.ok('pid-ann', { kind: 'rate', itemId: 'q1', value: 1 });
		expect(ann.mine.ratings['q1']).toBe(5);
		expect(r.phone('pid-dan')).toMatchObject({
			mine: { ratings: {}, complete: false },
			profile: null,
			note: DEFAULT_NOTE
		});
	});
});

describe('self-scoring replay', () => {
	it('replaying the stored inputs gives an identical state and views', () => {
		const r = room();
		r.answer('pid-ann', [5, 4, 2, 1]);
		r.answer('pid-bob', [5, 1, 5, 5]);
		r.ok('pid-ann', { kind: 'rate', itemId: 'q2', value: 1 });
		r.ok('pid-cat', { kind: 'rate', itemId: 'q3', value: 2 });
		expect(r.send('pid-cat', { kind: 'submit' }).ok).toBe(false); // refused: not in the log
		r.ok('pid-bob', { kind: 'reset' });
		r.answer('pid-bob', [3, 3, 3, 3]);
		r.answer('pid-dan', [2, 5, 2, 2]);

		const again = selfScoring.initial(r.config);
		for (const { input, ctx } of r.log)
			selfScoring.reduce(again, structuredClone(input), ctx, r.config);
		expect(JSON.stringify(again)).toBe(JSON.stringify(r.state));
		expect(r.replay()).toEqual(r.state);
		expect(selfScoring.projector(again, { ...r.view, status: 'revealed' })).toEqual(
			r.projector('revealed')
		);
	});
});
