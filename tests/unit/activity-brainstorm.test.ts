import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	InputRejected,
	type ActivityStatus,
	type PersonInfo,
	type TrainerContext
} from '$lib/activities/contract';
import { brainstorm as type, type State, type TrainerInput } from '$lib/activities/brainstorm/type';
import { wordCounts } from '$lib/activities/brainstorm/words';
import { seededRandom } from '$lib/activities/shared/random';
import { appRoot } from '$lib/server/paths';
import Phone from '$lib/activities/brainstorm/Phone.svelte';
import Projector from '$lib/activities/brainstorm/Projector.svelte';
import Remote from '$lib/activities/brainstorm/Remote.svelte';
import { harness } from '../helpers/activity-harness';

const ids = ['ann', 'bob', 'cat', 'dan', 'eve'];
const participants: PersonInfo[] = ids.map((id) => ({ id, name: id.toUpperCase() }));

/** Phones through the harness; trainer actions through the type's trainer reducer, logged in the same order. */
function room(raw: unknown = {}) {
	const h = harness(type, raw);
	const order: (
		| { who: 'phone'; i: number }
		| { who: 'trainer'; input: TrainerInput; ctx: Omit<TrainerContext, 'random'> }
	)[] = [];
	let seq = 0;
	const ok = (pid: string, input: unknown) => {
		h.ok(pid, input);
		order.push({ who: 'phone', i: h.log.length - 1 });
	};
	const send = (pid: string, input: unknown) => {
		const r = h.send(pid, input);
		if (r.ok) order.push({ who: 'phone', i: h.log.length - 1 });
		return r;
	};
	const act = (raw: unknown) => {
		const input = type.trainer!.input.parse(raw) as TrainerInput;
		seq += 1;
		const ctx = { inputId: `t-${seq}`, at: 9000 + seq, groups: [], participants };
		type.trainer!.reduce(h.state, input, { ...ctx, random: seededRandom(ctx.inputId) }, h.config);
		order.push({ who: 'trainer', input, ctx });
	};
	/** The whole log, phones and trainer interleaved, onto a fresh state. */
	const replay = (): State =>
		order.reduce((s, e) => {
			if (e.who === 'phone') {
				const { input, ctx } = h.log[e.i]!;
				return type.reduce(s, input, ctx, h.config);
			}
			return type.trainer!.reduce(
				s,
				e.input,
				{ ...e.ctx, random: seededRandom(e.ctx.inputId) },
				h.config
			);
		}, type.initial(h.config));
	const view = (status: ActivityStatus = 'open') => ({
		config: h.config,
		status,
		groups: [],
		participants
	});
	const projector = (status: ActivityStatus = 'open') => type.projector(h.state, view(status));
	const phone = (pid: string) =>
		type.phone(h.state, { ...view(), participantId: pid, groupId: null });
	/** The card's public ref, as screens and inputs use it. */
	const idOf = (text: string) => h.state.ideas.find((i) => i.text === text)!.ref;
	return { ...h, ok, send, act, replay, projector, phone, idOf };
}

describe('brainstorm config', () => {
	it('defaults to 3 votes and 15 ideas each, and parses its own output the same', () => {
		const config = type.config.parse(undefined);
		expect(config).toMatchObject({
			prompt: '',
			votesPerPerson: 3,
			maxIdeasPerPerson: 15,
			target: 0,
			themes: []
		});
		expect(type.config.parse(config)).toEqual(config);
	});

	it('refuses nonsense settings with a readable message', () => {
		const r = type.config.safeParse({ votesPerPerson: 0 });
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]!.message).toMatch(/votes per person/);
		expect(type.config.safeParse({ colour: 'red' }).success).toBe(false);
	});

	it('ships activities/reward-brainstorm.yaml with a valid config and starting themes', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'reward-brainstorm.yaml'), 'utf8')
		);
		expect(file.type).toBe('brainstorm');
		const config = type.config.parse(file.config);
		expect(config.target).toBe(30);
		expect(type.initial(config).themes.length).toBe(config.themes.length);
		expect(config.themes.length).toBeGreaterThan(0);
	});
});

