import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	InputRejected,
	type GroupInfo,
	type InputContext,
	type PersonInfo,
	type ViewContext
} from '$lib/activities/contract';
import { pmPyramid, type Config, type Input, type State } from '$lib/activities/pm-pyramid/type';
import { overlayLink } from '$lib/activities/pm-pyramid/projector-format';
import { appRoot } from '$lib/server/paths';

const groups: GroupInfo[] = [
	{ id: 'g1', name: 'Table 1', memberIds: ['ann', 'bob', 'cat'] },
	{ id: 'g2', name: 'Table 2', memberIds: ['dan', 'eve'] }
];
const participants: PersonInfo[] = [
	{ id: 'ann', name: 'Ann' },
	{ id: 'bob', name: 'Bob' },
	{ id: 'cat', name: 'Cat' },
	{ id: 'dan', name: 'Dan' },
	{ id: 'eve', name: 'Eve' }
];
const config: Config = pmPyramid.config.parse({});
const view: ViewContext<Config> = { config, status: 'open', groups, participants };

/** A fresh room: a clock and an input-id counter so every test is self-contained. */
function room(cfg: Config = config) {
	let seq = 0;
	const state: State = pmPyramid.initial(cfg);
	const log: { input: Input; ctx: InputContext }[] = [];
	const ctxFor = (participantId: string, inputId?: string): InputContext => {
		seq += 1;
		const group = groups.find((g) => g.memberIds.includes(participantId));
		return {
			participantId,
			groupId: group?.id ?? null,
			inputId: inputId ?? `input-${participantId}-${seq}`,
			at: 1000 + seq
		};
	};
	/** What the engine does: validate, then reduce; the message is what the phone would show. */
	const send = (
		participantId: string,
		raw: unknown,
		inputId?: string
	): { ok: true; id: string } | { ok: false; error: string } => {
		const parsed = pmPyramid.input.safeParse(raw);
		if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
		const ctx = ctxFor(participantId, inputId);
		try {
			pmPyramid.reduce(state, parsed.data, ctx, cfg);
		} catch (err) {
			if (err instanceof InputRejected) return { ok: false, error: err.message };
			throw err;
		}
		log.push({ input: parsed.data, ctx });
		// A card's id is its sender plus the sender's input id.
		return { ok: true, id: `${participantId}:${ctx.inputId}` };
	};
	const add = (who: string, step: number, text: string) => {
		const r = send(who, { kind: 'add-card', step, text });
		if (!r.ok) throw new Error(r.error);
		return r.id;
	};
	return { state, send, add, log };
}

const cardsOf = (state: State, group: string) => state.groups[group]?.cards ?? [];

describe('pm-pyramid config', () => {
	it('defaults to the cascade, five labels and overkill at 5, also with no config at all', () => {
		for (const raw of [undefined, {}]) {
			const c = pmPyramid.config.parse(raw);
			expect(c.preset).toBe('cascade');
			expect(c.steps).toHaveLength(5);
			expect(c.steps[0]).toMatch(/strategy/i);
			expect(c.steps[4]).toMatch(/monitoring/i);
			expect(c.overkillAt).toBe(5);
		}
	});

	it('ships the plan–monitor–develop–rate–reward cycle as a second preset', () => {
		const c = pmPyramid.config.parse({ preset: 'cycle' });
		expect(c.steps.map((s) => s.split(' ')[0])).toEqual([
			'Plan',
			'Monitor',
			'Develop',
			'Rate',
			'Reward'
		]);
	});

	it('lets five custom labels override the preset, trimmed, and is stable when parsed again', () => {
		const steps = [' Strategy ', 'Faculty plans', 'Team plans', 'Appraisal', '1:1s'];
		const c = pmPyramid.config.parse({ preset: 'cycle', steps, overkillAt: 3 });
		expect(c.steps).toEqual(['Strategy', 'Faculty plans', 'Team plans', 'Appraisal', '1:1s']);
		expect(pmPyramid.config.parse(c)).toEqual(c);
	});

	it.each([
		[{ steps: ['a', 'b', 'c', 'd'] }, 'exactly five step labels'],
		[{ steps: ['a', 'b', '  ', 'd', 'e'] }, 'cannot be empty'],
		[{ overkillAt: 1 }, 'at least 2'],
		[{ overkillAt: 'lots' }, 'whole number'],
		[{ preset: 'pyramid' }, 'expected "cascade" or "cycle"'],
		[{ overkilAt: 4 }, 'overkilAt']
	])('refuses %j with a message that says what was expected', (raw, message) => {
		const result = pmPyramid.config.safeParse(raw);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.message).join('\n')).toContain(message);
	});

	it('ships a content file whose config is valid', () => {
		const file = parseYaml(readFileSync(join(appRoot(), 'activities', 'pm-pyramid.yaml'), 'utf8'));
		expect(file.type).toBe(pmPyramid.type);
		expect(file.grouping).toBe('groups');
		expect(pmPyramid.config.parse(file.config).preset).toBe('cascade');
	});
});

