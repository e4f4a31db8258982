import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import {
	InputRejected,
	type InputContext,
	type PersonInfo,
	type TrainerContext,
	type ViewContext
} from '$lib/activities/contract';
import {
	goalSetting,
	type Config,
	type Input,
	type State,
	type TrainerInput
} from '$lib/activities/goal-setting/type';
import { derangement } from '$lib/activities/goal-setting/reduce';
import { DEFAULT_PROMPTS } from '$lib/activities/goal-setting/wording';
import { CRITERIA } from '$lib/activities/goal-setting/smart';
import { seededRandom } from '$lib/activities/shared/random';
import { appRoot } from '$lib/server/paths';

const people = (n: number): PersonInfo[] =>
	Array.from({ length: n }, (_, i) => ({ id: `pid-${i + 1}`, name: `Person${i + 1}Name` }));

const GOOD = 'Reduce open tickets from 40 to 15 by the end of Q2 so that customers wait less';
const VAGUE = 'Improve communication';
const ALL_YES = {
	specific: 'yes',
	measurable: 'yes',
	achievable: 'yes',
	relevant: 'yes',
	timeBound: 'yes'
} as const;
const MIXED = {
	specific: 'yes',
	measurable: 'partly',
	achievable: 'yes',
	relevant: 'no',
	timeBound: 'no'
} as const;

type Logged =
	| { phone: { input: Input; ctx: InputContext } }
	| { trainer: { input: TrainerInput; ctx: Omit<TrainerContext, 'random'> } };

function room(n = 4, raw: unknown = {}) {
	const participants = people(n);
	const h = harness(goalSetting, raw);
	const { config, state } = h;
	// Phones' inputs and trainer actions in one ordered log, as the engine stores them.
	const log: Logged[] = [];
	let seq = 0;
	const send = (pid: string, input: unknown) => {
		const r = h.send(pid, input);
		if (r.ok) log.push({ phone: h.log.at(-1)! });
		return r;
	};
	const ok = (pid: string, input: unknown) => {
		const r = send(pid, input);
		if (!r.ok) throw new Error(r.error);
	};
	const act = (input: unknown): { ok: true } | { ok: false; error: string } => {
		const parsed = goalSetting.trainer!.input.safeParse(input);
		if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
		seq += 1;
		const ctx = { inputId: `t-${seq}`, at: 5000 + seq, groups: [], participants };
		try {
			goalSetting.trainer!.reduce(
				state,
				parsed.data,
				{ ...ctx, random: seededRandom(ctx.inputId) },
				config
			);
		} catch (err) {
			if (err instanceof InputRejected) return { ok: false, error: err.message };
			throw err;
		}
		log.push({ trainer: { input: parsed.data as TrainerInput, ctx } });
		return { ok: true };
	};
	const replay = (): State =>
		log.reduce((s, e) => {
			if ('phone' in e) return goalSetting.reduce(s, e.phone.input, e.phone.ctx, config);
			return goalSetting.trainer!.reduce(
				s,
				e.trainer.input,
				{ ...e.trainer.ctx, random: seededRandom(e.trainer.ctx.inputId) },
				config
			);
		}, goalSetting.initial(config));
	const view: ViewContext<Config> = { config, status: 'open', groups: [], participants };
	const phone = (pid: string) =>
		goalSetting.phone(state, { ...view, participantId: pid, groupId: null });
	const projector = () => goalSetting.projector(state, view);
	/** Situation, type and version 1 for one participant. */
	const write = (pid: string, text = GOOD, achievable: number | null = 4) => {
		ok(pid, { kind: 'set-situation', situation: { kind: 'prompt', promptId: 'p1' } });
		ok(pid, { kind: 'set-type', goalType: 'performance' });
		ok(pid, { kind: 'draft', text, achievable });
		ok(pid, { kind: 'submit', text, achievable });
	};
	const reviewerOf = (goalId: string) =>
		Object.entries(state.assignments).find(([, g]) => g === goalId)?.[0];
	return {
		config,
		state,
		participants,
		send,
		ok,
		act,
		replay,
		phone,
		projector,
		write,
		reviewerOf,
		view
	};
}

const snapshot = (s: State) => JSON.stringify(s);

