import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { GroupInfo, PersonInfo, TrainerContext, ViewContext } from '$lib/activities/contract';
import {
	openQuestion,
	type Config,
	type State,
	type TrainerInput
} from '$lib/activities/open-question/type';
import { seededRandom } from '$lib/activities/shared/random';
import { appRoot } from '$lib/server/paths';
import { harness } from '../helpers/activity-harness';

const groups: GroupInfo[] = [
	{ id: 'g1', name: 'Table 1', memberIds: ['ann', 'bob'] },
	{ id: 'g2', name: 'Table 2', memberIds: ['cat', 'dan'] }
];
const participants: PersonInfo[] = ['ann', 'bob', 'cat', 'dan', 'eve'].map((id) => ({
	id,
	name: id[0]!.toUpperCase() + id.slice(1)
}));
const groupOf = (p: string) => groups.find((g) => g.memberIds.includes(p))?.id ?? null;
const prosCons = { question: 'Appraisal: pros and cons?', columns: ['Pros', 'Cons'] };

const viewCtx = (config: Config): ViewContext<Config> => ({
	config,
	status: 'open',
	groups,
	participants
});
const phoneCtx = (config: Config, participantId: string) => ({
	...viewCtx(config),
	participantId,
	groupId: groupOf(participantId)
});

let trainerSeq = 0;
function trainer(state: State, input: TrainerInput, config: Config) {
	const inputId = `t-${++trainerSeq}`;
	const ctx: TrainerContext = {
		inputId,
		at: 5000 + trainerSeq,
		groups,
		participants,
		random: seededRandom(inputId)
	};
	return openQuestion.trainer!.reduce(state, openQuestion.trainer!.input.parse(input), ctx, config);
}
const idOf = (state: State, text: string) => state.answers.find((a) => a.text === text)!.id;

describe('open-question config', () => {
	it('defaults to one "Answers" column and 10 answers each, and parses its own output unchanged', () => {
		const c = openQuestion.config.parse({ question: '  Why do we have appraisal?  ' });
		expect(c).toEqual({
			question: 'Why do we have appraisal?',
			columns: ['Answers'],
			maxAnswers: 10,
			results: 'on-reveal',
			approve: false
		});
		expect(openQuestion.config.parse(c)).toEqual(c);
		expect(openQuestion.defaultGrouping).toBe('individual');
	});

	it('rejects bad configs with messages that name the setting', () => {
		const msg = (raw: unknown) => {
			const r = openQuestion.config.safeParse(raw);
			return r.success ? 'accepted' : r.error.issues[0]!.message;
		};
		expect(msg({})).toMatch(/^question:/);
		expect(msg(undefined)).toMatch(/^question:/);
		expect(msg({ question: '' })).toMatch(/cannot be empty/);
		expect(msg({ question: 'Q', columns: [] })).toMatch(/at least one column/);
		expect(msg({ question: 'Q', columns: ['Pros', 'pros'] })).toMatch(/must be different/);
		expect(msg({ question: 'Q', columns: ['a', 'b', 'c', 'd', 'e'] })).toMatch(/at most 4/);
		expect(msg({ question: 'Q', maxAnswers: 0 })).toMatch(/maxAnswers/);
		expect(msg({ question: 'Q', colums: ['x'] })).not.toBe('accepted');
	});

	it.each(['intro-responsibilities', 'fair-assessment', 'why-appraisal', 'feedback-mindset'])(
		'ships a valid activities/%s.yaml',
		(name) => {
			const file = parseYaml(readFileSync(join(appRoot(), 'activities', `${name}.yaml`), 'utf8'));
			expect(file.type).toBe('open-question');
			expect(['individual', 'pairs', 'groups']).toContain(file.grouping);
			expect(openQuestion.config.safeParse(file.config).success).toBe(true);
		}
	);
});

