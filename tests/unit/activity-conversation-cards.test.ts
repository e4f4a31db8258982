import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	InputRejected,
	type ActivityStatus,
	type GroupInfo,
	type PersonInfo,
	type TrainerContext
} from '$lib/activities/contract';
import {
	conversationCards as type,
	type Config,
	type State,
	type TrainerInput
} from '$lib/activities/conversation-cards/type';
import { DEFAULT_DECK } from '$lib/activities/conversation-cards/deck';
import { CAUSES, FIELDS } from '$lib/activities/conversation-cards/words';
import { seededRandom } from '$lib/activities/shared/random';
import { appRoot } from '$lib/server/paths';
import { harness } from '../helpers/activity-harness';

const people = (ids: string[]): PersonInfo[] => ids.map((id) => ({ id, name: id.toUpperCase() }));
const trios: GroupInfo[] = [
	{ id: 'g1', name: 'Table 1', memberIds: ['ann', 'bob', 'cat'] },
	{ id: 'g2', name: 'Table 2', memberIds: ['dan', 'eve', 'fay'] },
	{ id: 'g3', name: 'Table 3', memberIds: ['gus', 'hal', 'ivy'] }
];
const everyone = people(trios.flatMap((g) => g.memberIds));
const groupOf = (groups: GroupInfo[]) => (id: string) =>
	groups.find((g) => g.memberIds.includes(id))?.id ?? null;

/** A room: the harness for phones, plus trainer actions through the type's own trainer reducer. */
function room(
	raw: unknown = {},
	groups: GroupInfo[] = trios,
	participants: PersonInfo[] = everyone
) {
	const h = harness(type, raw, groupOf(groups));
	const trainerLog: { input: TrainerInput; ctx: TrainerContext }[] = [];
	let seq = 0;
	const act = (input: unknown, seed?: string) => {
		const parsed = type.trainer!.input.parse(input) as TrainerInput;
		seq += 1;
		const inputId = seed ?? `t-${seq}`;
		const ctx: TrainerContext = {
			inputId,
			at: 5000 + seq,
			groups,
			participants,
			random: seededRandom(inputId)
		};
		type.trainer!.reduce(h.state, parsed, ctx, h.config);
		trainerLog.push({ input: parsed, ctx: { ...ctx, random: seededRandom(inputId) } });
	};
	const cardOf = (groupId: string) => h.state.hands[groupId]?.current ?? null;
	const view = (status: ActivityStatus = 'open') => ({
		config: h.config,
		status,
		groups,
		participants
	});
	const phone = (participantId: string, status: ActivityStatus = 'open') =>
		type.phone(h.state, {
			...view(status),
			participantId,
			groupId: groupOf(groups)(participantId)
		});
	return { ...h, act, cardOf, view, phone, trainerLog };
}

describe('conversation-cards config and deck', () => {
	it('defaults to the built-in deck of at least 12 cards that uses every cause category, and is stable when parsed again', () => {
		const config = type.config.parse(undefined);
		expect(config.cards.length).toBeGreaterThanOrEqual(12);
		expect(new Set(config.cards.map((c) => c.likelyCause))).toEqual(new Set(CAUSES));
		expect(new Set(config.cards.map((c) => c.id)).size).toBe(config.cards.length);
		expect(config.groupsDraw).toBe(false);
		expect(config.roundMinutes).toBe(8);
		expect(type.config.parse(config)).toEqual(config);
	});

	it('refuses a deck with a repeated id or an unknown cause, saying which', () => {
		const card = { ...DEFAULT_DECK[0]! };
		const twice = type.config.safeParse({ cards: [card, card] });
		expect(twice.success).toBe(false);
		expect(twice.error!.issues[0]!.message).toMatch(/used twice/);
		const odd = type.config.safeParse({ cards: [{ ...card, likelyCause: 'luck' }] });
		expect(odd.error!.issues[0]!.message).toMatch(/skills, knowledge/);
	});

	it('ships activities/difficult-conversations.yaml whose deck is valid and matches the built-in one', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'difficult-conversations.yaml'), 'utf8')
		);
		expect(file.type).toBe('conversation-cards');
		const config: Config = type.config.parse(file.config);
		expect(config.cards).toEqual(DEFAULT_DECK);
	});
});