describe('brainstorm ideas', () => {
	it('keeps every card when several phones add at once, with ids that never collide', () => {
		const r = room();
		for (const pid of ids)
			for (let n = 0; n < 3; n++) r.ok(pid, { kind: 'add', text: `${pid} idea ${n}` });
		expect(r.state.ideas).toHaveLength(15);
		expect(new Set(r.state.ideas.map((i) => i.id)).size).toBe(15);
		expect(r.state.ideas.every((i) => i.id.startsWith(`${i.authorId}:`))).toBe(true);
		expect(r.projector().ideaCount).toBe(15);
		expect(r.projector().contributors).toBe(5);
	});

	it('applies a retried add (same input id) once', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Say thank you in person' });
		const { input, ctx } = r.log[0]!;
		type.reduce(r.state, input, ctx, r.config);
		expect(r.state.ideas).toHaveLength(1);
	});

	it('tidies spaces and refuses empty or over-long cards', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: '  Extra   day\n off ' });
		expect(r.state.ideas[0]!.text).toBe('Extra day off');
		expect(r.send('ann', { kind: 'add', text: '   ' })).toEqual({
			ok: false,
			error: 'Type an idea before adding it.'
		});
		expect(r.send('ann', { kind: 'add', text: 'x'.repeat(81) }).ok).toBe(false);
	});

	it('stops at the per-person limit', () => {
		const r = room({ maxIdeasPerPerson: 2 });
		r.ok('ann', { kind: 'add', text: 'one' });
		r.ok('ann', { kind: 'add', text: 'two' });
		const third = r.send('ann', { kind: 'add', text: 'three' });
		expect(third.ok).toBe(false);
		expect(r.send('bob', { kind: 'add', text: 'three' }).ok).toBe(true);
		// One idea each: said in the singular.
		const one = room({ maxIdeasPerPerson: 1 });
		one.ok('ann', { kind: 'add', text: 'one' });
		expect(one.send('ann', { kind: 'add', text: 'two' })).toEqual({
			ok: false,
			error: 'You have added 1 idea, the most allowed. Edit or delete one to add another.'
		});
	});

	it('lets only the author edit or delete a card', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Flexible hours' });
		const id = r.idOf('Flexible hours');
		expect(r.send('bob', { kind: 'edit', ideaId: id, text: 'Mine now' })).toEqual({
			ok: false,
			error: 'Only the person who wrote an idea can change it.'
		});
		expect(r.send('bob', { kind: 'delete', ideaId: id }).ok).toBe(false);
		r.ok('ann', { kind: 'edit', ideaId: id, text: 'Flexible start times' });
		expect(r.state.ideas[0]!.text).toBe('Flexible start times');
		r.ok('ann', { kind: 'delete', ideaId: id });
		expect(r.state.ideas).toHaveLength(0);
		expect(r.send('ann', { kind: 'edit', ideaId: id, text: 'again' })).toEqual({
			ok: false,
			error: 'That idea has been deleted.'
		});
	});
});