describe('open-question inputs', () => {
	it('adds answers to a column, one line, owned by the group', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 1, text: '  Takes   too\nlong ' });
		expect(h.state.answers).toHaveLength(1);
		expect(h.state.answers[0]).toMatchObject({
			owner: 'g1',
			solo: false,
			authorId: 'ann',
			column: 1,
			text: 'Takes too long'
		});
	});

	it('lets any group member edit (text and column) and delete the group’s answer', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'Clear goals' });
		const id = idOf(h.state, 'Clear goals');
		h.ok('bob', { kind: 'edit', answerId: id, text: 'Agreed goals', column: 1 });
		expect(h.state.answers[0]).toMatchObject({ text: 'Agreed goals', column: 1 });
		h.ok('bob', { kind: 'delete', answerId: id });
		expect(h.state.answers).toEqual([]);
		expect(h.send('ann', { kind: 'edit', answerId: id, text: 'x' })).toEqual({
			ok: false,
			error: 'That answer has been deleted.'
		});
	});

	it('last write wins for two edits of one answer', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'First' });
		const id = idOf(h.state, 'First');
		h.ok('ann', { kind: 'edit', answerId: id, text: 'Ann’s version' });
		h.ok('bob', { kind: 'edit', answerId: id, text: 'Bob’s version' });
		expect(h.state.answers[0]!.text).toBe('Bob’s version');
	});

	it('refuses edits and deletes from outside the group, leaving the state unchanged', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'Ours' });
		const id = idOf(h.state, 'Ours');
		const before = structuredClone(h.state);
		for (const input of [
			{ kind: 'edit', answerId: id, text: 'Theirs' },
			{ kind: 'delete', answerId: id }
		]) {
			const r = h.send('cat', input);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toMatch(/belongs to someone else/);
		}
		expect(h.send('eve', { kind: 'delete', answerId: id }).ok).toBe(false);
		expect(h.state).toEqual(before);
	});

	it('in individual work only the author can change an answer', () => {
		const h = harness(openQuestion, { question: 'Q' });
		h.ok('ann', { kind: 'add', column: 0, text: 'Mine' });
		const id = idOf(h.state, 'Mine');
		expect(h.send('bob', { kind: 'edit', answerId: id, text: 'no' }).ok).toBe(false);
		h.ok('ann', { kind: 'edit', answerId: id, text: 'Still mine' });
		expect(h.state.answers[0]).toMatchObject({ owner: 'ann', solo: true, text: 'Still mine' });
	});

	it('rejects bad inputs with a message and no change', () => {
		const h = harness(openQuestion, { ...prosCons, maxAnswers: 2 }, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'One' });
		h.ok('bob', { kind: 'add', column: 1, text: 'Two' });
		const before = structuredClone(h.state);
		const cases: [unknown, RegExp][] = [
			[{ kind: 'add', column: 0, text: 'Three' }, /2 answers, the most allowed/],
			[{ kind: 'add', column: 0, text: '   ' }, /Type an answer/],
			[{ kind: 'add', column: 0, text: 'x'.repeat(201) }, /200 characters/],
			[{ kind: 'edit', answerId: 'nope', text: 'x' }, /could not be found/],
			[{ kind: 'shout' }, /not something this activity understands/]
		];
		for (const [input, message] of cases) {
			const r = h.send('ann', input);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toMatch(message);
		}
		const one = harness(openQuestion, { ...prosCons, maxAnswers: 1 }, groupOf);
		one.ok('ann', { kind: 'add', column: 0, text: 'One' });
		const over = one.send('ann', { kind: 'add', column: 0, text: 'Two' });
		expect(over.ok).toBe(false);
		if (!over.ok) expect(over.error).toMatch(/has 1 answer, the most allowed/);
		const single = harness(openQuestion, { question: 'Q' });
		const r = single.send('ann', { kind: 'add', column: 1, text: 'No such column' });
		expect(r).toEqual({ ok: false, error: 'Pick one of the columns on your screen.' });
		expect(single.state.answers).toEqual([]);
		expect(h.state).toEqual(before);
	});

	it('applies a retried add only once', () => {
		const config = openQuestion.config.parse({ question: 'Q' });
		const state = openQuestion.initial(config);
		const ctx = { participantId: 'ann', groupId: null, inputId: 'same', at: 1 };
		openQuestion.reduce(state, { kind: 'add', column: 0, text: 'Once' }, ctx, config);
		openQuestion.reduce(state, { kind: 'add', column: 0, text: 'Once' }, { ...ctx, at: 2 }, config);
		expect(state.answers).toHaveLength(1);
	});
});

