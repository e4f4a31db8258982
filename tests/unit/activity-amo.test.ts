import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { harness } from '../helpers/activity-harness';
import { describe, expect, it } from 'vitest';
import { type PersonInfo, type ViewContext } from '$lib/activities/contract';
import { amo, type Config, type State } from '$lib/activities/amo/type';
import { bandOf, profileOf } from '$lib/activities/amo/profile';
import { DEFAULT_STATEMENTS, listStatements } from '$lib/activities/amo/statements';
import { appRoot } from '$lib/server/paths';
import { applyPatch, diff } from '$lib/shared/patch';

const participants: PersonInfo[] = [
	{ id: 'pid-ann', name: 'Ann' },
	{ id: 'pid-bob', name: 'Bob' },
	{ id: 'pid-cat', name: 'Cat' },
	{ id: 'pid-dan', name: 'Dan' }
];

function room(raw: unknown = {}) {
	const { config, state, log, send, ok } = harness(amo, raw);
	/** Rates every statement: `values` per dimension, cycled over its statements. */
	const answer = (
		pid: string,
		initials: string | null,
		values: { a: number[]; m: number[]; o: number[] },
		submit = true
	) => {
		ok(pid, {
			kind: 'set-subject',
			subject: initials === null ? { type: 'team' } : { type: 'person', initials }
		});
		for (const s of listStatements(config.statements)) {
			const list =
				s.dimension === 'ability' ? values.a : s.dimension === 'motivation' ? values.m : values.o;
			ok(pid, {
				kind: 'rate',
				statementId: s.id,
				value: list[Number(s.id.slice(1)) - 1] ?? list[0]
			});
		}
		if (submit) ok(pid, { kind: 'submit' });
	};
	const view: ViewContext<Config> = { config, status: 'open', groups: [], participants };
	const phone = (participantId: string) =>
		amo.phone(state, { ...view, participantId, groupId: null });
	return {
		config,
		state,
		log,
		send,
		ok,
		answer,
		view,
		phone,
		projector: (status: ViewContext<Config>['status'] = 'revealed') =>
			amo.projector(state, { ...view, status })
	};
}

const snapshot = (state: State) => JSON.stringify(state);

describe('AMO config', () => {
	it('defaults: either subject, K = 3, our own five statements per dimension, also with no config at all', () => {
		for (const raw of [undefined, {}]) {
			const c = amo.config.parse(raw);
			expect(c.about).toBe('either');
			expect(c.minAnswers).toBe(3);
			expect(c.statements.ability).toEqual(DEFAULT_STATEMENTS.ability);
			expect(c.statements.motivation).toHaveLength(5);
			expect(c.statements.opportunity).toHaveLength(5);
		}
	});

	it('takes overrides, and a dimension left out keeps the defaults', () => {
		const four = ['One.', 'Two.', 'Three.', 'Four.'];
		const c = amo.config.parse({ about: 'team', minAnswers: 1, statements: { motivation: four } });
		expect(c).toMatchObject({ about: 'team', minAnswers: 1 });
		expect(c.statements.motivation).toEqual(four);
		expect(c.statements.ability).toEqual(DEFAULT_STATEMENTS.ability);
		expect(
			listStatements(c.statements)
				.map((s) => s.id)
				.filter((id) => id.startsWith('m'))
		).toEqual(['m1', 'm2', 'm3', 'm4']);
	});

	it('parses its own output unchanged, so a stored config can be validated again', () => {
		const once = amo.config.parse({
			about: 'person',
			statements: { opportunity: ['a', 'b', 'c', 'd', 'e', 'f'] }
		});
		expect(amo.config.parse(once)).toEqual(once);
	});

	it('does not let one parsed config alter the defaults of the next', () => {
		const c = amo.config.parse({});
		c.statements.ability.push('changed');
		expect(amo.config.parse({}).statements.ability).toEqual(DEFAULT_STATEMENTS.ability);
	});

	it.each([
		[{ minAnswers: 0 }, 'minAnswers must be at least 1'],
		[{ minAnswers: 2.5 }, 'minAnswers: expected a whole number, like 3'],
		[{ minAnswers: 'three' }, 'minAnswers: expected a whole number, like 3'],
		[{ about: 'everyone' }, 'about: expected either, team or person'],
		[{ statements: { ability: ['a', 'b', 'c'] } }, 'ability needs at least 4 statements'],
		[
			{ statements: { opportunity: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } },
			'opportunity has at most 6 statements'
		],
		[{ statements: { ability: ['a', 'b', 'c', '  '] } }, 'a statement is empty'],
		[{ statements: ['a'] }, 'statements: expected lists named ability, motivation and opportunity']
	])('refuses %j with a message saying what was expected', (raw, message) => {
		const r = amo.config.safeParse(raw);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe(message);
	});

	it('reports a misspelt key instead of ignoring it', () => {
		const r = amo.config.safeParse({ minAnswer: 3 });
		expect(r.success).toBe(false);
		expect(JSON.stringify(r.error?.issues)).toContain('minAnswer');
	});

	it('the shipped content file is valid and uses this type', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'amo-assessment.yaml'), 'utf8')
		);
		expect(file.type).toBe(amo.type);
		expect(amo.config.parse(file.config)).toMatchObject({ about: 'either', minAnswers: 3 });
	});
});

