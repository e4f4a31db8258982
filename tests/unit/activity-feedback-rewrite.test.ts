import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import type { GroupInfo, PersonInfo, TrainerContext, ViewContext } from '$lib/activities/contract';
import { feedbackRewrite, type Config, type State } from '$lib/activities/feedback-rewrite/type';

const people: PersonInfo[] = ['Ann', 'Bob', 'Cat', 'Dev'].map((name) => ({
	id: `pid-${name.toLowerCase()}`,
	name
}));
const pairs: GroupInfo[] = [
	{ id: 'g1', name: 'Pair 1', memberIds: ['pid-ann', 'pid-bob'] },
	{ id: 'g2', name: 'Pair 2', memberIds: ['pid-cat', 'pid-dev'] }
];
const sbi = (s: string) => ({
	kind: 'save',
	form: 'sbi',
	parts: [`In ${s}`, 'you talked over Sam', 'Sam stopped offering ideas']
});
const tctx = {
	inputId: 't',
	at: 1,
	groups: [],
	participants: people,
	random: () => 0
} as TrainerContext;

function room(raw: Record<string, unknown> = {}, grouped = false) {
	const groupOf = (id: string) =>
		grouped ? (pairs.find((g) => g.memberIds.includes(id))?.id ?? null) : null;
	const h = harness(feedbackRewrite, raw, groupOf);
	const view: ViewContext<Config> = {
		config: h.config,
		status: 'open',
		groups: grouped ? pairs : [],
		participants: people
	};
	const act = (input: unknown) =>
		feedbackRewrite.trainer!.reduce(
			h.state,
			feedbackRewrite.trainer!.input.parse(input),
			tctx,
			h.config
		) as State;
	return {
		...h,
		act,
		projector: () => feedbackRewrite.projector(h.state, view),
		phone: (id: string) =>
			feedbackRewrite.phone(h.state, { ...view, participantId: id, groupId: groupOf(id) }),
		rows: () => feedbackRewrite.exportRows(h.state, view)
	};
}

describe('feedback rewrite', () => {
	it('has a vague line and both shapes by default; a file may offer one', () => {
		const c = feedbackRewrite.config.parse(undefined);
		expect(c.line).toMatch(/team player/);
		expect(c.forms).toEqual(['sbi', 'ata']);
		expect(
			feedbackRewrite.config.safeParse({ forms: ['sbi', 'sbi'] }).error?.issues[0]?.message
		).toBe('a form is listed twice');
	});

	it('keeps one rewrite per person, numbered by first save; a later save replaces it', () => {
		const r = room();
		r.ok('pid-ann', sbi('Monday’s meeting'));
		r.ok('pid-bob', {
			kind: 'save',
			form: 'ata',
			parts: ['How did it go?', 'I noticed…', 'What next?']
		});
		r.ok('pid-ann', sbi('Tuesday’s meeting'));
		const g = r.projector().gallery;
		expect(g.map((x) => x.n)).toEqual([1, 2]);
		expect(g[0]!.parts[0]).toBe('In Tuesday’s meeting');
		expect(r.replay()).toEqual(r.state);
	});

	it('refuses an empty rewrite, a shape the file does not offer, and overlong parts', () => {
		const r = room({ forms: ['sbi'] });
		expect(r.send('pid-ann', { kind: 'save', form: 'sbi', parts: [' ', '', ''] })).toEqual({
			ok: false,
			error: 'Write at least one part before saving.'
		});
		expect(r.send('pid-ann', { kind: 'save', form: 'ata', parts: ['a', 'b', 'c'] })).toEqual({
			ok: false,
			error: 'That shape is not offered in this activity.'
		});
		expect(
			r.send('pid-ann', { kind: 'save', form: 'sbi', parts: ['x'.repeat(301), '', ''] }).ok
		).toBe(false);
		expect(r.send('pid-ann', { kind: 'save', form: 'sbi', parts: ['a', 'b'] }).ok).toBe(false);
		expect(r.state.rewrites).toEqual({});
	});

	it('spotlights one rewrite by number; clearing it takes it off the projector', () => {
		const r = room();
		r.ok('pid-ann', sbi('the review'));
		r.ok('pid-bob', sbi('the audit'));
		r.act({ kind: 'spotlight', entry: 2 });
		expect(r.projector().spotlight?.parts[0]).toBe('In the audit');
		expect(r.phone('pid-bob').spotlighted).toBe(true);
		expect(r.phone('pid-ann').spotlighted).toBe(false);
		expect(() => r.act({ kind: 'spotlight', entry: 9 })).toThrow(
			'That rewrite is no longer there.'
		);
		r.ok('pid-bob', { kind: 'clear' });
		expect(r.projector().spotlight).toBeNull();
	});

	it('privacy: the gallery is anonymous; a phone sees only its own (or its pair’s) rewrite', () => {
		const r = room({}, true);
		r.ok('pid-ann', sbi('the stand-up'));
		r.ok('pid-cat', sbi('the handover'));
		const text = JSON.stringify(r.projector());
		for (const p of people) {
			expect(text).not.toContain(p.id);
			expect(text).not.toContain(p.name);
		}
		expect(text).not.toContain('g1');
		expect(r.phone('pid-bob').mine?.parts[0]).toBe('In the stand-up'); // Ann's pair
		expect(r.phone('pid-bob').mine?.by).toBe('Ann');
		expect(JSON.stringify(r.phone('pid-bob'))).not.toContain('handover');
		expect(r.rows().map((x) => x.by)).toEqual(['Pair 1', 'Pair 2']);
	});
});
