import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ActivityStatus, GroupInfo, PersonInfo, ViewContext } from '$lib/activities/contract';
import { ratingChecklist, type Config } from '$lib/activities/rating-checklist/type';
import { PLACEHOLDER_ITEMS } from '$lib/activities/rating-checklist/schema';
import { appRoot } from '$lib/server/paths';
import { harness } from '../helpers/activity-harness';

const groups: GroupInfo[] = [
	{ id: 'p1', name: 'Pair 1', memberIds: ['ann', 'bob'] },
	{ id: 'p2', name: 'Pair 2', memberIds: ['cat', 'dan'] },
	{ id: 'p3', name: 'Pair 3', memberIds: ['eve', 'fay'] }
];
const participants: PersonInfo[] = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay'].map((id) => ({
	id,
	name: id[0]!.toUpperCase() + id.slice(1)
}));
const groupOf = (p: string) => groups.find((g) => g.memberIds.includes(p))?.id ?? null;
const items = ['Goals', 'One-to-ones', 'Feedback', 'Evidence'];

const viewCtx = (config: Config, status: ActivityStatus = 'open'): ViewContext<Config> => ({
	config,
	status,
	groups,
	participants
});
const rate = (item: number, rating: number | null) => ({ kind: 'rate', item, rating });

describe('rating-checklist config', () => {
	it('defaults to our ten placeholder practices on the presence scale, for pairs', () => {
		for (const raw of [undefined, {}]) {
			const c = ratingChecklist.config.parse(raw);
			expect(c.items).toEqual([...PLACEHOLDER_ITEMS]);
			expect(c.items).toHaveLength(10);
			expect(c.scale).toBe('presence');
			expect(ratingChecklist.config.parse(c)).toEqual(c);
		}
		expect(ratingChecklist.defaultGrouping).toBe('pairs');
	});

	it('rejects bad configs with messages', () => {
		const msg = (raw: unknown) => {
			const r = ratingChecklist.config.safeParse(raw);
			return r.success ? 'accepted' : r.error.issues[0]!.message;
		};
		expect(msg({ items: ['Only one'] })).toMatch(/at least 2/);
		expect(msg({ items: Array.from({ length: 21 }, (_, i) => `P${i}`) })).toMatch(/at most 20/);
		expect(msg({ items: ['Fine', '  '] })).toMatch(/cannot be empty/);
		expect(msg({ scale: 'ten' })).toMatch(/presence.*five/);
		expect(msg({ item: ['typo'] })).not.toBe('accepted');
	});

	it('ships activities/ten-practices.yaml: valid, for pairs, and labelled as placeholders', () => {
		const text = readFileSync(join(appRoot(), 'activities', 'ten-practices.yaml'), 'utf8');
		const file = parseYaml(text);
		expect(file.type).toBe('rating-checklist');
		expect(file.grouping).toBe('pairs');
		const c = ratingChecklist.config.parse(file.config);
		expect(c.items).toHaveLength(10);
		expect(text).toMatch(/placeholder/i);
		expect(text).not.toMatch(/^\s*-\s.*harvard/im);
	});
});