describe('brainstorm trainer: merge and themes', () => {
	it('merges a duplicate: its votes move over and its author sees where it went', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Thank-you card' });
		r.ok('bob', { kind: 'add', text: 'Handwritten thank you note' });
		const a = r.idOf('Thank-you card');
		const b = r.idOf('Handwritten thank you note');
		r.act({ kind: 'voting', open: true });
		r.ok('cat', { kind: 'vote', ideaId: a });
		r.ok('dan', { kind: 'vote', ideaId: b });
		r.ok('eve', { kind: 'vote', ideaId: b });
		r.act({ kind: 'merge', intoId: a, fromId: b });

		const bob = r.phone('bob');
		expect(bob.mine).toEqual([
			{
				id: b,
				text: 'Handwritten thank you note',
				status: 'merged',
				mergedWith: 'Thank-you card',
				theme: null
			}
		]);
		expect(r.send('bob', { kind: 'edit', ideaId: b, text: 'x' }).ok).toBe(false);
		// Dan unvotes the card he voted for: the dot is found on the card that stayed.
		r.ok('dan', { kind: 'unvote', ideaId: b });
		r.act({ kind: 'voting', open: false });
		const top = r.projector('revealed').top!;
		expect(top).toEqual([{ id: a, text: 'Thank-you card', votes: 2, theme: null, rank: 1 }]);
		expect(r.projector().wall.flatMap((t) => t.cards)).toEqual([
			{ id: a, text: 'Thank-you card', merged: 1 }
		]);
	});

	it('refuses merging a card into itself or into a card already merged', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'A' });
		r.ok('bob', { kind: 'add', text: 'B' });
		r.ok('cat', { kind: 'add', text: 'C' });
		expect(() => r.act({ kind: 'merge', intoId: r.idOf('A'), fromId: r.idOf('A') })).toThrow(
			InputRejected
		);
		r.act({ kind: 'merge', intoId: r.idOf('A'), fromId: r.idOf('B') });
		expect(() => r.act({ kind: 'merge', intoId: r.idOf('B'), fromId: r.idOf('C') })).toThrow(
			/already been merged/
		);
		// A chain (A into C after B into A) leaves B pointing at C, one hop.
		r.act({ kind: 'merge', intoId: r.idOf('C'), fromId: r.idOf('A') });
		expect(r.state.ideas.find((i) => i.text === 'B')!.mergedInto).toBe(r.idOf('C'));
		expect(r.phone('bob').mine[0]!.mergedWith).toBe('C');
	});

	it('creates, renames and removes themes and sorts cards into them', () => {
		const r = room({ themes: ['Recognition'] });
		r.ok('ann', { kind: 'add', text: 'Public praise' });
		r.ok('bob', { kind: 'add', text: 'Training budget' });
		r.act({ kind: 'add-theme', name: 'Development' });
		const dev = r.state.themes.find((t) => t.name === 'Development')!.id;
		r.act({ kind: 'assign', ideaIds: [r.idOf('Public praise')], themeId: 'preset-1' });
		r.act({ kind: 'assign', ideaIds: [r.idOf('Training budget')], themeId: dev });
		r.act({ kind: 'rename-theme', themeId: dev, name: 'Learning' });
		expect(r.projector().wall.map((t) => [t.name, t.cards.map((c) => c.text)])).toEqual([
			['Recognition', ['Public praise']],
			['Learning', ['Training budget']]
		]);
		expect(r.phone('bob').mine[0]!.theme).toBe('Learning');
		expect(() => r.act({ kind: 'add-theme', name: 'learning' })).toThrow(/already a theme/);
		expect(() =>
			r.act({ kind: 'assign', ideaIds: [r.idOf('Public praise')], themeId: 'nope' })
		).toThrow(InputRejected);
		r.act({ kind: 'remove-theme', themeId: dev });
		expect(r.projector().wall.map((t) => t.name)).toEqual(['Recognition', 'Not sorted yet']);
	});

	it('takes an unsuitable card off the wall, tells its author, and gives the votes back', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Something rude' });
		const id = r.idOf('Something rude');
		r.act({ kind: 'voting', open: true });
		r.ok('bob', { kind: 'vote', ideaId: id });
		r.act({ kind: 'remove-idea', ideaId: id });
		expect(r.projector().ideaCount).toBe(0);
		expect(r.phone('ann').mine[0]!.status).toBe('removed');
		expect(r.phone('bob').votesLeft).toBe(3);
	});
});