describe('goal-setting config', () => {
	it('defaults: our own prompts, own situation allowed, all four goal types with a "when", individual grouping', () => {
		const c = goalSetting.config.parse(undefined);
		expect(c.prompts.length).toBeGreaterThanOrEqual(3);
		expect(c.prompts.length).toBeLessThanOrEqual(5);
		expect(c.ownSituation).toBe(true);
		expect(c.goalTypes.map((g) => g.type)).toEqual([
			'performance',
			'learning',
			'behavioural',
			'stretch'
		]);
		for (const g of c.goalTypes) expect(g.when.length).toBeGreaterThan(20);
		expect(goalSetting.defaultGrouping).toBe('individual');
		expect(goalSetting.config.parse(c)).toEqual(c);
	});

	it.each([
		[{ prompts: [], ownSituation: false }, 'give at least one prompt, or allow ownSituation'],
		[
			{
				goalTypes: [
					{ type: 'stretch', when: 'a' },
					{ type: 'stretch', when: 'b' }
				]
			},
			'goalTypes: each type at most once'
		],
		[
			{ goalTypes: [{ type: 'okr', when: 'a' }] },
			'type: expected one of performance, learning, behavioural, stretch'
		],
		[{ prompts: [{ name: 'Ann' }] }, 'expected text']
	])('refuses %j', (raw, message) => {
		const r = goalSetting.config.safeParse(raw);
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => i.message).join(' | ')).toContain(message);
	});

	it('ships activities/goal-setting.yaml, valid for this type', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'goal-setting.yaml'), 'utf8')
		);
		expect(file.type).toBe('goal-setting');
		expect(file.grouping).toBe('individual');
		const c = goalSetting.config.parse(file.config);
		expect(c.prompts.length).toBeGreaterThanOrEqual(3);
	});
});

describe('writing and submitting a goal', () => {
	it('keeps the situation, type and draft for a returning phone, and stores version 1 on submit', () => {
		const r = room();
		r.ok('pid-1', {
			kind: 'set-situation',
			situation: { kind: 'own', text: '  A team lead who avoids feedback ' }
		});
		r.ok('pid-1', { kind: 'set-type', goalType: 'behavioural' });
		r.ok('pid-1', { kind: 'draft', text: 'Give one piece of', achievable: 3 });
		let mine = r.phone('pid-1').mine;
		expect(mine.situation).toEqual({ kind: 'own', text: 'A team lead who avoids feedback' });
		expect(mine.goalType).toBe('behavioural');
		expect(mine.draft).toEqual({ text: 'Give one piece of', achievable: 3 });
		expect(mine.v1).toBeNull();
		r.ok('pid-1', { kind: 'submit', text: VAGUE, achievable: null });
		mine = r.phone('pid-1').mine;
		expect(mine.goalId).toBe('g1');
		expect(mine.v1).toMatchObject({ text: VAGUE, achievable: null });
		// The coach advises only: a goal failing every check is still accepted.
		expect(r.projector().rates.every((x) => x.before.pass === 0 && x.before.of === 1)).toBe(true);
	});

	it('may replace version 1 until it goes to a reviewer, keeping the same id', () => {
		const r = room();
		r.write('pid-1', VAGUE);
		r.ok('pid-1', { kind: 'submit', text: GOOD, achievable: 4 });
		expect(r.phone('pid-1').mine).toMatchObject({ goalId: 'g1', v1: { text: GOOD } });
		r.write('pid-2');
		expect(r.act({ kind: 'rotate-for-review' })).toEqual({ ok: true });
		const before = snapshot(r.state);
		const res = r.send('pid-1', { kind: 'submit', text: VAGUE, achievable: 4 });
		expect(res).toEqual({ ok: false, error: expect.stringMatching(/with a reviewer/) });
		expect(snapshot(r.state)).toBe(before);
	});

	it.each([
		[
			'a goal over 500 characters',
			{ kind: 'draft', text: 'x'.repeat(501), achievable: 3 },
			/500 characters/
		],
		[
			'a submit over 500 characters',
			{ kind: 'submit', text: 'x'.repeat(501), achievable: 3 },
			/500 characters/
		],
		[
			'an own situation over 200 characters',
			{ kind: 'set-situation', situation: { kind: 'own', text: 'y'.repeat(201) } },
			/200 characters/
		],
		[
			'an empty own situation',
			{ kind: 'set-situation', situation: { kind: 'own', text: '   ' } },
			/your situation/
		],
		[
			'a prompt that is not there',
			{ kind: 'set-situation', situation: { kind: 'prompt', promptId: 'p9' } },
			/not in this activity/
		],
		['a self-rating of 6', { kind: 'draft', text: 'ok', achievable: 6 }, /1 to 5/],
		[
			'a hidden character',
			{ kind: 'draft', text: 'Reduce\u202Eerrors', achievable: 3 },
			/hidden character/
		],
		['an unknown kind', { kind: 'delete-everything' }, /not an answer/],
		['an empty submit', { kind: 'submit', text: '  ', achievable: 3 }, /write your goal/],
		[
			'a review of a goal not assigned to me',
			{ kind: 'review', goalId: 'g1', scores: ALL_YES, comment: '' },
			/not the one given to you/
		],
		[
			'a revise before any review',
			{ kind: 'revise', text: GOOD, achievable: 4 },
			/once its review has arrived/
		]
	])('rejects %s without changing the state', (_what, input, message) => {
		const r = room();
		r.write('pid-1');
		r.write('pid-3', VAGUE);
		const before = snapshot(r.state);
		const res = r.send('pid-1', input);
		expect(res.ok).toBe(false);
		expect(res.ok ? '' : res.error).toMatch(message);
		expect(snapshot(r.state)).toBe(before);
	});

	it('rejects a submit before a situation and a type are chosen, and own situations when the file turns them off', () => {
		const r = room(3, { ownSituation: false });
		expect(r.send('pid-1', { kind: 'submit', text: GOOD, achievable: 4 })).toEqual({
			ok: false,
			error: 'Please choose a situation first.'
		});
		r.ok('pid-1', { kind: 'set-situation', situation: { kind: 'prompt', promptId: 'p2' } });
		expect(r.send('pid-1', { kind: 'submit', text: GOOD, achievable: 4 })).toEqual({
			ok: false,
			error: 'Please choose a goal type first.'
		});
		expect(
			r.send('pid-1', { kind: 'set-situation', situation: { kind: 'own', text: 'Mine' } }).ok
		).toBe(false);
		expect(r.send('pid-1', { kind: 'set-type', goalType: 'okr' }).ok).toBe(false);
	});
});