describe('rating-checklist inputs', () => {
	it('records a pair’s rating and lets the last write win', () => {
		const h = harness(ratingChecklist, { items }, groupOf);
		h.ok('ann', rate(0, 1));
		h.ok('bob', rate(0, 2));
		expect(h.state.scopes.p1!.ratings[0]).toMatchObject({ level: 2, by: 'bob' });
		h.ok('ann', rate(0, null));
		expect(h.state.scopes.p1!.ratings[0]).toBeUndefined();
	});

	it('keeps each pair’s ratings separate: members only ever change their own pair’s', () => {
		const h = harness(ratingChecklist, { items }, groupOf);
		h.ok('ann', rate(1, 2));
		h.ok('cat', rate(1, 0));
		h.ok('dan', rate(1, 1));
		expect(h.state.scopes.p1!.ratings[1]!.level).toBe(2);
		expect(h.state.scopes.p2!.ratings[1]!.level).toBe(1);
		h.ok('zed', rate(1, 0));
		expect(h.state.scopes.zed).toMatchObject({ solo: true });
		expect(h.state.scopes.p1!.ratings[1]!.level).toBe(2);
	});

	it('rejects bad ratings and items with a message, state unchanged', () => {
		const h = harness(ratingChecklist, { items }, groupOf);
		h.ok('ann', rate(0, 1));
		const before = structuredClone(h.state);
		const cases: [unknown, RegExp][] = [
			[rate(4, 1), /not on this checklist/],
			[rate(0, 3), /Pick one of the ratings/],
			[rate(0, -1), /Pick one of the ratings/],
			[rate(0.5, 1), /Pick one of the practices/],
			[{ kind: 'rate', item: 0 }, /Pick one of the ratings/],
			[{ kind: 'vote' }, /not something this activity understands/]
		];
		for (const [input, message] of cases) {
			const r = h.send('bob', input);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toMatch(message);
		}
		expect(h.state).toEqual(before);
		const five = harness(ratingChecklist, { items, scale: 'five' }, groupOf);
		five.ok('ann', rate(0, 4));
		expect(five.send('ann', rate(0, 5)).ok).toBe(false);
	});
});

describe('rating-checklist views', () => {
	function room(scale: 'presence' | 'five' = 'presence') {
		const h = harness(ratingChecklist, { items, scale }, groupOf);
		// Evidence weakest, then One-to-ones; Feedback unrated.
		h.ok('ann', rate(0, 2));
		h.ok('ann', rate(1, 1));
		h.ok('ann', rate(3, 0));
		h.ok('cat', rate(0, 2));
		h.ok('cat', rate(1, 0));
		h.ok('cat', rate(3, 0));
		h.ok('eve', rate(0, 0));
		return h;
	}

	it('shows only progress counts while open, no ratings', () => {
		const h = room();
		const view = ratingChecklist.projector(h.state, viewCtx(h.config, 'open'));
		expect(view).toEqual({
			ready: false,
			items: [
				{ text: 'Goals', rated: 3 },
				{ text: 'One-to-ones', rated: 2 },
				{ text: 'Feedback', rated: 0 },
				{ text: 'Evidence', rated: 2 }
			],
			started: 3,
			finished: 0,
			expected: 3,
			example: false
		});
		expect(ratingChecklist.projector(h.state, viewCtx(h.config, 'closed')).ready).toBe(false);
	});

	it('on reveal orders the heat table weakest first, unrated last, with counts and means', () => {
		const h = room();
		const view = ratingChecklist.projector(h.state, viewCtx(h.config, 'revealed'));
		if (!view.ready) throw new Error('expected the heat table');
		expect(view.levels).toEqual(['Not in place', 'Partly', 'Embedded']);
		expect(view.rows.map((r) => r.text)).toEqual(['Evidence', 'One-to-ones', 'Goals', 'Feedback']);
		expect(view.rows.map((r) => r.counts)).toEqual([
			[2, 0, 0],
			[1, 1, 0],
			[1, 0, 2],
			[0, 0, 0]
		]);
		expect(view.rows.map((r) => r.mean)).toEqual([0, 0.5, 4 / 3, null]);
		expect(view.rows.filter((r) => r.weakest).map((r) => r.text)).toEqual([
			'Evidence',
			'One-to-ones'
		]);
		expect(view.rows.filter((r) => r.widestSpread).map((r) => r.text)).toEqual(['Goals']);
		expect(JSON.stringify(view)).not.toMatch(
			/"(ann|bob|cat|dan|eve|fay|p1|p2|p3)"|Pair|Ann|Cat|Eve/
		);
	});

	it('reports means in the 1–5 scale’s own numbers', () => {
		const h = room('five');
		h.ok('eve', rate(1, 4));
		const view = ratingChecklist.projector(h.state, viewCtx(h.config, 'revealed'));
		if (!view.ready) throw new Error('expected the heat table');
		expect(view.rows[0]).toMatchObject({ text: 'Evidence', mean: 1 });
		expect(view.rows.find((r) => r.text === 'One-to-ones')!.mean).toBeCloseTo(8 / 3);
		expect(view.levels).toEqual(['1', '2', '3', '4', '5']);
	});

	it('shows a phone its own pair’s ratings with who set them, and progress', () => {
		const h = room();
		const bob = ratingChecklist.phone(h.state, {
			...viewCtx(h.config),
			participantId: 'bob',
			groupId: 'p1'
		});
		expect(bob.rated).toBe(3);
		expect(bob.total).toBe(4);
		expect(bob.items.map((i) => i.level)).toEqual([2, 1, null, 0]);
		expect(bob.items[0]!.by).toBe('Ann');
		const fay = ratingChecklist.phone(h.state, {
			...viewCtx(h.config),
			participantId: 'fay',
			groupId: 'p3'
		});
		expect(fay.items.map((i) => i.level)).toEqual([0, null, null, null]);
	});

	it('exports one row per pair and item', () => {
		const h = room();
		const rows = ratingChecklist.exportRows(h.state, viewCtx(h.config));
		expect(rows).toHaveLength(12);
		expect(rows[0]).toEqual({
			group: 'Pair 1',
			item: 1,
			practice: 'Goals',
			rating: 'Embedded',
			score: 2,
			ratedBy: 'Ann'
		});
		expect(rows[2]).toMatchObject({ practice: 'Feedback', rating: null, score: null });
	});

	it('replaying the log gives an identical state', () => {
		const h = room();
		h.ok('bob', rate(1, 2));
		h.ok('dan', rate(3, null));
		expect(h.replay()).toEqual(h.state);
		expect(h.replay().scopes.p1!.ratings[1]!.level).toBe(2);
	});
});