describe('pm-pyramid inputs', () => {
	it('adds a trimmed, untagged card with an id made of its sender and the input id', () => {
		const r = room();
		const res = r.send(
			'ann',
			{ kind: 'add-card', step: 2, text: '  Team   plans\nand KPIs ' },
			'abc-1'
		);
		expect(res).toEqual({ ok: true, id: 'ann:abc-1' });
		expect(cardsOf(r.state, 'g1')).toEqual([
			{
				id: 'ann:abc-1',
				step: 2,
				text: 'Team plans and KPIs',
				tag: null,
				authorId: 'ann',
				updatedAt: expect.any(Number)
			}
		]);
	});

	it('edits, tags, untags, moves and deletes a card', () => {
		const r = room();
		const a = r.add('ann', 0, 'Strategy doc');
		const b = r.add('bob', 0, 'Away day');
		expect(r.send('bob', { kind: 'edit-card', cardId: a, text: 'University strategy' }).ok).toBe(
			true
		);
		expect(r.send('cat', { kind: 'tag-card', cardId: a, tag: 'patchy' }).ok).toBe(true);
		expect(cardsOf(r.state, 'g1')[0]).toMatchObject({
			text: 'University strategy',
			tag: 'patchy',
			authorId: 'ann'
		});
		expect(r.send('cat', { kind: 'tag-card', cardId: a, tag: null }).ok).toBe(true);
		expect(cardsOf(r.state, 'g1')[0]!.tag).toBeNull();
		expect(r.send('ann', { kind: 'move-card', cardId: a, step: 3 }).ok).toBe(true);
		// A moved card goes to the end, where its mover looks for it.
		expect(cardsOf(r.state, 'g1').map((c) => [c.id, c.step])).toEqual([
			[b, 0],
			[a, 3]
		]);
		expect(r.send('ann', { kind: 'delete-card', cardId: b }).ok).toBe(true);
		expect(cardsOf(r.state, 'g1').map((c) => c.id)).toEqual([a]);
	});

	it('marks links between neighbouring steps; unmarked links stay null', () => {
		const r = room();
		expect(r.send('dan', { kind: 'set-link', from: 1, strength: 'weak' }).ok).toBe(true);
		expect(r.send('eve', { kind: 'set-link', from: 3, strength: 'strong' }).ok).toBe(true);
		expect(r.state.groups.g2!.links).toEqual([null, 'weak', null, 'strong', null]);
		// The pyramid has no 5→1: that closing link belongs to the cycle.
		expect(r.send('dan', { kind: 'set-link', from: 4, strength: 'weak' })).toEqual({
			ok: false,
			error: 'This pyramid has no link from step 5 back to step 1: only the cycle has one.'
		});
		expect(r.send('dan', { kind: 'set-link', from: 5, strength: 'weak' })).toEqual({
			ok: false,
			error: 'Pick a link between two neighbouring steps (1→2 up to 4→5, or 5→1 in the cycle).'
		});
	});

	it('lets the cycle preset link its last step back to the first, on every screen and export', () => {
		const cycle = pmPyramid.config.parse({ preset: 'cycle' });
		const r = room(cycle);
		expect(r.send('dan', { kind: 'set-link', from: 4, strength: 'weak' }).ok).toBe(true);
		expect(r.state.groups.g2!.links[4]).toBe('weak');
		const ctx = { ...view, config: cycle };
		const phone = pmPyramid.phone(r.state, { ...ctx, participantId: 'dan', groupId: 'g2' });
		expect(phone.links).toEqual([null, null, null, null, 'weak']);
		const proj = pmPyramid.projector(r.state, { ...ctx, status: 'revealed' });
		const g2 = proj.groups.find((g) => g.id === 'g2')!;
		expect(g2.links.map((l) => l.from)).toEqual([0, 1, 2, 3, 4]);
		expect(g2.findings.linkage).toContain('5→1');
		expect(proj.overlay.links).toHaveLength(5);
		const links = pmPyramid.exportRows(r.state, ctx).filter((row) => row.item === 'link');
		expect(links.at(-1)).toMatchObject({
			step: 5,
			stepLabel: 'Reward and recognise → Plan and set expectations',
			link: 'weak'
		});
		const lines = pmPyramid.evidence!(r.state, { ...ctx, participantId: 'dan', groupId: 'g2' })[0]!
			.lines;
		expect(lines).toContainEqual({ label: 'Link, Step 5 to Step 1', text: 'Weak' });
	});

	it('treats a repeated add with the same input id as a harmless retry', () => {
		const r = room();
		r.send('ann', { kind: 'add-card', step: 1, text: 'Plan' }, 'same');
		r.send('ann', { kind: 'add-card', step: 1, text: 'Plan' }, 'same');
		expect(cardsOf(r.state, 'g1')).toHaveLength(1);
	});

	it.each([
		[{ kind: 'add-card', step: 1, text: '   ' }, 'Type a practice before adding it.'],
		[{ kind: 'add-card', step: 1, text: 'x'.repeat(61) }, 'Keep a card to 60 characters or fewer.'],
		[{ kind: 'add-card', step: 5, text: 'Plan' }, 'Pick a step from 1 to 5.'],
		[
			{ kind: 'tag-card', cardId: 'c', tag: 'great' },
			'Tag a card "works-well", "patchy" or "missing".'
		],
		[
			{ kind: 'paint-card' },
			'That is not something this activity understands. Refresh the page and try again.'
		],
		[{ kind: 'edit-card', text: 'No id' }, 'Which card? The card reference is missing.']
	])('refuses %j before it reaches the state, with a human message', (raw, error) => {
		const r = room();
		r.add('ann', 1, 'Faculty plan');
		const before = structuredClone(r.state);
		expect(r.send('ann', raw)).toEqual({ ok: false, error });
		expect(r.state).toEqual(before);
	});

	it('accepts exactly 60 characters', () => {
		const r = room();
		expect(r.send('ann', { kind: 'add-card', step: 1, text: 'x'.repeat(60) }).ok).toBe(true);
	});

	it('refuses unknown and deleted cards and leaves the state unchanged', () => {
		const r = room();
		const a = r.add('ann', 1, 'Faculty plan');
		r.send('bob', { kind: 'delete-card', cardId: a });
		const before = structuredClone(r.state);
		expect(r.send('cat', { kind: 'edit-card', cardId: a, text: 'Too late' })).toEqual({
			ok: false,
			error: 'Someone in your group has deleted that card.'
		});
		expect(r.send('cat', { kind: 'tag-card', cardId: 'nope', tag: 'patchy' })).toMatchObject({
			ok: false,
			error: expect.stringContaining('could not be found')
		});
		expect(r.state).toEqual(before);
	});

	it('lets only the card’s own group change it', () => {
		const r = room();
		const a = r.add('ann', 1, 'Faculty plan');
		const before = structuredClone(r.state);
		for (const raw of [
			{ kind: 'edit-card', cardId: a, text: 'Hijacked' },
			{ kind: 'tag-card', cardId: a, tag: 'missing' },
			{ kind: 'move-card', cardId: a, step: 4 },
			{ kind: 'delete-card', cardId: a }
		]) {
			expect(r.send('dan', raw)).toEqual({
				ok: false,
				error: 'That card belongs to another group: only its own group can change it.'
			});
		}
		expect(r.state).toEqual(before);
	});

	it('caps a group at 60 cards with a clear message', () => {
		const r = room();
		for (let i = 0; i < 60; i++) r.add(['ann', 'bob', 'cat'][i % 3]!, i % 5, `Practice ${i}`);
		const before = structuredClone(r.state);
		const res = r.send('bob', { kind: 'add-card', step: 0, text: 'One more' });
		expect(res).toMatchObject({
			ok: false,
			error: expect.stringContaining('60 cards, the most allowed')
		});
		expect(r.state).toEqual(before);
		// Another group is not affected by this group's cap.
		expect(r.send('dan', { kind: 'add-card', step: 0, text: 'Ours' }).ok).toBe(true);
	});
});

