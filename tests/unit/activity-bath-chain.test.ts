import { describe, expect, it } from 'vitest';
import { harness } from '../helpers/activity-harness';
import type { ActivityStatus, PersonInfo, ViewContext } from '$lib/activities/contract';
import { bathChain, type Config } from '$lib/activities/bath-chain/type';
import { DEFAULT_STEPS } from '$lib/activities/bath-chain/schema';

const people: PersonInfo[] = ['Ann', 'Bob', 'Cat', 'Dev', 'Eve', 'Fay'].map((name) => ({
	id: `pid-${name.toLowerCase()}`,
	name
}));

function room(raw: Record<string, unknown> = {}) {
	const h = harness(bathChain, raw);
	const view: ViewContext<Config> = {
		config: h.config,
		status: 'open',
		groups: [],
		participants: people
	};
	return {
		...h,
		projector: (status: ActivityStatus = 'open') =>
			bathChain.projector(h.state, { ...view, status }),
		phone: (participantId: string) =>
			bathChain.phone(h.state, { ...view, participantId, groupId: null }),
		rows: () => bathChain.exportRows(h.state, view),
		evidence: (participantId: string) =>
			bathChain.evidence!(h.state, { ...view, participantId, groupId: null })
	};
}

describe('Bath chain', () => {
	it('ships the six links of the chain in causal order, and checks a trainer’s own', () => {
		expect(bathChain.config.parse(undefined).steps).toEqual(DEFAULT_STEPS);
		expect(DEFAULT_STEPS[0]).toMatch(/policies/i);
		expect(DEFAULT_STEPS.at(-1)).toBe('Performance');
		expect(bathChain.config.safeParse({ steps: ['a', 'b'] }).error?.issues[0]?.message).toBe(
			'the chain needs at least 3 links'
		);
		expect(bathChain.config.safeParse({ colour: 'red' }).error?.issues[0]?.message).toContain(
			'unknown setting "colour"'
		);
	});

	it('counts one tap per person; a new tap replaces the old one; replay rebuilds it', () => {
		const r = room({ liveAfter: 3 });
		r.ok('pid-ann', { kind: 'choose', step: 2 });
		r.ok('pid-bob', { kind: 'choose', step: 2 });
		r.ok('pid-cat', { kind: 'choose', step: 0 });
		r.ok('pid-cat', { kind: 'choose', step: 4 });
		expect(r.projector().counts).toEqual([0, 0, 2, 0, 1, 0]);
		expect(r.projector().answered).toBe(3);
		r.ok('pid-bob', { kind: 'clear' });
		expect(r.projector().counts).toBeNull(); // below liveAfter again
		expect(r.replay()).toEqual(r.state);
	});

	it('refuses a link that is not on the chain with a message, and changes nothing', () => {
		const r = room({ steps: ['a', 'b', 'c'] });
		expect(r.send('pid-ann', { kind: 'choose', step: 3 })).toEqual({
			ok: false,
			error: 'Tap one of the links of the chain.'
		});
		expect(r.send('pid-ann', { kind: 'choose', step: -1 }).ok).toBe(false);
		expect(r.send('pid-ann', { kind: 'pick', step: 1 }).ok).toBe(false);
		expect(r.state.choices).toEqual({});
	});

	it('holds the counts until enough have tapped, unless the trainer shows them', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'choose', step: 2 });
		expect(r.projector().counts).toBeNull();
		expect(r.projector('revealed').counts).toEqual([0, 0, 1, 0, 0, 0]);
		for (const p of people.slice(1, 5)) r.ok(p.id, { kind: 'choose', step: 3 });
		expect(r.projector().counts).toEqual([0, 0, 1, 4, 0, 0]);
	});

	it('privacy: the projector carries no ids or names; a phone sees only its own tap', () => {
		const r = room();
		r.ok('pid-ann', { kind: 'choose', step: 1 });
		r.ok('pid-bob', { kind: 'choose', step: 5 });
		const text = JSON.stringify(r.projector('revealed'));
		for (const p of people) {
			expect(text).not.toContain(p.id);
			expect(text).not.toContain(p.name);
		}
		expect(r.phone('pid-ann').mine).toBe(1);
		expect(r.phone('pid-cat').mine).toBeNull();
		expect(JSON.stringify(r.phone('pid-ann'))).not.toContain('pid-bob');
		expect(r.evidence('pid-bob')[0]!.lines[1]!.text).toBe('Performance');
		expect(r.evidence('pid-cat')).toEqual([]);
	});

	it('exports one row per person with the link they chose', () => {
		const r = room();
		r.ok('pid-eve', { kind: 'choose', step: 2 });
		expect(r.rows()).toEqual([
			{ participant: 'Eve', link: 3, 'where I most influence performance': DEFAULT_STEPS[2] }
		]);
	});
});