describe('rotation for review', () => {
	it('never assigns a goal to its author: every seed, sizes 2..30, a one-to-one assignment', () => {
		let checked = 0;
		for (let n = 2; n <= 30; n++) {
			const ids = Array.from({ length: n }, (_, i) => `p${i}`);
			for (let seed = 0; seed < 60; seed++) {
				const map = derangement(ids, seededRandom(`rotate-${n}-${seed}`));
				expect(map.size).toBe(n);
				for (const [reviewer, author] of map) expect(reviewer).not.toBe(author);
				expect(new Set(map.values()).size).toBe(n);
				checked++;
			}
		}
		expect(checked).toBe(29 * 60);
	});

	it('in the reducer: each submitter reviews one other goal; non-submitters and leavers get none', () => {
		for (const n of [2, 3, 7, 12]) {
			const r = room(n + 2);
			for (let i = 1; i <= n; i++) r.write(`pid-${i}`);
			expect(r.act({ kind: 'rotate-for-review' })).toEqual({ ok: true });
			const goals = Object.values(r.state.assignments);
			expect(Object.keys(r.state.assignments).sort()).toEqual(
				Array.from({ length: n }, (_, i) => `pid-${i + 1}`).sort()
			);
			expect(new Set(goals).size).toBe(n);
			for (const [reviewer, goalId] of Object.entries(r.state.assignments))
				expect(r.state.authors[goalId]).not.toBe(reviewer);
			expect(r.phone(`pid-${n + 1}`).toReview).toBeNull();
		}
	});

	it('two submitters swap; one or none is refused with a reason and no change', () => {
		const r = room(3);
		expect(r.act({ kind: 'rotate-for-review' })).toEqual({
			ok: false,
			error: expect.stringMatching(/No goals/)
		});
		r.write('pid-1');
		const before = snapshot(r.state);
		expect(r.act({ kind: 'rotate-for-review' })).toEqual({
			ok: false,
			error: expect.stringMatching(/at least two/)
		});
		expect(snapshot(r.state)).toBe(before);
		r.write('pid-2');
		expect(r.act({ kind: 'rotate-for-review' })).toEqual({ ok: true });
		expect(r.state.assignments).toEqual({ 'pid-1': 'g2', 'pid-2': 'g1' });
	});
});

