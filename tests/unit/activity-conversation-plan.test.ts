import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import type { PersonInfo, TrainerContext, ViewContext } from '$lib/activities/contract';
import { conversationPlan, type Config, type State } from '$lib/activities/conversation-plan/type';
import { FIELDS } from '$lib/activities/conversation-cards/words';

const people: PersonInfo[] = ['Ann', 'Bob', 'Cat'].map((name) => ({
	id: `pid-${name.toLowerCase()}`,
	name
}));
const tctx = {
	inputId: 't',
	at: 1,
	groups: [],
	participants: people,
	random: () => 0
} as TrainerContext;

function room(raw: Record<string, unknown> = {}) {
	const h = harness(conversationPlan, raw);
	const view: ViewContext<Config> = {
		config: h.config,
		status: 'open',
		groups: [],
		participants: people
	};
	const act = (input: unknown) =>
		conversationPlan.trainer!.reduce(
			h.state,
			conversationPlan.trainer!.input.parse(input),
			tctx,
			h.config
		) as State;
	return {
		...h,
		act,
		projector: () => conversationPlan.projector(h.state, view),
		phone: (id: string) =>
			conversationPlan.phone(h.state, { ...view, participantId: id, groupId: null }),
		rows: () => conversationPlan.exportRows(h.state, view),
		evidence: (id: string) =>
			conversationPlan.evidence!(h.state, { ...view, participantId: id, groupId: null })
	};
}

const SECRET = 'Priya keeps missing the Thursday returns';

describe('plan a conversation', () => {
	it('uses the cards’ six parts after the situation, with no card, in either mode', () => {
		expect(conversationPlan.config.parse(undefined).mode).toBe('improvement');
		expect(conversationPlan.config.parse({ mode: 'challenging' }).mode).toBe('challenging');
		expect(conversationPlan.config.safeParse({ mode: 'easy' }).success).toBe(false);
		const r = room();
		expect(Object.keys(r.phone('pid-ann').parts)).toEqual(['situation', ...FIELDS]);
	});

	it('saves parts with a revision each, and the likely cause; replay rebuilds it', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'edit', part: 'situation', text: SECRET });
		r.ok('pid-ann', { kind: 'edit', part: 'open', text: 'I want to talk about the returns.' });
		r.ok('pid-ann', {
			kind: 'edit',
			part: 'open',
			text: 'Can we talk about the Thursday returns?'
		});
		r.ok('pid-ann', { kind: 'cause', cause: 'resources' });
		const mine = r.phone('pid-ann');
		expect(mine.parts.open).toMatchObject({
			text: 'Can we talk about the Thursday returns?',
			rev: 2,
			by: 'Ann',
			mine: true
		});
		expect(mine.cause.value).toBe('resources');
		expect(r.replay()).toEqual(r.state);
		expect(r.send('pid-ann', { kind: 'edit', part: 'situation', text: 'x'.repeat(401) })).toEqual({
			ok: false,
			error: 'Keep the situation to 400 characters or fewer.'
		});
		expect(r.send('pid-ann', { kind: 'edit', part: 'card', text: 'x' }).ok).toBe(false);
	});

	it('privacy: the projector counts plans and never shows an unshared one', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'edit', part: 'situation', text: SECRET });
		r.ok('pid-bob', { kind: 'edit', part: 'prepare', text: 'Gather the rota' });
		const p = r.projector();
		expect(p.started).toBe(2);
		expect(p.filled.situation).toBe(1);
		expect(p.filled.prepare).toBe(1);
		expect(p.shared).toEqual([]);
		const text = JSON.stringify(p);
		expect(text).not.toContain('Priya');
		expect(text).not.toContain('rota');
		for (const x of people) expect(text).not.toContain(x.id);
		expect(JSON.stringify(r.phone('pid-bob'))).not.toContain('Priya');
		expect(r.phone('pid-cat').parts.situation.text).toBe('');
		expect(() => r.act({ kind: 'spotlight', plan: 1 })).toThrow(
			'That plan is not shared any more.'
		);
	});

	it('a shared plan can be spotlighted without names; unsharing takes it off the projector', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'edit', part: 'situation', text: SECRET });
		expect(r.send('pid-cat', { kind: 'share', on: true })).toEqual({
			ok: false,
			error: 'Write something first, then share it.'
		});
		r.ok('pid-ann', { kind: 'share', on: true });
		r.act({ kind: 'spotlight', plan: 1 });
		const p = r.projector();
		expect(p.spotlight?.parts.situation).toBe(SECRET);
		expect(JSON.stringify(p)).not.toContain('Ann');
		expect(r.phone('pid-ann').spotlighted).toBe(true);
		r.ok('pid-ann', { kind: 'share', on: false });
		expect(r.projector().spotlight).toBeNull();
		expect(r.projector().shared).toEqual([]);
	});

	it('exports and evidences the person’s own plan', () => {
		const r = room({ mode: 'challenging' });
		r.ok('pid-bob', { kind: 'edit', part: 'situation', text: 'A complaint about tone' });
		r.ok('pid-bob', { kind: 'cause', cause: 'information' });
		expect(r.rows()[0]).toMatchObject({
			plan: 1,
			by: 'Bob',
			kind: 'Plan a challenging conversation',
			'The situation': 'A complaint about tone',
			'likely cause': 'Information'
		});
		expect(r.evidence('pid-bob')[0]!.heading).toBe('Plan a challenging conversation');
		expect(r.evidence('pid-ann')).toEqual([]);
	});
});