describe('placeholder practices say so until the trainer replaces them', () => {
	const NOTE = 'Example practices — replace with your programme’s list';
	const LABEL = 'Example practices, written for this app: not an official list';

	it('labels our list on the projector, the phone and the evidence pack, open or revealed', () => {
		const h = harness(ratingChecklist, {}, groupOf);
		h.ok('ann', rate(0, 2));
		for (const status of ['open', 'revealed'] as const) {
			expect(ratingChecklist.projector(h.state, viewCtx(h.config, status)).example).toBe(true);
			const ctx = { ...viewCtx(h.config, status), participantId: 'ann', groupId: 'p1' };
			expect(ratingChecklist.phone(h.state, ctx).example).toBe(true);
			expect(ratingChecklist.evidence!(h.state, ctx)[0]!.lines[0]).toEqual({ text: LABEL });
		}
		// Part of our list, reordered or cut down, is still ours.
		const some = ratingChecklist.config.parse({
			items: [PLACEHOLDER_ITEMS[3], PLACEHOLDER_ITEMS[0]]
		});
		expect(ratingChecklist.projector(h.state, viewCtx(some)).example).toBe(true);
	});

	it('carries no label on a list the trainer typed, even with one of ours kept in it', () => {
		for (const list of [items, [...items, PLACEHOLDER_ITEMS[0]!]]) {
			const h = harness(ratingChecklist, { items: list }, groupOf);
			h.ok('ann', rate(0, 1));
			const ctx = { ...viewCtx(h.config, 'revealed'), participantId: 'ann', groupId: 'p1' };
			expect(ratingChecklist.projector(h.state, viewCtx(h.config)).example).toBe(false);
			expect(ratingChecklist.phone(h.state, ctx).example).toBe(false);
			expect(JSON.stringify(ratingChecklist.evidence!(h.state, ctx))).not.toContain(
				'Example practices'
			);
		}
	});

	it('offers the launch panel the note and our list, so it can label the list while it is unchanged', () => {
		const field = ratingChecklist.setup!.find((f) => f.key === 'items')!;
		expect(field.example?.note).toBe(NOTE);
		expect(field.example?.values).toEqual(PLACEHOLDER_ITEMS);
	});
});