describe('brainstorm voting', () => {
	function voting(raw: unknown = {}) {
		const r = room(raw);
		for (const t of ['Pay rise', 'Day off', 'Mentoring']) r.ok('ann', { kind: 'add', text: t });
		r.act({ kind: 'voting', open: true });
		return r;
	}

	it('refuses votes while voting is closed', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Pay rise' });
		expect(r.send('bob', { kind: 'vote', ideaId: r.idOf('Pay rise') })).toEqual({
			ok: false,
			error: 'Voting is not open. The trainer will say when to vote.'
		});
		expect(r.phone('bob').ballot).toBeNull();
	});

	it('never gives a person more than N votes; stacking on one card is allowed; unvote frees one', () => {
		const r = voting({ votesPerPerson: 3 });
		const pay = r.idOf('Pay rise');
		r.ok('bob', { kind: 'vote', ideaId: pay });
		r.ok('bob', { kind: 'vote', ideaId: pay });
		r.ok('bob', { kind: 'vote', ideaId: r.idOf('Day off') });
		const fourth = r.send('bob', { kind: 'vote', ideaId: r.idOf('Mentoring') });
		expect(fourth.ok).toBe(false);
		expect(r.state.votes.bob).toHaveLength(3);
		expect(r.phone('bob').votesLeft).toBe(0);
		r.ok('bob', { kind: 'unvote', ideaId: pay });
		expect(r.phone('bob').votesLeft).toBe(1);
		expect(r.phone('bob').ballot!.find((c) => c.id === pay)!.myVotes).toBe(1);
		r.ok('bob', { kind: 'vote', ideaId: r.idOf('Mentoring') });
		expect(r.send('bob', { kind: 'unvote', ideaId: r.idOf('Pay rise') }).ok).toBe(true);
		expect(r.send('bob', { kind: 'unvote', ideaId: r.idOf('Pay rise') })).toEqual({
			ok: false,
			error: 'You have no vote on that idea.'
		});
		r.ok('bob', { kind: 'vote', ideaId: r.idOf('Day off') });
		expect(r.send('bob', { kind: 'vote', ideaId: r.idOf('Day off') })).toEqual({
			ok: false,
			error: 'You have used all 3 votes. Take one back to vote for something else.'
		});
		const single = voting({ votesPerPerson: 1 });
		single.ok('bob', { kind: 'vote', ideaId: single.idOf('Day off') });
		expect(single.send('bob', { kind: 'vote', ideaId: single.idOf('Pay rise') })).toEqual({
			ok: false,
			error: 'You have used your vote. Take one back to vote for something else.'
		});
	});

	it('counts a retried vote (same input id) once', () => {
		const r = voting();
		r.ok('bob', { kind: 'vote', ideaId: r.idOf('Day off') });
		const { input, ctx } = r.log.at(-1)!;
		type.reduce(r.state, input, ctx, r.config);
		expect(r.state.votes.bob).toHaveLength(1);
	});

	it('freezes the cards while voting and refuses unvotes after it closes', () => {
		const r = voting();
		const pay = r.idOf('Pay rise');
		expect(r.send('ann', { kind: 'edit', ideaId: pay, text: 'Bonus' }).ok).toBe(false);
		expect(r.send('cat', { kind: 'add', text: 'New' }).ok).toBe(false);
		r.ok('bob', { kind: 'vote', ideaId: pay });
		r.act({ kind: 'voting', open: false });
		expect(r.send('bob', { kind: 'unvote', ideaId: pay }).ok).toBe(false);
		expect(r.send('bob', { kind: 'vote', ideaId: pay }).ok).toBe(false);
		expect(r.state.votes.bob).toHaveLength(1);
	});

	it('orders top ideas by votes (ties: first added), shares ranks, and hides counts until revealed', () => {
		const r = voting();
		const [pay, off, men] = ['Pay rise', 'Day off', 'Mentoring'].map((t) => r.idOf(t));
		r.ok('bob', { kind: 'vote', ideaId: men });
		r.ok('cat', { kind: 'vote', ideaId: men });
		r.ok('dan', { kind: 'vote', ideaId: off });
		r.ok('eve', { kind: 'vote', ideaId: pay });
		expect(r.projector('open').top).toBeNull();
		expect(r.projector('closed').top).toBeNull();
		expect(r.projector('open').voters).toBe(4);
		expect(JSON.stringify(r.projector('open'))).not.toMatch(/"votes"/);
		const top = r.projector('revealed').top!;
		expect(top.map((t) => [t.text, t.votes, t.rank])).toEqual([
			['Mentoring', 2, 1],
			['Pay rise', 1, 2],
			['Day off', 1, 2]
		]);
	});
});