describe('AMO inputs', () => {
	it('set-subject: team, or one person with cleaned initials (optional)', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'set-subject', subject: { type: 'person', initials: ' j. s ' } });
		expect(r.state.answers['pid-ann']?.subject).toEqual({ type: 'person', initials: 'JS' });
		r.ok('pid-ann', { kind: 'set-subject', subject: { type: 'person' } });
		expect(r.state.answers['pid-ann']?.subject).toEqual({ type: 'person', initials: '' });
		r.ok('pid-ann', { kind: 'set-subject', subject: { type: 'team' } });
		expect(r.state.answers['pid-ann']?.subject).toEqual({ type: 'team' });
	});

	it.each([['Jane Smith'], ['J5'], ['ABCDE'], ['<b>']])(
		'refuses %j as initials with a clear message',
		(initials) => {
			const r = room();
			const result = r.send('pid-ann', {
				kind: 'set-subject',
				subject: { type: 'person', initials }
			});
			expect(result).toEqual({
				ok: false,
				error: 'Initials only, please: up to 4 letters, like JS.'
			});
			expect(r.state.answers).toEqual({});
		}
	);

	it('accepts initials in any script, counted as letters', () => {
		const r = room();
		expect(
			r.send('pid-ann', { kind: 'set-subject', subject: { type: 'person', initials: 'ŁÖ' } })
		).toEqual({ ok: true });
	});

	it('refuses a subject the content file does not allow, leaving the state unchanged', () => {
		const r = room({ about: 'team' });
		r.ok('pid-ann', { kind: 'set-subject', subject: { type: 'team' } });
		const before = snapshot(r.state);
		expect(
			r.send('pid-ann', { kind: 'set-subject', subject: { type: 'person', initials: 'JS' } })
		).toEqual({
			ok: false,
			error: 'This assessment is about your own team.'
		});
		expect(snapshot(r.state)).toBe(before);
	});

	it('rate: stores the value, and a re-rating replaces it', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'rate', statementId: 'a1', value: 2 });
		r.ok('pid-ann', { kind: 'rate', statementId: 'a1', value: 5 });
		expect(r.state.answers['pid-ann']?.ratings).toEqual({ a1: 5 });
	});

	it.each([
		[{ kind: 'rate', statementId: 'a1', value: 0 }, 'Please choose a rating from 1 to 5.'],
		[{ kind: 'rate', statementId: 'a1', value: 6 }, 'Please choose a rating from 1 to 5.'],
		[{ kind: 'rate', statementId: 'a1', value: 2.5 }, 'Please choose a rating from 1 to 5.'],
		[{ kind: 'rate', statementId: 'a1', value: '3' }, 'Please choose a rating from 1 to 5.'],
		[{ kind: 'rate', statementId: 'x1', value: 3 }, 'That statement is not in this assessment.'],
		// a6 has the right shape but the default list has five ability statements.
		[{ kind: 'rate', statementId: 'a6', value: 3 }, 'That statement is not in this assessment.'],
		[{ kind: 'shout' }, 'That is not an answer this activity understands.'],
		[{ kind: 'submit' }, 'Please choose who you are thinking of first.']
	])('refuses %j and leaves the state unchanged', (input, error) => {
		const r = room();
		r.ok('pid-ann', { kind: 'rate', statementId: 'm1', value: 4 });
		const before = snapshot(r.state);
		expect(r.send('pid-ann', input)).toEqual({ ok: false, error });
		expect(snapshot(r.state)).toBe(before);
	});

	it('a refused input from a newcomer does not create an empty answer', () => {
		const r = room();
		expect(r.send('pid-bob', { kind: 'rate', statementId: 'a6', value: 3 }).ok).toBe(false);
		expect(r.state.answers).toEqual({});
	});

	it('submit: refused until every statement is rated, then marks the answer complete', () => {
		const r = room();
		r.answer('pid-ann', 'JS', { a: [4], m: [4], o: [4] }, false);
		r.ok('pid-ann', { kind: 'rate', statementId: 'o5', value: 4 });
		delete r.state.answers['pid-ann']!.ratings['o5']; // one missing
		const before = snapshot(r.state);
		expect(r.send('pid-ann', { kind: 'submit' })).toEqual({
			ok: false,
			error: 'Please rate every statement first: 1 still to go.'
		});
		expect(snapshot(r.state)).toBe(before);
		r.ok('pid-ann', { kind: 'rate', statementId: 'o5', value: 4 });
		r.ok('pid-ann', { kind: 'submit' });
		expect(r.state.answers['pid-ann']?.complete).toBe(true);
	});

	it('reset: clears only the sender’s answer', () => {
		const r = room();
		r.answer('pid-ann', 'JS', { a: [4], m: [4], o: [4] });
		r.answer('pid-bob', null, { a: [2], m: [2], o: [2] });
		r.ok('pid-ann', { kind: 'reset' });
		expect(Object.keys(r.state.answers)).toEqual(['pid-bob']);
	});
});