describe('content where law or policy matters', () => {
	const PUBLIC = /\b(?:university|council|school|student|lecturer|NHS|trust)\b/i;

	it('has at least four cards set in a university or other public-sector workplace', () => {
		const set = DEFAULT_DECK.filter((c) => PUBLIC.test(`${c.title} ${c.situation}`));
		expect(set.length).toBeGreaterThanOrEqual(4);
	});

	it('offers health, disability or personal circumstances as a cause, and the deck uses it', () => {
		expect(CAUSES).toContain('health');
		expect(DEFAULT_DECK.some((c) => c.likelyCause === 'health')).toBe(true);
		expect(
			type.input.safeParse({ kind: 'choose-cause', cardId: 'x', cause: 'health' }).success
		).toBe(true);
	});

	it('carries trainer notes on health, hygiene, data protection, conduct and safety', () => {
		const note = (id: string) => DEFAULT_DECK.find((c) => c.id === id)?.trainerNote ?? '';
		expect(note('after-surgery')).toMatch(/reasonable adjustments/);
		expect(note('personal-hygiene')).toMatch(/medical cause/);
		expect(note('data-slip')).toMatch(/data protection officer/);
		expect(note('top-seller-rude')).toMatch(/conduct/);
		expect(note('safety-checks')).toMatch(/Safety first/);
	});

	it('shows a dealt card’s note to trainers only: in the trainers’ view, never in any phone’s view', () => {
		const r = room();
		r.act({ kind: 'deal' });
		for (const g of trios) r.act({ kind: 'swap', groupId: g.id });
		// Deal until some group holds a card with a note (the deck has six).
		for (
			let i = 0;
			i < 20 && !trios.some((g) => DEFAULT_DECK.find((c) => c.id === r.cardOf(g.id))?.trainerNote);
			i++
		)
			r.act({ kind: 'deal' }, `note-${i}`);
		const noted = trios.find(
			(g) => DEFAULT_DECK.find((c) => c.id === r.cardOf(g.id))?.trainerNote
		)!;
		const card = DEFAULT_DECK.find((c) => c.id === r.cardOf(noted.id))!;
		const trainers = type.projector(r.state, r.view('revealed'));
		expect(trainers.trainerNotes[card.id]).toBe(card.trainerNote);
		for (const status of ['open', 'revealed'] as const)
			for (const id of everyone.map((p) => p.id)) {
				const seen = JSON.stringify(r.phone(id, status));
				expect(seen).not.toContain('trainerNote');
				expect(seen).not.toContain(card.trainerNote!.slice(0, 40));
			}
		// The projector's own group tiles never carry it either.
		expect(JSON.stringify(trainers.groups)).not.toContain('trainerNote');
	});
});