describe('pm-pyramid group editing', () => {
	it('keeps every one of three concurrent adds from one group', () => {
		const r = room();
		// Three phones send at once; the server applies them in some order and none may be lost.
		r.send('cat', { kind: 'add-card', step: 3, text: 'Appraisal' }, 'cat-1');
		r.send('ann', { kind: 'add-card', step: 3, text: 'Appraisal' }, 'ann-1');
		r.send('bob', { kind: 'add-card', step: 3, text: 'Probation' }, 'bob-1');
		expect(cardsOf(r.state, 'g1').map((c) => [c.id, c.authorId])).toEqual([
			['cat:cat-1', 'cat'],
			['ann:ann-1', 'ann'],
			['bob:bob-1', 'bob']
		]);
	});

	it('two members who happen to send the same input id both keep their card', () => {
		const r = room();
		r.send('ann', { kind: 'add-card', step: 1, text: 'Mine' }, 'same');
		r.send('bob', { kind: 'add-card', step: 1, text: 'Also mine' }, 'same');
		expect(cardsOf(r.state, 'g1').map((c) => c.text)).toEqual(['Mine', 'Also mine']);
	});

	it('resolves two edits of the same text by last write wins, and every phone sees the winner', () => {
		const r = room();
		const a = r.add('ann', 3, 'Appraisal');
		r.send('bob', { kind: 'edit-card', cardId: a, text: 'Annual appraisal' });
		r.send('cat', { kind: 'tag-card', cardId: a, tag: 'works-well' });
		r.send('ann', { kind: 'edit-card', cardId: a, text: 'Appraisal (May–Nov)' });
		for (const who of ['ann', 'bob', 'cat']) {
			const phone = pmPyramid.phone(r.state, { ...view, participantId: who, groupId: 'g1' });
			// The tag from a different field survives the later text edit.
			expect(phone.cards).toEqual([
				expect.objectContaining({ id: a, text: 'Appraisal (May–Nov)', tag: 'works-well' })
			]);
		}
	});

	it('rebuilds an identical state when the same inputs are replayed', () => {
		const r = room();
		const a = r.add('ann', 0, 'Strategy');
		r.add('dan', 2, 'Team KPIs');
		const c = r.add('bob', 4, '1:1s');
		r.send('cat', { kind: 'move-card', cardId: a, step: 1 });
		r.send('eve', { kind: 'set-link', from: 0, strength: 'weak' });
		r.send('ann', { kind: 'tag-card', cardId: c, tag: 'patchy' });
		r.send('bob', { kind: 'delete-card', cardId: a });
		r.send('dan', { kind: 'add-card', step: 3, text: 'Objectives' });
		const replayed = r.log.reduce(
			(s, { input, ctx }) => pmPyramid.reduce(s, input, ctx, config),
			pmPyramid.initial(config)
		);
		expect(JSON.stringify(replayed)).toBe(JSON.stringify(r.state));
		expect(replayed.groups.g1!.cards.length + replayed.groups.g2!.cards.length).toBe(3);
	});

	it('keys someone without a group by their own id (individual grouping)', () => {
		const r = room();
		r.add('zoe', 2, 'My team plan');
		expect(r.state.groups.zoe).toMatchObject({
			solo: true,
			cards: [expect.objectContaining({ text: 'My team plan' })]
		});
		const phone = pmPyramid.phone(r.state, {
			...view,
			participants: [...participants, { id: 'zoe', name: 'Zoe' }],
			participantId: 'zoe',
			groupId: null
		});
		expect(phone.cards.map((c) => c.text)).toEqual(['My team plan']);
		const proj = pmPyramid.projector(r.state, {
			...view,
			participants: [...participants, { id: 'zoe', name: 'Zoe' }]
		});
		expect(proj.groups.map((g) => g.name)).toEqual(['Table 1', 'Table 2', 'Zoe']);
	});
});