describe('AMO profile arithmetic', () => {
	it('averages each dimension over its statements', () => {
		const r = room();
		r.answer('pid-ann', 'JS', { a: [5, 4, 4, 3, 4], m: [1, 2, 2, 2, 1], o: [3, 3, 4, 3, 3] });
		const profile = r.phone('pid-ann').profile!;
		expect(profile.scores.map((s) => [s.dimension, s.mean, s.band, s.rated, s.total])).toEqual([
			['ability', 4, 'high', 5, 5],
			['motivation', 1.6, 'low', 5, 5],
			['opportunity', 3.2, 'middle', 5, 5]
		]);
		expect(profile.weakest).toEqual(['motivation']);
	});

	it('bands: below 2.5 low, 2.5 to under 3.5 middle, 3.5 and up high', () => {
		expect([1, 2.4, 2.5, 3.4, 3.5, 5].map(bandOf)).toEqual([
			'low',
			'low',
			'middle',
			'middle',
			'high',
			'high'
		]);
	});

	it('ties for the lowest name every tied dimension; all three level names none', () => {
		const statements = listStatements(amo.config.parse({}).statements);
		const all = (a: number, m: number, o: number) =>
			Object.fromEntries(
				statements.map((s) => [
					s.id,
					s.dimension === 'ability' ? a : s.dimension === 'motivation' ? m : o
				])
			) as Record<string, 1 | 2 | 3 | 4 | 5>;
		expect(profileOf(statements, all(2, 2, 4)).weakest).toEqual(['ability', 'motivation']);
		expect(profileOf(statements, all(3, 3, 3)).weakest).toEqual([]);
	});

	it('averages only what is rated, and a dimension with nothing rated has no mean', () => {
		const statements = listStatements(amo.config.parse({}).statements);
		const p = profileOf(statements, { a1: 2, a2: 3 });
		expect(p.scores[0]).toMatchObject({ mean: 2.5, rated: 2, total: 5 });
		expect(p.scores[1]).toMatchObject({ mean: null, band: null, rated: 0 });
	});
});