describe('dealing', () => {
	it('gives every group a different card, and each re-deal a card it has not had while the deck allows (many seeds)', () => {
		for (let seed = 0; seed < 200; seed++) {
			const r = room();
			const had = new Map<string, string[]>(trios.map((g) => [g.id, []]));
			// 16 cards, 3 groups: five deals fit without any group seeing a card twice.
			for (let deal = 0; deal < 5; deal++) {
				r.act({ kind: 'deal' }, `seed-${seed}-deal-${deal}`);
				const dealt = trios.map((g) => r.cardOf(g.id));
				expect(dealt.every((c) => c !== null)).toBe(true);
				expect(new Set(dealt).size).toBe(trios.length);
				for (const g of trios) {
					expect(had.get(g.id)).not.toContain(r.cardOf(g.id));
					had.get(g.id)!.push(r.cardOf(g.id)!);
				}
				expect(r.state.lastDeal?.repeats).toEqual([]);
			}
		}
	});

	it('avoids repeats even once every card has been seen by the room: a small deck, many seeds', () => {
		for (let seed = 0; seed < 300; seed++) {
			// 6 cards, 3 groups: the third deal must reuse cards, each to a group that has not had it.
			const r = room({ cards: DEFAULT_DECK.slice(0, 6) });
			const had = new Map<string, string[]>(trios.map((g) => [g.id, []]));
			for (let deal = 0; deal < 3; deal++) {
				r.act({ kind: 'deal' }, `small-${seed}-${deal}`);
				expect(new Set(trios.map((g) => r.cardOf(g.id))).size).toBe(3);
				for (const g of trios) {
					expect(had.get(g.id)).not.toContain(r.cardOf(g.id));
					had.get(g.id)!.push(r.cardOf(g.id)!);
				}
			}
		}
	});

	it('when the deck runs out gives a free card the group had longest ago, and leaves groups without when there are too few cards', () => {
		const cards = DEFAULT_DECK.slice(0, 4);
		const r = room({ cards });
		r.act({ kind: 'deal' }); // 3 of 4 used
		r.act({ kind: 'deal' }); // each group: one card it has not had exists only for some
		const second = trios.map((g) => r.cardOf(g.id));
		expect(new Set(second).size).toBe(3);
		for (let i = 0; i < 6; i++) r.act({ kind: 'deal' });
		expect(new Set(trios.map((g) => r.cardOf(g.id))).size).toBe(3);
		expect(r.state.lastDeal!.repeats.length).toBeGreaterThan(0);

		const tiny = room({ cards: cards.slice(0, 2) });
		tiny.act({ kind: 'deal' });
		expect(trios.filter((g) => tiny.cardOf(g.id) === null)).toHaveLength(1);
		expect(tiny.state.lastDeal!.without).toHaveLength(1);
		expect(type.projector(tiny.state, tiny.view()).lastDeal!.without[0]).toMatch(/^Table/);
	});

	it('is the same deal for the same action id, so a replay deals the same cards', () => {
		const a = room();
		const b = room();
		a.act({ kind: 'deal' }, 'same-id');
		b.act({ kind: 'deal' }, 'same-id');
		expect(trios.map((g) => a.cardOf(g.id))).toEqual(trios.map((g) => b.cardOf(g.id)));
	});

	it('swaps one group to an unused card it has not had, keeping its old plan', () => {
		const r = room();
		r.act({ kind: 'deal' });
		const before = trios.map((g) => r.cardOf(g.id));
		r.ok('ann', {
			kind: 'edit-plan',
			cardId: before[0],
			field: 'open',
			text: 'Thanks for making time.'
		});
		r.act({ kind: 'swap', groupId: 'g1' });
		const after = r.cardOf('g1');
		expect(before).not.toContain(after);
		expect([r.cardOf('g2'), r.cardOf('g3')]).toEqual(before.slice(1));
		expect(r.state.hands.g1!.plans[before[0]!]!.fields.open!.text).toBe('Thanks for making time.');
		// The old card's plan is closed; the new card starts blank.
		expect(
			r.send('ann', { kind: 'edit-plan', cardId: before[0], field: 'open', text: 'x' })
		).toEqual({ ok: false, error: expect.stringMatching(/new card/) });
		expect(r.phone('ann').plan.open.text).toBe('');
		expect(() => r.act({ kind: 'swap', groupId: 'nope' })).toThrow(InputRejected);
	});

	it('refuses a swap when every other card is with a group', () => {
		const r = room({ cards: DEFAULT_DECK.slice(0, 3) });
		r.act({ kind: 'deal' });
		expect(() => r.act({ kind: 'swap', groupId: 'g2' })).toThrow(/No spare card/);
	});

	it('lets a group draw only when the file allows, once, and never a card another group holds', () => {
		const closed = room();
		expect(closed.send('ann', { kind: 'draw' })).toEqual({
			ok: false,
			error: expect.stringMatching(/trainer deals/)
		});

		const r = room({ groupsDraw: true });
		expect(r.phone('ann').canDraw).toBe(true);
		r.ok('ann', { kind: 'draw' });
		r.ok('dan', { kind: 'draw' });
		expect(r.cardOf('g1')).not.toBeNull();
		expect(r.cardOf('g1')).not.toBe(r.cardOf('g2'));
		expect(r.send('bob', { kind: 'draw' })).toEqual({
			ok: false,
			error: expect.stringMatching(/already has a card/)
		});
		expect(r.phone('bob').canDraw).toBe(false);
		expect(r.send('zed', { kind: 'draw' })).toEqual({
			ok: false,
			error: expect.stringMatching(/not in a group/)
		});
	});
});