describe('open-question trainer actions and views', () => {
	it('is anonymous on the projector until the trainer shows names', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'Focus on development' });
		h.ok('eve', { kind: 'add', column: 1, text: 'Box ticking' });
		const anon = openQuestion.projector(h.state, viewCtx(h.config));
		const json = JSON.stringify(anon);
		// No names and no person's id; a group's id stays, so `G` on the projector can show that group's answers.
		for (const name of ['Ann', 'Eve', 'Table 1', '"ann"', '"eve"'])
			expect(json).not.toContain(name);
		expect(anon.columns.map((c) => c.answers.map((a) => a.groupId))).toEqual([['g1'], [null]]);
		expect(anon.columns.map((c) => c.answers.map((a) => a.text))).toEqual([
			['Focus on development'],
			['Box ticking']
		]);
		expect(anon.columns.flatMap((c) => c.answers.map((a) => a.by))).toEqual([null, null]);

		trainer(h.state, { kind: 'show-names', on: true }, h.config);
		const named = openQuestion.projector(h.state, viewCtx(h.config));
		expect(named.columns.flatMap((c) => c.answers.map((a) => a.by))).toEqual(['Table 1', 'Eve']);
		trainer(h.state, { kind: 'show-names', on: false }, h.config);
		expect(JSON.stringify(openQuestion.projector(h.state, viewCtx(h.config)))).not.toContain(
			'Table 1'
		);
	});

	it('spotlights an answer (or none), refuses a missing one, and drops it when deleted', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 1, text: 'Too much in one meeting' });
		const id = idOf(h.state, 'Too much in one meeting');
		trainer(h.state, { kind: 'spotlight', answerId: id }, h.config);
		expect(openQuestion.projector(h.state, viewCtx(h.config)).spotlight).toEqual({
			id,
			text: 'Too much in one meeting',
			by: null,
			groupId: 'g1',
			hidden: false,
			pending: false,
			column: 'Cons'
		});
		expect(openQuestion.phone(h.state, phoneCtx(h.config, 'bob')).spotlighted).toBe(true);
		expect(openQuestion.phone(h.state, phoneCtx(h.config, 'cat')).spotlighted).toBe(false);

		const before = structuredClone(h.state);
		expect(() => trainer(h.state, { kind: 'spotlight', answerId: 'gone' }, h.config)).toThrow(
			/deleted or changed/
		);
		expect(h.state).toEqual(before);

		trainer(h.state, { kind: 'spotlight', answerId: null }, h.config);
		expect(openQuestion.projector(h.state, viewCtx(h.config)).spotlight).toBeNull();
		trainer(h.state, { kind: 'spotlight', answerId: id }, h.config);
		h.ok('bob', { kind: 'delete', answerId: id });
		expect(h.state.spotlight).toBeNull();
	});

	it('shows a phone only its own group’s answers, with member names', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'Ours' });
		h.ok('cat', { kind: 'add', column: 0, text: 'Theirs' });
		h.ok('eve', { kind: 'add', column: 0, text: 'Eve alone' });
		const bob = openQuestion.phone(h.state, phoneCtx(h.config, 'bob'));
		expect(bob.answers).toEqual([
			{ id: idOf(h.state, 'Ours'), column: 0, text: 'Ours', author: 'Ann', mine: false }
		]);
		expect(JSON.stringify(bob)).not.toContain('Theirs');
		const eve = openQuestion.phone(h.state, phoneCtx(h.config, 'eve'));
		expect(eve.answers.map((a) => [a.text, a.author, a.mine])).toEqual([['Eve alone', null, true]]);
		expect(eve.columns).toEqual(['Pros', 'Cons']);
	});

	it('exports one row per answer', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 1, text: 'Stressful' });
		expect(openQuestion.exportRows(h.state, viewCtx(h.config))).toEqual([
			{
				question: prosCons.question,
				column: 'Cons',
				answer: 'Stressful',
				group: 'Table 1',
				author: 'Ann',
				spotlighted: false,
				hidden: false
			}
		]);
	});

	it('moderation: a hidden answer leaves the projector (and its spotlight), stays marked for the trainer and in exports', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'Something rude' });
		h.ok('eve', { kind: 'add', column: 0, text: 'Fine' });
		const id = idOf(h.state, 'Something rude');
		trainer(h.state, { kind: 'spotlight', answerId: id }, h.config);
		trainer(h.state, { kind: 'moderate', answerId: id, shown: false }, h.config);
		const view = openQuestion.projector(h.state, viewCtx(h.config));
		expect(view.spotlight).toBeNull();
		expect(view.columns[0]!.answers.map((a) => [a.text, a.hidden, a.pending])).toEqual([
			['Something rude', true, false],
			['Fine', false, false]
		]);
		expect(() => trainer(h.state, { kind: 'spotlight', answerId: id }, h.config)).toThrow(/hidden/);
		expect(
			openQuestion.exportRows(h.state, viewCtx(h.config)).map((r) => [r.answer, r.hidden])
		).toEqual([
			['Something rude', true],
			['Fine', false]
		]);
		trainer(h.state, { kind: 'moderate', answerId: id, shown: true }, h.config);
		expect(openQuestion.projector(h.state, viewCtx(h.config)).columns[0]!.answers[0]!.hidden).toBe(
			false
		);
		expect(() =>
			trainer(h.state, { kind: 'moderate', answerId: 'gone', shown: false }, h.config)
		).toThrow(/deleted/);
		expect(openQuestion.trainer!.input.safeParse({ kind: 'moderate', answerId: id }).success).toBe(
			false
		);
	});

	it('approve before showing: answers wait for the trainer, and an edit needs approving again', () => {
		const h = harness(openQuestion, { ...prosCons, approve: true }, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'Waiting' });
		const id = idOf(h.state, 'Waiting');
		const answer = () => openQuestion.projector(h.state, viewCtx(h.config)).columns[0]!.answers[0]!;
		expect([answer().hidden, answer().pending]).toEqual([true, true]);
		trainer(h.state, { kind: 'moderate', answerId: id, shown: true }, h.config);
		expect([answer().hidden, answer().pending]).toEqual([false, false]);
		h.ok('bob', { kind: 'edit', answerId: id, text: 'Changed after approval' });
		expect([answer().hidden, answer().pending]).toEqual([true, true]);
	});

	it('replaying the log (phones and trainer, in order) rebuilds an identical state', () => {
		const config = openQuestion.config.parse(prosCons);
		type Entry =
			| { who: 'phone'; input: unknown; participantId: string }
			| { who: 'trainer'; input: TrainerInput };
		const entries: Entry[] = [
			{ who: 'phone', participantId: 'ann', input: { kind: 'add', column: 0, text: 'A' } },
			{ who: 'phone', participantId: 'cat', input: { kind: 'add', column: 1, text: 'B' } },
			{ who: 'trainer', input: { kind: 'spotlight', answerId: 'cat:in-2' } },
			{
				who: 'phone',
				participantId: 'bob',
				input: { kind: 'edit', answerId: 'ann:in-1', text: 'A2', column: 1 }
			},
			{ who: 'trainer', input: { kind: 'show-names', on: true } },
			{ who: 'phone', participantId: 'dan', input: { kind: 'delete', answerId: 'cat:in-2' } },
			{ who: 'phone', participantId: 'eve', input: { kind: 'add', column: 0, text: 'C' } }
		];
		const run = () => {
			let state = openQuestion.initial(config);
			entries.forEach((e, i) => {
				const inputId = `in-${i + 1}`;
				if (e.who === 'phone') {
					const ctx = {
						participantId: e.participantId,
						groupId: groupOf(e.participantId),
						inputId,
						at: 1000 + i
					};
					state = openQuestion.reduce(state, openQuestion.input.parse(e.input), ctx, config);
				} else {
					state = openQuestion.trainer!.reduce(
						state,
						e.input,
						{ inputId, at: 1000 + i, groups, participants, random: seededRandom(inputId) },
						config
					);
				}
			});
			return state;
		};
		const first = run();
		expect(first.answers.map((a) => a.text)).toEqual(['A2', 'C']);
		expect(first.spotlight).toBeNull();
		expect(first.showNames).toBe(true);
		expect(run()).toEqual(first);
	});

	it('replays the phones’ log through the harness to the same state', () => {
		const h = harness(openQuestion, prosCons, groupOf);
		h.ok('ann', { kind: 'add', column: 0, text: 'X' });
		h.ok('cat', { kind: 'add', column: 1, text: 'Y' });
		h.ok('bob', { kind: 'edit', answerId: idOf(h.state, 'X'), text: 'X2' });
		h.send('cat', { kind: 'delete', answerId: idOf(h.state, 'X2') });
		expect(h.replay()).toEqual(h.state);
	});
});