describe('AMO privacy and the room aggregate', () => {
	const fill = (K?: number) => {
		const r = room(K === undefined ? {} : { minAnswers: K });
		r.answer('pid-ann', 'QZ', { a: [5], m: [1], o: [3] });
		r.answer('pid-bob', 'XW', { a: [2], m: [4], o: [4] });
		r.answer('pid-cat', null, { a: [4], m: [4], o: [2] });
		return r;
	};

	it('hides everything but progress below K, and shows the aggregate at K', () => {
		const r = room();
		r.answer('pid-ann', 'QZ', { a: [5], m: [1], o: [3] });
		r.answer('pid-bob', 'XW', { a: [2], m: [4], o: [4] });
		r.answer('pid-dan', null, { a: [3], m: [3], o: [3] }, false); // started, not finished
		expect(r.projector()).toEqual({ ready: false, completed: 2, needed: 3 });
		r.ok('pid-dan', { kind: 'submit' });
		expect(r.projector().ready).toBe(true);
		expect(r.projector().completed).toBe(3);
	});

	it('honours a configured K of 1', () => {
		const r = room({ minAnswers: 1 });
		expect(r.projector().ready).toBe(false);
		r.answer('pid-ann', 'QZ', { a: [4], m: [4], o: [4] });
		expect(r.projector().ready).toBe(true);
	});

	it('aggregates people per band, the room mean and the weakest dimension', () => {
		const view = fill().projector();
		if (!view.ready) throw new Error('expected the aggregate');
		expect(view.dimensions).toEqual([
			{ dimension: 'ability', mean: 3.7, bands: { low: 1, middle: 0, high: 2 } },
			{ dimension: 'motivation', mean: 3, bands: { low: 1, middle: 0, high: 2 } },
			{ dimension: 'opportunity', mean: 3, bands: { low: 1, middle: 1, high: 1 } }
		]);
		expect(view.weakest).toEqual({ ability: 1, motivation: 1, opportunity: 1 });
		expect(view.level).toBe(0);
	});

	it('the projector view carries no participant id, initials, name or per-person ratings', () => {
		const r = fill();
		const json = JSON.stringify(r.projector());
		for (const secret of [
			'pid-',
			'QZ',
			'XW',
			'Ann',
			'Bob',
			'Cat',
			'ratings',
			'subject',
			'"a1"',
			'person'
		]) {
			expect(json).not.toContain(secret);
		}
		// Only counts and rounded means: no array of individual scores anywhere.
		expect(json).not.toMatch(/\[(\d,)*\d\]/);
	});

	it('a phone view carries its author’s answer and nothing of anyone else’s', () => {
		const r = fill();
		const ann = r.phone('pid-ann');
		expect(ann.mine.subject).toEqual({ type: 'person', initials: 'QZ' });
		const json = JSON.stringify(ann);
		for (const secret of ['pid-', 'XW', 'Bob', 'Cat']) expect(json).not.toContain(secret);
		expect(json).not.toContain('"m1":4'); // Bob's and Cat's motivation, never Ann's (she gave 1s)
		expect(r.phone('pid-dan')).toMatchObject({
			mine: { subject: null, ratings: {}, complete: false },
			profile: null
		});
	});

	it('a phone view is a copy: later inputs do not change a view already sent', () => {
		const r = fill();
		const view = r.phone('pid-ann');
		r.ok('pid-ann', { kind: 'rate', statementId: 'a1', value: 1 });
		expect(view.mine.ratings['a1']).toBe(5);
	});

	it('exports one row per participant with names, subject, means and each rating (trainer only)', () => {
		const r = fill();
		const rows = amo.exportRows(r.state, r.view);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatchObject({
			participant: 'Ann',
			about: 'person',
			initials: 'QZ',
			complete: true,
			ability: 5,
			motivation: 1,
			opportunity: 3,
			A1: 5,
			M5: 1
		});
		expect(rows[2]).toMatchObject({
			participant: 'Cat',
			about: 'team',
			initials: null,
			opportunity: 2
		});
	});
});