describe('role-play rounds', () => {
	const rolesOf = (state: State, round: number, groupId: string) =>
		state.rounds[round]!.groups[groupId]!.roles;

	it('over three rounds in a trio, each person plays manager, employee and observer once', () => {
		const r = room();
		r.act({ kind: 'deal' });
		for (let i = 0; i < 3; i++) r.act({ kind: 'start-round', minutes: 5 });
		for (const g of trios) {
			for (const id of g.memberIds) {
				const played = [0, 1, 2].map((i) => rolesOf(r.state, i, g.id)[id]).sort();
				expect(played).toEqual(['employee', 'manager', 'observer']);
			}
		}
		// A new round ends the one before it; the last one runs with its length and start time.
		expect(r.state.rounds.slice(0, 2).every((x) => x.endedAt !== null)).toBe(true);
		expect(r.state.rounds[2]).toMatchObject({ number: 3, minutes: 5, endedAt: null });
		expect(r.phone('ann').round).toMatchObject({ number: 3, minutes: 5, endedAt: null });
	});

	it('in a pair the two swap manager and employee; in a four each manages once, plays the employee once and observes twice', () => {
		const groups: GroupInfo[] = [
			{ id: 'p', name: 'Pair', memberIds: ['a1', 'a2'] },
			{ id: 'q', name: 'Four', memberIds: ['b1', 'b2', 'b3', 'b4'] }
		];
		const r = room({}, groups, people(['a1', 'a2', 'b1', 'b2', 'b3', 'b4']));
		for (let i = 0; i < 4; i++) r.act({ kind: 'start-round', minutes: 3 });
		expect([0, 1].map((i) => rolesOf(r.state, i, 'p').a1)).toEqual(['manager', 'employee']);
		expect([0, 1].map((i) => rolesOf(r.state, i, 'p').a2)).toEqual(['employee', 'manager']);
		for (const id of groups[1]!.memberIds) {
			const played = [0, 1, 2, 3].map((i) => rolesOf(r.state, i, 'q')[id]).sort();
			expect(played).toEqual(['employee', 'manager', 'observer', 'observer']);
		}
	});

	it('ends a round once, and stores the observer’s checklist and note with the card and round', () => {
		const r = room();
		r.act({ kind: 'deal' });
		expect(() => r.act({ kind: 'end-round' })).toThrow(/No round/);
		r.act({ kind: 'start-round', minutes: 4 });
		const roles = r.state.rounds[0]!.groups.g1!.roles;
		const observer = Object.keys(roles).find((id) => roles[id] === 'observer')!;
		const manager = Object.keys(roles).find((id) => roles[id] === 'manager')!;
		expect(r.send(manager, { kind: 'observe', checks: ['asked'], note: '' })).toEqual({
			ok: false,
			error: expect.stringMatching(/observer/)
		});
		r.ok(observer, { kind: 'observe', checks: ['agreed', 'purpose'], note: 'Good opening.' });
		r.act({ kind: 'end-round' });
		// The observer may finish the note after time is up; the second send replaces the first.
		r.ok(observer, {
			kind: 'observe',
			checks: ['purpose', 'asked', 'agreed'],
			note: 'Good opening; rushed the actions.'
		});
		expect(r.state.observations).toEqual([
			{
				round: 1,
				groupId: 'g1',
				cardId: r.cardOf('g1'),
				observerId: observer,
				checks: ['purpose', 'asked', 'agreed'],
				note: 'Good opening; rushed the actions.',
				at: expect.any(Number)
			}
		]);
		expect(r.phone(observer).observation).toEqual({
			checks: ['purpose', 'asked', 'agreed'],
			note: 'Good opening; rushed the actions.'
		});
		expect(r.phone(manager).observation).toBeNull();
		expect(r.send(observer, { kind: 'observe', checks: [], note: 'x'.repeat(401) }).ok).toBe(false);
		const rows = type.exportRows(r.state, r.view());
		expect(rows.filter((row) => row.item === 'observation')).toEqual([
			expect.objectContaining({
				round: 1,
				group: 'Table 1',
				card: r.cardOf('g1'),
				note: expect.stringMatching(/rushed/)
			})
		]);
	});
});