describe('reviews and revisions', () => {
	function reviewed() {
		const r = room(4);
		r.write('pid-1', VAGUE, 2);
		r.write('pid-2');
		r.write('pid-3');
		expect(r.act({ kind: 'rotate-for-review' })).toEqual({ ok: true });
		const reviewer = r.reviewerOf('g1')!;
		r.ok(reviewer, {
			kind: 'review',
			goalId: 'g1',
			scores: MIXED,
			comment: 'Add a number and a date.'
		});
		return { r, reviewer };
	}

	it('shows the reviewer the goal without its author, and the review only on the author phone', () => {
		const { r, reviewer } = reviewed();
		const theirs = r.phone(reviewer);
		expect(theirs.toReview).toMatchObject({
			goalId: 'g1',
			text: VAGUE,
			mine: { scores: MIXED, comment: 'Add a number and a date.' }
		});
		expect(JSON.stringify(theirs)).not.toContain('Person1Name');
		expect(JSON.stringify(theirs)).not.toContain('pid-1');

		const author = r.phone('pid-1');
		expect(author.mine.review).toEqual({
			version: 1,
			scores: MIXED,
			comment: 'Add a number and a date.'
		});
		// The author is not told who reviewed them.
		expect(JSON.stringify(author)).not.toContain(reviewer);
		for (const p of r.participants) {
			if (p.id === 'pid-1' || p.id === reviewer) continue;
			expect(JSON.stringify(r.phone(p.id))).not.toContain('Add a number and a date.');
		}
		// The projector neither.
		expect(JSON.stringify(r.projector())).not.toContain('Add a number and a date.');
	});

	it('a second review in the same round corrects the first', () => {
		const { r, reviewer } = reviewed();
		r.ok(reviewer, { kind: 'review', goalId: 'g1', scores: ALL_YES, comment: 'Changed my mind.' });
		expect(r.state.reviews.g1).toHaveLength(1);
		expect(r.phone('pid-1').mine.review?.comment).toBe('Changed my mind.');
	});

	it('keeps both versions after a revision, and the projector shows before/after rates', () => {
		const { r } = reviewed();
		r.ok('pid-1', { kind: 'revise', text: GOOD, achievable: 4 });
		const mine = r.phone('pid-1').mine;
		expect(mine.v1?.text).toBe(VAGUE);
		expect(mine.v2?.text).toBe(GOOD);
		const view = r.projector();
		expect(view).toMatchObject({ submitted: 3, reviewed: 1, revised: 1, rounds: 1, assigned: 3 });
		const specific = view.rates.find((x) => x.criterion === 'specific')!;
		expect(specific.before).toEqual({ pass: 2, of: 3 });
		expect(specific.after).toEqual({ pass: 1, of: 1 });
		const achievable = view.rates.find((x) => x.criterion === 'achievable')!;
		expect(achievable.before).toEqual({ pass: 2, of: 3 });
	});

	it('a later rotation after a revision reviews version 2, and the old review is kept', () => {
		const { r } = reviewed();
		r.ok('pid-1', { kind: 'revise', text: GOOD, achievable: 4 });
		expect(r.act({ kind: 'rotate-for-review' })).toEqual({ ok: true });
		const reviewer = r.reviewerOf('g1')!;
		expect(r.phone(reviewer).toReview).toMatchObject({ text: GOOD, mine: null });
		r.ok(reviewer, { kind: 'review', goalId: 'g1', scores: ALL_YES, comment: 'Much clearer.' });
		expect(r.state.reviews.g1!.map((x) => [x.version, x.round])).toEqual([
			[1, 1],
			[2, 2]
		]);
		expect(r.phone('pid-1').mine.review).toMatchObject({ version: 2, comment: 'Much clearer.' });
	});
});

