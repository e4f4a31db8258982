import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import type { ActivityStatus, PersonInfo, ViewContext } from '$lib/activities/contract';
import { exitReflection, type Config, type State } from '$lib/activities/exit-reflection/type';
import { appRoot } from '$lib/server/paths';

const participants: PersonInfo[] = ['Ann', 'Bob', 'Cat'].map((name) => ({
	id: `pid-${name.toLowerCase()}`,
	name
}));
const DEFAULTS = {
	question: 'One thing I will do differently',
	confidenceQuestion: 'How confident are you that you will do it?'
};

function room(raw: unknown = {}) {
	const h = harness(exitReflection, raw);
	const view: ViewContext<Config> = { config: h.config, status: 'open', groups: [], participants };
	return {
		...h,
		save: (pid: string, text: string, confidence: number) =>
			h.ok(pid, { kind: 'save', text, confidence }),
		projector: (status: ActivityStatus) => exitReflection.projector(h.state, { ...view, status }),
		phone: (participantId: string) =>
			exitReflection.phone(h.state, { ...view, participantId, groupId: null }),
		rows: () => exitReflection.exportRows(h.state, view)
	};
}

const snapshot = (state: State) => JSON.stringify(state);

describe('exit reflection config', () => {
	it('has default wording, also with no config at all', () => {
		expect(exitReflection.config.parse(undefined)).toEqual(DEFAULTS);
		expect(exitReflection.config.parse({})).toEqual(DEFAULTS);
	});

	it('takes its own wording and parses its own output unchanged', () => {
		const c = exitReflection.config.parse({ question: ' One change I will make ' });
		expect(c).toEqual({ ...DEFAULTS, question: 'One change I will make' });
		expect(exitReflection.config.parse(c)).toEqual(c);
	});

	it.each([
		[{ question: '  ' }, ['question'], 'the question is empty'],
		[{ question: 42 }, ['question'], 'expected the question as text'],
		[
			{ confidenceQuestion: 'x'.repeat(201) },
			['confidenceQuestion'],
			'the confidence question is longer than 200 characters'
		],
		[{ maxLength: 500 }, [], 'unknown setting "maxLength" (expected question, confidenceQuestion)'],
		['text', [], 'expected the exit reflection settings as a map']
	])('refuses %j with a message at the right key', (raw, path, message) => {
		const r = exitReflection.config.safeParse(raw);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.path).toEqual(path);
		expect(r.error?.issues[0]?.message).toBe(message);
	});

	it('the shipped content file (both agendas use it) is valid and uses this type', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'exit-reflection.yaml'), 'utf8')
		);
		expect(file.type).toBe(exitReflection.type);
		expect(exitReflection.config.parse(file.config)).toEqual(DEFAULTS);
	});
});