describe('plans', () => {
	it('a save without its base revision overwrites (scripts), and edits from three members all land', () => {
		const r = room();
		r.act({ kind: 'deal' });
		const card = r.cardOf('g1');
		r.ok('ann', {
			kind: 'edit-plan',
			cardId: card,
			field: 'prepare',
			text: 'Dates of each late handover'
		});
		r.ok('bob', {
			kind: 'edit-plan',
			cardId: card,
			field: 'evidence',
			text: 'Finance stayed late twice'
		});
		r.ok('cat', { kind: 'edit-plan', cardId: card, field: 'actions', text: 'Deadline in writing' });
		r.ok('bob', {
			kind: 'edit-plan',
			cardId: card,
			field: 'prepare',
			text: 'Check the finance calendar'
		});
		const plan = r.phone('ann').plan;
		expect(plan.prepare).toEqual({
			text: 'Check the finance calendar',
			rev: 2,
			by: 'BOB',
			mine: false,
			notice: null
		});
		expect(plan.evidence.text).toBe('Finance stayed late twice');
		expect(plan.actions).toMatchObject({ text: 'Deadline in writing', by: 'CAT' });
		expect(r.phone('cat').plan.actions).toMatchObject({ by: 'You', mine: true });
		expect(type.projector(r.state, r.view()).groups[0]).toMatchObject({ filled: 3, cause: null });

		r.ok('cat', { kind: 'choose-cause', cardId: card, cause: 'information' });
		r.ok('ann', { kind: 'choose-cause', cardId: card, cause: 'skills' });
		expect(r.phone('bob').cause).toEqual({
			value: 'skills',
			by: 'ANN',
			mine: false,
			changed: { from: 'information' }
		});
		expect(r.phone('ann').cause).toMatchObject({ mine: true, changed: null });
		expect(
			r.send('ann', { kind: 'edit-plan', cardId: card, field: 'open', text: 'x'.repeat(601) }).ok
		).toBe(false);
	});

	it('only members of the group holding the card may change its plan', () => {
		const r = room();
		r.act({ kind: 'deal' });
		const card = r.cardOf('g1');
		expect(
			r.send('dan', { kind: 'edit-plan', cardId: card, field: 'open', text: 'Hijack' })
		).toEqual({ ok: false, error: expect.stringMatching(/another group/) });
		expect(r.send('dan', { kind: 'choose-cause', cardId: card, cause: 'skills' }).ok).toBe(false);
		expect(
			r.send('zed', { kind: 'edit-plan', cardId: r.cardOf('g3'), field: 'open', text: 'Hijack' }).ok
		).toBe(false);
		expect(
			r.send('zed', { kind: 'edit-plan', cardId: 'not-dealt', field: 'open', text: 'Hijack' })
		).toEqual({ ok: false, error: expect.stringMatching(/not in one/) });
		expect(r.state.hands.g1!.plans[card!]!.fields).toEqual({});
		expect(r.state.hands.g1!.plans[card!]!.cause).toBeNull();
	});

	it('replaying the log gives an identical state', () => {
		const r = room({ groupsDraw: true });
		// Phones and trainer actions interleave in one ordered log, as the engine stores them.
		const steps: (() => void)[] = [
			() => r.act({ kind: 'deal' }),
			() =>
				r.ok('ann', { kind: 'edit-plan', cardId: r.cardOf('g1'), field: 'open', text: 'Hello' }),
			() => r.act({ kind: 'swap', groupId: 'g2' }),
			() => r.ok('dan', { kind: 'choose-cause', cardId: r.cardOf('g2'), cause: 'resources' }),
			() => r.act({ kind: 'spotlight', groupId: 'g2' }),
			() => r.act({ kind: 'start-round', minutes: 6 }),
			() =>
				r.ok('bob', {
					kind: 'edit-plan',
					cardId: r.cardOf('g1'),
					field: 'evidence',
					text: 'Three dates'
				}),
			() => r.act({ kind: 'deal' })
		];
		const order: ('phone' | 'trainer')[] = [];
		for (const step of steps) {
			const [p, t] = [r.log.length, r.trainerLog.length];
			step();
			order.push(r.log.length > p ? 'phone' : 'trainer');
			expect(r.log.length + r.trainerLog.length).toBe(p + t + 1);
		}
		let fresh = type.initial(r.config);
		let [pi, ti] = [0, 0];
		for (const who of order) {
			if (who === 'phone') {
				const { input, ctx } = r.log[pi++]!;
				fresh = type.reduce(fresh, input, ctx, r.config);
			} else {
				const { input, ctx } = r.trainerLog[ti++]!;
				fresh = type.trainer!.reduce(
					fresh,
					input,
					{ ...ctx, random: seededRandom(ctx.inputId) },
					r.config
				);
			}
		}
		expect(fresh).toEqual(r.state);
		expect(JSON.stringify(fresh)).toBe(JSON.stringify(r.state));
	});
});