describe('brainstorm word cloud', () => {
	it('counts words once per card, ignoring stop words, case and punctuation', () => {
		const counts = wordCounts([
			'Thank you from the boss',
			'A thank-you note',
			'THANK the team, thank the team!',
			'Team lunch and a day off'
		]);
		expect(counts.slice(0, 2)).toEqual([
			{ word: 'thank', count: 3 },
			{ word: 'team', count: 2 }
		]);
		const words = counts.map((c) => c.word);
		for (const stop of ['the', 'a', 'and', 'you', 'from']) expect(words).not.toContain(stop);
		expect(words).not.toContain('thank-you');
		expect(words).toContain('lunch');
		expect(wordCounts(["Don’t skip the boss's thanks"]).map((c) => c.word)).toEqual([
			"boss's",
			'skip',
			'thanks'
		]);
	});

	it('feeds the projector from the cards, merged duplicates included, removed ones not', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Flexible hours' });
		r.ok('bob', { kind: 'add', text: 'flexible working' });
		r.ok('cat', { kind: 'add', text: 'Nasty flexible' });
		r.act({ kind: 'merge', intoId: r.idOf('Flexible hours'), fromId: r.idOf('flexible working') });
		r.act({ kind: 'remove-idea', ideaId: r.idOf('Nasty flexible') });
		expect(r.projector().words).toContainEqual({ word: 'flexible', count: 2 });
		expect(r.projector().words.map((w) => w.word)).not.toContain('nasty');
	});
});

describe('brainstorm privacy and replay', () => {
	it('never puts an author on the projector, and a phone sees only its own ideas and dots', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Long lunch' });
		r.ok('bob', { kind: 'add', text: 'Early finish' });
		r.act({ kind: 'voting', open: true });
		r.ok('cat', { kind: 'vote', ideaId: r.idOf('Long lunch') });
		r.act({ kind: 'voting', open: false });
		for (const status of ['open', 'closed', 'revealed'] as const) {
			// Internal card ids start with the author's id, so neither ids nor names may appear.
			const text = JSON.stringify(r.projector(status)).toLowerCase();
			for (const id of ids) expect(text).not.toContain(id);
		}
		const bob = r.phone('bob');
		expect(bob.mine.map((m) => m.text)).toEqual(['Early finish']);
		expect(bob.ballot).toBeNull();
		expect(bob.votesLeft).toBe(3);
	});

	it('gives voting phones an anonymous ballot with only their own dots', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'Long lunch' });
		r.ok('bob', { kind: 'add', text: 'Early finish' });
		r.act({ kind: 'voting', open: true });
		r.ok('ann', { kind: 'vote', ideaId: r.idOf('Early finish') });
		r.ok('ann', { kind: 'vote', ideaId: r.idOf('Early finish') });
		const bob = r.phone('bob');
		expect(bob.ballot).toEqual([
			{ id: r.idOf('Long lunch'), text: 'Long lunch', mine: false, myVotes: 0 },
			{ id: r.idOf('Early finish'), text: 'Early finish', mine: true, myVotes: 0 }
		]);
		expect(JSON.stringify(bob).toLowerCase()).not.toContain('ann');
		expect(r.phone('ann').votesLeft).toBe(1);
	});

	it('rebuilds exactly the same state from the log', () => {
		const r = room({ themes: ['Recognition'] });
		for (const pid of ids) r.ok(pid, { kind: 'add', text: `Idea from ${pid}` });
		r.ok('ann', {
			kind: 'edit',
			ideaId: r.idOf('Idea from ann'),
			text: 'Coffee with the director'
		});
		r.ok('bob', { kind: 'delete', ideaId: r.idOf('Idea from bob') });
		r.act({ kind: 'add-theme', name: 'Time' });
		r.act({ kind: 'assign', ideaIds: [r.idOf('Idea from cat')], themeId: 'preset-1' });
		r.act({ kind: 'merge', intoId: r.idOf('Idea from cat'), fromId: r.idOf('Idea from dan') });
		r.act({ kind: 'voting', open: true });
		r.ok('eve', { kind: 'vote', ideaId: r.idOf('Idea from cat') });
		r.ok('eve', { kind: 'vote', ideaId: r.idOf('Idea from cat') });
		r.ok('dan', { kind: 'vote', ideaId: r.idOf('Coffee with the director') });
		r.ok('eve', { kind: 'unvote', ideaId: r.idOf('Idea from cat') });
		r.act({ kind: 'show', display: 'cloud' });
		expect(r.replay()).toEqual(r.state);
		expect(
			type.projector(r.replay(), { config: r.config, status: 'revealed', groups: [], participants })
		).toEqual(r.projector('revealed'));
	});

	it('exports one row per card with its author, votes and fate', () => {
		const r = room();
		r.ok('ann', { kind: 'add', text: 'A' });
		r.ok('bob', { kind: 'add', text: 'B' });
		r.act({ kind: 'merge', intoId: r.idOf('A'), fromId: r.idOf('B') });
		const rows = type.exportRows(r.state, {
			config: r.config,
			status: 'closed',
			groups: [],
			participants
		});
		expect(rows).toEqual([
			{
				card: 'c1',
				idea: 'A',
				theme: null,
				votes: 0,
				status: 'on wall',
				mergedInto: null,
				author: 'ANN'
			},
			{
				card: 'c2',
				idea: 'B',
				theme: null,
				votes: 0,
				status: 'merged',
				mergedInto: 'A',
				author: 'BOB'
			}
		]);
	});
});