describe('projector and remote', () => {
	function spotlit() {
		const r = room(3);
		r.write('pid-1', VAGUE);
		r.write('pid-2');
		r.act({ kind: 'rotate-for-review' });
		r.ok(r.reviewerOf('g1')!, { kind: 'review', goalId: 'g1', scores: MIXED, comment: 'Numbers?' });
		r.ok('pid-1', { kind: 'revise', text: GOOD, achievable: 5 });
		expect(r.act({ kind: 'spotlight', goalId: 'g1' })).toEqual({ ok: true });
		return r;
	}

	it('hides author names unless the trainer shows them', () => {
		const r = spotlit();
		let view = r.projector();
		expect(view.spotlight).toMatchObject({
			id: 'g1',
			author: null,
			before: { text: VAGUE },
			after: { text: GOOD }
		});
		for (const p of r.participants) expect(JSON.stringify(view)).not.toContain(p.name);
		expect(r.act({ kind: 'show-names', on: true })).toEqual({ ok: true });
		view = r.projector();
		expect(view.spotlight?.author).toBe('Person1Name');
		expect(view.goals.map((g) => g.author)).toEqual(['Person1Name', 'Person2Name']);
		r.act({ kind: 'show-names', on: false });
		expect(JSON.stringify(r.projector())).not.toContain('Person1Name');
	});

	it("the spotlight carries the coach's reason per letter, and the trainer can mark a letter not met", () => {
		const r = spotlit();
		const spot = () => r.projector().spotlight!;
		expect(Object.keys(spot().after!.reasons).sort()).toEqual([...CRITERIA].sort());
		for (const reason of Object.values(spot().after!.reasons))
			expect(reason.length).toBeGreaterThan(5);
		expect(spot().notMet).toEqual([]);
		expect(r.act({ kind: 'mark', goalId: 'g1', criterion: 'measurable', met: false })).toEqual({
			ok: true
		});
		expect(spot().notMet).toEqual(['measurable']);
		expect(r.act({ kind: 'mark', goalId: 'g1', criterion: 'measurable', met: true })).toEqual({
			ok: true
		});
		expect(spot().notMet).toEqual([]);
		expect(r.act({ kind: 'mark', goalId: 'g9', criterion: 'specific', met: false })).toEqual({
			ok: false,
			error: 'That goal is not there.'
		});
		expect(r.act({ kind: 'mark', goalId: 'g1', criterion: 'smart', met: false }).ok).toBe(false);
	});

	it('never shows an own situation on the projector', () => {
		const r = room(2);
		r.ok('pid-1', {
			kind: 'set-situation',
			situation: { kind: 'own', text: 'My colleague Dave is always late' }
		});
		r.ok('pid-1', { kind: 'set-type', goalType: 'learning' });
		r.ok('pid-1', { kind: 'submit', text: GOOD, achievable: 3 });
		const view = r.projector();
		expect(view.goals[0]?.situation).toBe('Their own situation');
		expect(JSON.stringify(view)).not.toContain('Dave');
	});

	it('rejects a spotlight on a goal that is not there; null clears it', () => {
		const r = spotlit();
		const before = snapshot(r.state);
		expect(r.act({ kind: 'spotlight', goalId: 'g9' })).toEqual({
			ok: false,
			error: 'That goal is not there.'
		});
		expect(r.act({ kind: 'spotlight', goalId: 'nonsense' }).ok).toBe(false);
		expect(snapshot(r.state)).toBe(before);
		r.act({ kind: 'spotlight', goalId: null });
		expect(r.projector().spotlight).toBeNull();
	});

	it('exports one row per participant with both versions, coach checks, the review and the reviewer', () => {
		const r = spotlit();
		const rows = goalSetting.exportRows(r.state, r.view);
		const row = rows.find((x) => x.participant === 'Person1Name')!;
		const reviewer = r.participants.find((p) => p.id === r.reviewerOf('g1'))!.name;
		expect(row).toMatchObject({
			situation: `${DEFAULT_PROMPTS[0]!.name}. ${DEFAULT_PROMPTS[0]!.situation}`,
			'goal type': 'Performance goal',
			'version 1': VAGUE,
			'version 2': GOOD,
			'v1 coach S': 'no',
			'v2 coach S': 'yes',
			'v2 coach T': 'yes',
			'review M': 'partly',
			'review comment': 'Numbers?',
			reviewer
		});
		expect(rows).toHaveLength(2);
	});
});

describe('replay', () => {
	it('rebuilds an identical state from the log of phone inputs and trainer actions', () => {
		const r = room(8);
		for (let i = 1; i <= 7; i++) r.write(`pid-${i}`, i % 2 ? GOOD : VAGUE, (i % 5) + 1);
		r.send('pid-8', { kind: 'revise', text: GOOD, achievable: 4 }); // refused, not logged
		r.act({ kind: 'rotate-for-review' });
		for (const [reviewer, goalId] of Object.entries(r.state.assignments)) {
			r.ok(reviewer, { kind: 'review', goalId, scores: MIXED, comment: `Review by ${reviewer}` });
		}
		r.ok('pid-2', { kind: 'revise', text: GOOD, achievable: 5 });
		r.act({ kind: 'rotate-for-review' });
		r.act({ kind: 'spotlight', goalId: 'g2' });
		r.act({ kind: 'show-names', on: true });
		expect(snapshot(r.replay())).toBe(snapshot(r.state));
		expect(r.projector().spotlight?.after?.text).toBe(GOOD);
	});

	it('a phone view is a copy: later inputs do not change an earlier view', () => {
		const r = room(2);
		r.write('pid-1');
		const view = r.phone('pid-1');
		r.ok('pid-1', { kind: 'draft', text: 'changed', achievable: 1 });
		expect(view.mine.draft.text).toBe(GOOD);
	});
});