describe('exit reflection inputs', () => {
	it('saves a trimmed reflection; a later save replaces it', () => {
		const r = room();
		r.save('pid-ann', '  Ask before I tell. ', 6);
		expect(r.phone('pid-ann').mine).toEqual({ text: 'Ask before I tell.', confidence: 6 });
		r.save('pid-ann', 'Ask more, tell less.', 8);
		expect(r.phone('pid-ann').mine).toEqual({ text: 'Ask more, tell less.', confidence: 8 });
		expect(Object.keys(r.state.reflections)).toEqual(['pid-ann']);
	});

	it('accepts exactly 280 characters and confidence 1 and 10', () => {
		const r = room();
		expect(r.send('pid-ann', { kind: 'save', text: 'x'.repeat(280), confidence: 1 })).toEqual({
			ok: true
		});
		expect(r.send('pid-bob', { kind: 'save', text: 'y', confidence: 10 })).toEqual({ ok: true });
	});

	it.each([
		[
			{ kind: 'save', text: '   ', confidence: 5 },
			'Please write one thing you will do differently.'
		],
		[{ kind: 'save', confidence: 5 }, 'Please write one thing you will do differently.'],
		[
			{ kind: 'save', text: 'x'.repeat(281), confidence: 5 },
			'Please keep it to 280 characters or fewer.'
		],
		[
			{ kind: 'save', text: 'Listen', confidence: 0 },
			'Please choose how confident you are, from 1 to 10.'
		],
		[
			{ kind: 'save', text: 'Listen', confidence: 11 },
			'Please choose how confident you are, from 1 to 10.'
		],
		[
			{ kind: 'save', text: 'Listen', confidence: 7.5 },
			'Please choose how confident you are, from 1 to 10.'
		],
		[{ kind: 'save', text: 'Listen' }, 'Please choose how confident you are, from 1 to 10.'],
		[
			{ kind: 'save', text: 'Listen', confidence: 5, name: 'Ann' },
			'That is not an answer this activity understands.'
		],
		[{ kind: 'delete' }, 'That is not an answer this activity understands.']
	])('refuses %j and leaves the state unchanged', (input, error) => {
		const r = room();
		r.save('pid-ann', 'Hold monthly one-to-ones.', 7);
		const before = snapshot(r.state);
		expect(r.send('pid-ann', input)).toEqual({ ok: false, error });
		expect(snapshot(r.state)).toBe(before);
	});

	it('replaying the log gives an identical state', () => {
		const r = room();
		r.save('pid-ann', 'Hold monthly one-to-ones.', 7);
		r.save('pid-bob', 'Set SMART goals with each person.', 4);
		r.send('pid-cat', { kind: 'save', text: '', confidence: 3 });
		r.save('pid-ann', 'Hold fortnightly one-to-ones.', 9);
		expect(r.replay()).toEqual(r.state);
		expect(JSON.stringify(r.replay())).toBe(snapshot(r.state));
	});
});

describe('exit reflection views', () => {
	function filled() {
		const r = room();
		r.save('pid-ann', 'Hold monthly one-to-ones.', 7);
		r.save('pid-bob', 'ask the team first.', 4);
		r.save('pid-cat', 'Coach, do not fix.', 7);
		return r;
	}

	it.each<ActivityStatus>(['open', 'closed'])('shows only the count while %s', (status) => {
		const v = filled().projector(status);
		expect(v).toEqual({ revealed: false, count: 3, question: DEFAULTS.question });
		expect(JSON.stringify(v)).not.toContain('one-to-ones');
	});

	it('when revealed, shows the texts in alphabetical order and the confidence spread', () => {
		const v = filled().projector('revealed');
		expect(v.revealed).toBe(true);
		if (!v.revealed) return;
		expect(v.texts).toEqual([
			'ask the team first.',
			'Coach, do not fix.',
			'Hold monthly one-to-ones.'
		]);
		expect(v.confidence).toEqual([0, 0, 0, 1, 0, 0, 2, 0, 0, 0]);
		expect(v.mean).toBe(6);
		expect(v.count).toBe(3);
	});

	it('an empty wall has no mean', () => {
		const v = room().projector('revealed');
		expect(v).toMatchObject({ revealed: true, count: 0, texts: [], mean: null });
	});

	it('never carries participant ids, names or save times', () => {
		const r = filled();
		for (const status of ['open', 'closed', 'revealed'] as const) {
			const text = JSON.stringify(r.projector(status));
			for (const p of participants) {
				expect(text).not.toContain(p.id);
				expect(text).not.toContain(p.name);
			}
			expect(text).not.toContain('savedAt');
		}
	});

	it('a phone sees its own reflection only, and nothing before its first save', () => {
		const r = room();
		r.save('pid-bob', 'ask the team first.', 4);
		const ann = r.phone('pid-ann');
		expect(ann).toEqual({ ...DEFAULTS, maxLength: 280, mine: null });
		expect(JSON.stringify(r.phone('pid-cat'))).not.toContain('ask the team');
		expect(r.phone('pid-bob').mine).toEqual({ text: 'ask the team first.', confidence: 4 });
	});

	it('export rows carry names (exports are for the trainer only)', () => {
		const r = filled();
		const rows = r.rows();
		expect(rows.map((row) => [row.participant, row.reflection, row.confidence])).toEqual([
			['Ann', 'Hold monthly one-to-ones.', 7],
			['Bob', 'ask the team first.', 4],
			['Cat', 'Coach, do not fix.', 7]
		]);
		expect(rows[0]?.saved).toBe(new Date(1001).toISOString());
	});
});