describe('brainstorm views render', () => {
	function busy() {
		const r = room({ themes: ['Saying thank you'], target: 30 });
		r.ok('ann', { kind: 'add', text: 'Thank-you note from the head of school' });
		r.ok('bob', { kind: 'add', text: 'Public thank you in the team meeting' });
		r.ok('cat', { kind: 'add', text: 'Conference budget' });
		r.act({
			kind: 'assign',
			ideaIds: [r.idOf('Public thank you in the team meeting')],
			themeId: 'preset-1'
		});
		r.act({ kind: 'voting', open: true });
		r.ok('dan', { kind: 'vote', ideaId: r.idOf('Conference budget') });
		return r;
	}
	const sendOk = async () => ({ ok: true as const });

	it('renders the projector wall, cloud and top ideas without names, and counts only on reveal', () => {
		const r = busy();
		const wall = render(Projector, {
			props: { view: r.projector('open'), status: 'open', focusGroupId: null, groups: [] }
		}).body;
		expect(wall).toContain('Saying thank you');
		expect(wall).toContain('Not sorted yet');
		expect(wall).toContain('3</b> of 30 ideas');
		expect(wall).toContain('1 person voted so far');
		for (const id of ids) expect(wall.toLowerCase()).not.toContain(`${id}:`);
		r.act({ kind: 'voting', open: false });
		r.act({ kind: 'show', display: 'cloud' });
		const cloud = render(Projector, {
			props: { view: r.projector('open'), status: 'open', focusGroupId: null, groups: [] }
		}).body;
		expect(cloud).toMatch(/<li[^>]*class="[^"]*strong[^"]*"[^>]*>thank<\/li>/);
		r.act({ kind: 'show', display: 'top' });
		const hidden = render(Projector, {
			props: { view: r.projector('closed'), status: 'closed', focusGroupId: null, groups: [] }
		}).body;
		expect(hidden).toContain('stay hidden');
		const shown = render(Projector, {
			props: { view: r.projector('revealed'), status: 'revealed', focusGroupId: null, groups: [] }
		}).body;
		expect(shown).toContain('Conference budget');
		expect(shown).toContain('<b>1</b>');
	});

	it('renders the phone ballot with votes left, and the remote controls', () => {
		const r = busy();
		const phone = render(Phone, {
			props: {
				view: r.phone('dan'),
				status: 'open',
				send: sendOk,
				me: participants[3]!,
				group: null
			}
		}).body;
		expect(phone).toContain('2 of 3 votes left');
		expect(phone).toContain('Conference budget');
		const remote = render(Remote, {
			props: { view: r.projector('open'), status: 'open', groups: [], send: sendOk }
		}).body;
		expect(remote).toContain('Close voting');
		expect(remote).toContain('Same as…');
		// Once results are shown, phones cannot vote: the remote offers no voting to open or close.
		const shown = render(Remote, {
			props: { view: r.projector('revealed'), status: 'revealed', groups: [], send: sendOk }
		}).body;
		expect(shown).not.toMatch(/(Open|Close) voting/);
		expect(shown).toContain('Same as…');
	});
});