describe('pm-pyramid views', () => {
	function busyRoom() {
		const r = room();
		for (let i = 0; i < 5; i++) r.add('ann', 3, `Form ${i}`); // overkill at the default 5
		r.add('bob', 0, 'Strategy');
		r.add('cat', 4, '1:1s');
		r.send('ann', { kind: 'set-link', from: 0, strength: 'strong' });
		r.add('dan', 3, 'Appraisal');
		r.send('eve', { kind: 'set-link', from: 2, strength: 'weak' });
		return r;
	}

	it('flags gaps and overkill per tier, shows links (unmarked as none) and holds no author id', () => {
		const r = busyRoom();
		const proj = pmPyramid.projector(r.state, view);
		const t1 = proj.groups.find((g) => g.id === 'g1')!;
		expect(t1.name).toBe('Table 1');
		expect(t1.tiers.map((t) => [t.cards.length, t.gap, t.overkill])).toEqual([
			[1, false, false],
			[0, true, false],
			[0, true, false],
			[5, false, true],
			[1, false, false]
		]);
		expect(t1.links.map((l) => l.strength)).toEqual(['strong', 'none', 'none', 'none']);
		expect(t1.findings.gaps).toBe('Empty: steps 2, 3');
		expect(t1.findings.overkill).toContain('step 4 (5 cards)');
		// Unmarked links are named as such, not as weak ones; the only marked one is strong.
		expect(t1.findings.linkage).toBe('Not marked yet: 2→3, 3→4, 4→5');
		const json = JSON.stringify(proj);
		// Input ids here embed the author's id, so card ids must not reach the projector either.
		for (const p of participants) expect(json).not.toContain(`"${p.id}"`);
		for (const p of participants) expect(json).not.toContain(`input-${p.id}`);
		expect(proj.debrief.map((d) => d.lens)).toEqual(['gaps', 'overkill', 'linkage']);
	});

	it('overlays all groups: counts per tier and gaps shared by most groups', () => {
		const r = busyRoom();
		const { overlay } = pmPyramid.projector(r.state, view);
		expect(overlay.started).toBe(2);
		expect(overlay.tiers.map((t) => t.total)).toEqual([1, 0, 0, 6, 1]);
		expect(overlay.tiers[3]!.perGroup).toEqual([
			{ id: 'g1', name: 'Table 1', count: 5 },
			{ id: 'g2', name: 'Table 2', count: 1 }
		]);
		// Empty in both started groups: a shared gap. Empty in one of two: not "most".
		expect(overlay.tiers.map((t) => t.gap)).toEqual([false, true, true, false, false]);
		expect(overlay.tiers[3]!.overkillIn).toBe(1);
		expect(overlay.links[2]).toEqual({ from: 2, strong: 0, weak: 1, none: 1 });
	});

	it('names the practices the groups wrote, most common first, with how each group tagged them', () => {
		const r = room();
		r.add('ann', 4, 'Monthly 1:1s');
		r.add('bob', 4, 'monthly  1:1s.'); // the same practice, written a little differently
		r.add('dan', 4, 'Monthly 1:1s');
		r.add('dan', 4, 'Annual appraisal');
		const tag = (who: string, i: number, t: 'works-well' | 'missing') => {
			const g = who === 'dan' ? 'g2' : 'g1';
			r.send(who, { kind: 'tag-card', cardId: cardsOf(r.state, g)[i]!.id, tag: t });
		};
		tag('ann', 0, 'works-well');
		tag('dan', 0, 'missing');
		const tier = pmPyramid.projector(r.state, view).overlay.tiers[4]!;
		expect(tier.distinct).toBe(2);
		expect(tier.practices).toEqual([
			{ text: 'Monthly 1:1s', groups: 2, tags: { 'works-well': 1, patchy: 0, missing: 1 } },
			{ text: 'Annual appraisal', groups: 1, tags: { 'works-well': 0, patchy: 0, missing: 0 } }
		]);
	});

	it('names a room link by the counts there are, solid only when most started groups say strong', () => {
		expect(overlayLink({ from: 1, strong: 0, weak: 2, none: 6 }, 8)).toEqual({
			strength: 'none',
			text: 'weak 2 · none 6'
		});
		expect(overlayLink({ from: 1, strong: 5, weak: 1, none: 0 }, 6).strength).toBe('strong');
		expect(overlayLink({ from: 1, strong: 0, weak: 0, none: 0 }, 0).text).toBe('no links yet');
	});

	it('does not count a group that has not started as a gap everywhere', () => {
		const r = room();
		r.add('ann', 0, 'Strategy');
		const { overlay } = pmPyramid.projector(r.state, view);
		expect(overlay.started).toBe(1);
		expect(overlay.tiers[0]!.gap).toBe(false);
		expect(overlay.tiers[1]!.gap).toBe(true);
	});

	it('gives a phone only its own group’s cards, flagging the ones it wrote', () => {
		const r = busyRoom();
		const phone = pmPyramid.phone(r.state, { ...view, participantId: 'eve', groupId: 'g2' });
		expect(phone.cards.map((c) => [c.text, c.mine])).toEqual([['Appraisal', false]]);
		expect(phone.links).toEqual([null, null, 'weak', null]);
		expect(phone.steps).toEqual(config.steps);
		const json = JSON.stringify(phone);
		for (const other of ['Form 0', 'Strategy', '1:1s', 'ann', 'bob', 'cat'])
			expect(json).not.toContain(other);
		const mine = pmPyramid.phone(r.state, { ...view, participantId: 'bob', groupId: 'g1' });
		expect(mine.cards.filter((c) => c.mine).map((c) => c.text)).toEqual(['Strategy']);
	});

	it('exports one row per card with the author’s name and one per link', () => {
		const r = busyRoom();
		const rows = pmPyramid.exportRows(r.state, view);
		expect(rows.filter((row) => row.item === 'card')).toHaveLength(8);
		expect(rows.filter((row) => row.item === 'link')).toHaveLength(8);
		expect(rows).toContainEqual({
			group: 'Table 2',
			item: 'card',
			step: 4,
			stepLabel: config.steps[3],
			text: 'Appraisal',
			tag: null,
			author: 'Dan',
			link: null
		});
		expect(rows).toContainEqual(
			expect.objectContaining({ group: 'Table 1', item: 'link', step: 1, link: 'strong' })
		);
		expect(rows).toContainEqual(
			expect.objectContaining({ group: 'Table 1', item: 'link', step: 2, link: 'not marked' })
		);
		// Every row has the same columns, so a CSV has one header.
		expect(new Set(rows.map((row) => Object.keys(row).join()))).toHaveProperty('size', 1);
	});
});