describe('AMO replay', () => {
	it('replaying the stored inputs gives an identical state and views', () => {
		const r = room();
		r.answer('pid-ann', 'QZ', { a: [5, 3], m: [1, 2], o: [3, 4] });
		r.answer('pid-bob', null, { a: [2], m: [4], o: [4] });
		r.ok('pid-ann', { kind: 'rate', statementId: 'a2', value: 1 });
		r.ok('pid-cat', { kind: 'rate', statementId: 'o1', value: 2 });
		r.ok('pid-bob', { kind: 'reset' });
		r.answer('pid-bob', 'AB', { a: [3], m: [3], o: [3] });

		const again = amo.initial(r.config);
		for (const { input, ctx } of r.log) amo.reduce(again, structuredClone(input), ctx, r.config);
		expect(again).toEqual(r.state);
		expect(JSON.stringify(again)).toBe(JSON.stringify(r.state));
		expect(amo.projector(again, { ...r.view, status: 'revealed' })).toEqual(r.projector());
	});
});

describe('AMO projector while answers come in', () => {
	it("holds the picture until the trainer reveals it, so no one reads a newcomer's answers from the change", () => {
		const r = room();
		for (const [i, pid] of ['pid-ann', 'pid-bob', 'pid-cat', 'pid-dan'].entries())
			r.answer(pid, null, { a: [1 + i], m: [5 - i], o: [3] });
		const open = r.projector('open');
		expect(open).toEqual({ ready: false, completed: 4, needed: 3, held: true });
		expect(r.projector('closed')).toEqual(open);
		expect(r.projector('revealed')).toMatchObject({ ready: true, completed: 4 });
	});
});

describe('AMO sender ops', () => {
	it('say exactly what comparing the whole phone view before and after a rating finds', () => {
		const r = room({ about: 'either' });
		const statements = listStatements(r.config.statements);
		const steps: { pid: string; input: Parameters<typeof r.ok>[1] }[] = [
			{ pid: 'pid-ann', input: { kind: 'rate', statementId: statements[0]!.id, value: 4 } },
			{ pid: 'pid-ann', input: { kind: 'set-subject', subject: { type: 'team' } } },
			{ pid: 'pid-ann', input: { kind: 'rate', statementId: statements[0]!.id, value: 2 } },
			...statements.map((s, i) => ({
				pid: 'pid-ann',
				input: { kind: 'rate' as const, statementId: s.id, value: 1 + (i % 5) }
			})),
			{ pid: 'pid-ann', input: { kind: 'submit' } },
			// Complete: a re-rating changes the profile too, so the type leaves it to the comparison.
			{ pid: 'pid-ann', input: { kind: 'rate', statementId: statements[1]!.id, value: 5 } }
		];
		let said = 0;
		for (const { pid, input } of steps) {
			const before = { view: r.phone(pid) };
			r.ok(pid, input);
			const after = { view: r.phone(pid) };
			const ops = amo.senderOps!(r.state, input as never, {
				...r.view,
				participantId: pid,
				groupId: null
			});
			if (ops === null) continue;
			said++;
			expect(ops).toEqual(diff(JSON.parse(JSON.stringify(before)), after));
			expect(applyPatch(JSON.parse(JSON.stringify(before)), ops)).toEqual(
				JSON.parse(JSON.stringify(after))
			);
		}
		// Every rating before the submit, none after it and none for other inputs.
		expect(said).toBe(statements.length + 2);
	});
});