describe('privacy and views', () => {
	function played() {
		const r = room();
		r.act({ kind: 'deal' });
		r.ok('ann', {
			kind: 'edit-plan',
			cardId: r.cardOf('g1'),
			field: 'evidence',
			text: 'SECRET-PLAN-G1'
		});
		r.ok('ann', { kind: 'choose-cause', cardId: r.cardOf('g1'), cause: 'motivation' });
		return r;
	}
	const likelyOf = (cardId: string | null) =>
		DEFAULT_DECK.find((c) => c.id === cardId)!.likelyCause;

	it('keeps every card’s likely cause out of phone and projector views until revealed', () => {
		const r = played();
		for (const status of ['open', 'closed'] as const) {
			const projector = type.projector(r.state, r.view(status));
			expect(projector.groups.every((g) => g.card && g.card.likelyCause === null)).toBe(true);
			expect(projector.reveal).toBeNull();
			expect(JSON.stringify(projector)).not.toMatch(/likelyCause":"/);
			for (const p of everyone)
				expect(JSON.stringify(r.phone(p.id, status))).not.toMatch(/likelyCause":"/);
		}
		const revealed = type.projector(r.state, r.view('revealed'));
		expect(revealed.groups[0]!.card!.likelyCause).toBe(likelyOf(r.cardOf('g1')));
		expect(r.phone('dan', 'revealed').card!.likelyCause).toBe(likelyOf(r.cardOf('g2')));
		expect(revealed.reveal!.rows[0]).toMatchObject({
			groupName: 'Table 1',
			chosen: 'motivation',
			likely: likelyOf(r.cardOf('g1'))
		});
		expect(revealed.reveal!.rows).toHaveLength(3);
		expect(revealed.reveal!.tally.reduce((n, t) => n + t.likely, 0)).toBe(3);
		expect(revealed.reveal!.sides.chosen.person).toBe(1);
	});

	it('never shows a phone another group’s plan or card', () => {
		const r = played();
		const dan = r.phone('dan');
		expect(JSON.stringify(dan)).not.toContain('SECRET-PLAN-G1');
		expect(dan.card!.id).toBe(r.cardOf('g2'));
		expect(dan.cause.value).toBeNull();
		expect(JSON.stringify(r.phone('zed'))).not.toContain('SECRET-PLAN-G1');
		expect(r.phone('bob').plan.evidence.text).toBe('SECRET-PLAN-G1');
	});

	it('spotlights a group or none, and exports one row per group per card with every plan field', () => {
		const r = played();
		r.act({ kind: 'spotlight', groupId: 'g1' });
		expect(type.projector(r.state, r.view()).spotlight).toBe('g1');
		r.act({ kind: 'spotlight', groupId: null });
		expect(type.projector(r.state, r.view()).spotlight).toBeNull();
		expect(() => r.act({ kind: 'spotlight', groupId: 'gone' })).toThrow(InputRejected);
		r.act({ kind: 'swap', groupId: 'g1' });
		const rows = type.exportRows(r.state, r.view()).filter((row) => row.item === 'plan');
		expect(rows).toHaveLength(4);
		const first = rows.find((row) => row.group === 'Table 1' && row.current === false)!;
		expect(first).toMatchObject({ evidence: 'SECRET-PLAN-G1', chosenCause: 'Motivation' });
		for (const f of FIELDS) expect(first).toHaveProperty(f);
		expect(
			new Set(type.exportRows(r.state, r.view()).map((row) => Object.keys(row).join()))
		).toHaveProperty('size', 1);
	});
});
