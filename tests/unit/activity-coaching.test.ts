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
	coaching as type,
	type Config,
	type State,
	type TrainerInput
} from '$lib/activities/coaching/type';
import { assignRoles, countRoles } from '$lib/activities/coaching/roles';
import type { Role } from '$lib/activities/coaching/words';
import { seededRandom } from '$lib/activities/shared/random';
import { appRoot } from '$lib/server/paths';
import { harness } from '../helpers/activity-harness';

const people = (ids: string[]): PersonInfo[] => ids.map((id) => ({ id, name: `Name-${id}` }));
const trios: GroupInfo[] = [
	{ id: 'g1', name: 'Table 1', memberIds: ['ann', 'bob', 'cat'] },
	{ id: 'g2', name: 'Table 2', memberIds: ['dan', 'eve', 'fay'] }
];
const groupOf = (groups: GroupInfo[]) => (id: string) =>
	groups.find((g) => g.memberIds.includes(id))?.id ?? null;

function room(groups: GroupInfo[] = trios, raw: unknown = {}) {
	const participants = people(groups.flatMap((g) => g.memberIds));
	const h = harness(type, raw, groupOf(groups));
	const trainerLog: { input: TrainerInput; ctx: TrainerContext }[] = [];
	const order: ('phone' | 'trainer')[] = [];
	let seq = 0;
	const act = (input: unknown) => {
		const parsed = type.trainer!.input.parse(input) as TrainerInput;
		seq += 1;
		const inputId = `t-${seq}`;
		const ctx: TrainerContext = {
			inputId,
			at: 5000 + seq,
			groups,
			participants,
			random: seededRandom(inputId)
		};
		type.trainer!.reduce(h.state, parsed, ctx, h.config);
		trainerLog.push({ input: parsed, ctx });
		order.push('trainer');
	};
	const ok = (id: string, input: unknown) => {
		h.ok(id, input);
		order.push('phone');
	};
	const roleOf = (id: string): Role | undefined => {
		const g = groupOf(groups)(id);
		return g ? h.state.rounds.at(-1)?.triads[g]?.roles[id] : undefined;
	};
	const who = (groupId: string, role: Role) =>
		Object.entries(h.state.rounds.at(-1)!.triads[groupId]!.roles)
			.filter(([, r]) => r === role)
			.map(([id]) => id);
	const ctx = (status: ActivityStatus = 'open') => ({
		config: h.config,
		status,
		groups,
		participants
	});
	const phone = (id: string, status: ActivityStatus = 'open') =>
		type.phone(h.state, { ...ctx(status), participantId: id, groupId: groupOf(groups)(id) });
	return { ...h, ok, act, roleOf, who, ctx, phone, trainerLog, order, participants };
}

describe('coaching config and content file', () => {
	it('has defaults that parse again to the same config, and refuses a round over 30 minutes', () => {
		const config = type.config.parse(undefined);
		expect(config.roundMinutes).toBe(10);
		expect(config.coacheeBrief.length).toBeGreaterThan(20);
		expect(type.config.parse(config)).toEqual(config);
		expect(type.config.safeParse({ roundMinutes: 31 }).success).toBe(false);
	});

	it('ships activities/coaching-grow.yaml as a valid groups-of-three coaching file', () => {
		const file = parseYaml(
			readFileSync(join(appRoot(), 'activities', 'coaching-grow.yaml'), 'utf8')
		);
		expect(file.type).toBe('coaching');
		expect(file.grouping).toBe('groups');
		expect(file.groupSize).toBe(3);
		const config: Config = type.config.parse(file.config);
		expect(config.roundMinutes).toBe(10);
	});
});

describe('role rotation', () => {
	it('in a trio over three rounds, everyone plays each role exactly once', () => {
		const r = room();
		const seen: Record<string, Role[]> = {};
		for (let i = 0; i < 3; i++) {
			r.act({ kind: 'start-round', minutes: 5 });
			for (const g of trios) {
				const roles = Object.values(r.state.rounds.at(-1)!.triads[g.id]!.roles).sort();
				expect(roles).toEqual(['coach', 'coachee', 'observer']);
			}
			for (const id of trios.flatMap((g) => g.memberIds)) (seen[id] ??= []).push(r.roleOf(id)!);
		}
		for (const roles of Object.values(seen))
			expect([...roles].sort()).toEqual(['coach', 'coachee', 'observer']);
		expect(r.state.rounds.map((x) => x.endedAt !== null)).toEqual([true, true, false]);
	});

	it('in a pair the two swap coach and coachee each round, with no observer', () => {
		const counts: Record<string, Record<Role, number>> = {};
		const rounds = [0, 1, 2, 3].map((n) => {
			const roles = assignRoles(['p', 'q'], n, counts);
			countRoles(counts, roles);
			return roles;
		});
		expect(rounds.map((x) => x.p)).toEqual(['coach', 'coachee', 'coach', 'coachee']);
		expect(rounds.map((x) => x.q)).toEqual(['coachee', 'coach', 'coachee', 'coach']);
	});

	it('in a four, over four rounds each person coaches once, is coached once and observes twice', () => {
		const counts: Record<string, Record<Role, number>> = {};
		for (let n = 0; n < 4; n++) {
			const roles = assignRoles(['a', 'b', 'c', 'd'], n, counts);
			expect(Object.values(roles).sort()).toEqual(['coach', 'coachee', 'observer', 'observer']);
			countRoles(counts, roles);
		}
		for (const id of ['a', 'b', 'c', 'd'])
			expect(counts[id]).toEqual({ coach: 1, coachee: 1, observer: 2 });
	});

	it('gives one person alone no part, and refuses a round when no group has people', () => {
		expect(assignRoles(['solo'], 0, {})).toEqual({});
		const r = room([{ id: 'g1', name: 'Table 1', memberIds: [] }]);
		const before = structuredClone(r.state);
		expect(() => r.act({ kind: 'start-round', minutes: 5 })).toThrow(InputRejected);
		expect(r.state).toEqual(before);
	});
});

describe('inputs and rejections', () => {
	it('takes each role’s input only from that role in the sender’s own group, leaving the state unchanged otherwise', () => {
		const r = room();
		const early = structuredClone(r.state);
		expect(r.send('ann', { kind: 'cover', steps: ['goal'] })).toEqual({
			ok: false,
			error: expect.stringMatching(/not started/)
		});
		expect(r.state).toEqual(early);

		r.act({ kind: 'start-round', minutes: 5 });
		const [coach] = r.who('g1', 'coach');
		const [coachee] = r.who('g1', 'coachee');
		const [observer] = r.who('g1', 'observer');
		const snapshot = structuredClone(r.state);
		const refused: [string, unknown][] = [
			[coachee!, { kind: 'cover', steps: ['goal'] }],
			[observer!, { kind: 'cover', steps: ['goal'] }],
			[coach!, { kind: 'observe', checks: ['listened'], note: 'x' }],
			[coachee!, { kind: 'observe', checks: [], note: 'x' }],
			[observer!, { kind: 'takeaway', text: 'mine' }],
			[coach!, { kind: 'takeaway', text: 'mine' }],
			['stranger', { kind: 'cover', steps: ['goal'] }],
			[observer!, { kind: 'observe', checks: [], note: 'x'.repeat(401) }],
			[coach!, { kind: 'cover', steps: ['wander'] }]
		];
		for (const [id, input] of refused) {
			const result = r.send(id, input);
			expect(result.ok).toBe(false);
			expect(r.state).toEqual(snapshot);
		}
		r.ok(coach!, { kind: 'cover', steps: ['options', 'goal', 'goal'] });
		expect(r.state.rounds[0]!.triads.g1!.covered).toEqual(['goal', 'options']);
		expect(r.state.rounds[0]!.triads.g2!.covered).toEqual([]);
	});

	it('after the trainer ends the round, people can still finish; end-round with none running is refused', () => {
		const r = room();
		r.act({ kind: 'start-round', minutes: 5 });
		r.act({ kind: 'end-round' });
		const snapshot = structuredClone(r.state);
		expect(() => r.act({ kind: 'end-round' })).toThrow(/No round is running/);
		expect(r.state).toEqual(snapshot);
		const [coach] = r.who('g1', 'coach');
		r.ok(coach!, { kind: 'cover', steps: ['will'] });
		expect(r.state.rounds[0]!.triads.g1!.covered).toEqual(['will']);
	});
});

describe('privacy', () => {
	function played() {
		const r = room();
		r.act({ kind: 'start-round', minutes: 5 });
		const roles = {
			coach: r.who('g1', 'coach')[0]!,
			coachee: r.who('g1', 'coachee')[0]!,
			observer: r.who('g1', 'observer')[0]!
		};
		r.ok(roles.coach, { kind: 'cover', steps: ['goal', 'reality'] });
		r.ok(roles.observer, {
			kind: 'observe',
			checks: ['open-questions', 'clear-goal'],
			note: 'SECRET-NOTE-FOR-COACH'
		});
		r.ok(roles.coachee, { kind: 'takeaway', text: 'PRIVATE-TAKEAWAY' });
		return { r, roles };
	}

	it('sends the observer’s note only to that round’s coach, and tells the engine to update the coach', () => {
		const { r, roles } = played();
		expect(r.phone(roles.coach).feedback).toEqual([
			{ round: 1, checks: ['clear-goal', 'open-questions'], note: 'SECRET-NOTE-FOR-COACH' }
		]);
		for (const id of r.participants
			.map((p) => p.id)
			.filter((id) => id !== roles.coach && id !== roles.observer)) {
			expect(JSON.stringify(r.phone(id))).not.toContain('SECRET-NOTE');
		}
		// The observer sees only their own draft, not as feedback.
		expect(r.phone(roles.observer).feedback).toEqual([]);
		const last = r.log.at(-2)!;
		expect(type.alsoAffects!(r.state, last.input, last.ctx)).toEqual([roles.coach]);
		// Next round: roles rotate, the note stays with the round-1 coach only.
		r.act({ kind: 'start-round', minutes: 5 });
		expect(r.phone(roles.coach).feedback).toHaveLength(1);
		const newCoach = r.who('g1', 'coach')[0]!;
		expect(newCoach).not.toBe(roles.coach);
		expect(JSON.stringify(r.phone(newCoach))).not.toContain('SECRET-NOTE');
	});

	it('keeps the coachee’s take-away on their phone only, out of the projector and the export', () => {
		const { r, roles } = played();
		expect(r.phone(roles.coachee).coachee?.takeaway).toBe('PRIVATE-TAKEAWAY');
		for (const id of r.participants.map((p) => p.id).filter((id) => id !== roles.coachee)) {
			expect(JSON.stringify(r.phone(id))).not.toContain('PRIVATE-TAKEAWAY');
		}
		expect(JSON.stringify(type.projector(r.state, r.ctx('revealed')))).not.toContain(
			'PRIVATE-TAKEAWAY'
		);
		expect(JSON.stringify(type.exportRows(r.state, r.ctx()))).not.toContain('PRIVATE-TAKEAWAY');
	});

	it('projects progress and counts, never notes or names, and counts steps per conversation on reveal', () => {
		const { r } = played();
		for (const status of ['open', 'closed', 'revealed'] as const) {
			const text = JSON.stringify(type.projector(r.state, r.ctx(status)));
			expect(text).not.toContain('SECRET-NOTE');
			for (const p of r.participants) {
				expect(text).not.toContain(p.name);
				expect(text).not.toContain(`"${p.id}"`);
			}
		}
		const open = type.projector(r.state, r.ctx('open'));
		expect(open.reveal).toBeNull();
		expect(open.triads.map((t) => t.covered)).toEqual([['goal', 'reality'], []]);
		const revealed = type.projector(r.state, r.ctx('revealed')).reveal!;
		expect(revealed.conversations).toBe(2);
		expect(revealed.steps.map((s) => s.covered)).toEqual([1, 1, 0, 0]);
		expect(revealed.checklist.find((c) => c.id === 'open-questions')?.ticked).toBe(1);
	});

	it('exports one row per round per group with roles, steps and the observer’s note', () => {
		const { r, roles } = played();
		const rows = type.exportRows(r.state, r.ctx());
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			round: 1,
			group: 'Table 1',
			coach: `Name-${roles.coach}`,
			coachee: `Name-${roles.coachee}`,
			observers: `Name-${roles.observer}`,
			stepsCovered: 'Goal, Reality',
			observerNotes: 'SECRET-NOTE-FOR-COACH'
		});
	});
});

describe('replay', () => {
	it('replaying the log, trainer actions included, gives an identical state', () => {
		const r = room();
		r.act({ kind: 'start-round', minutes: 6 });
		r.ok(r.who('g1', 'coach')[0]!, { kind: 'cover', steps: ['goal'] });
		r.ok(r.who('g2', 'observer')[0]!, {
			kind: 'observe',
			checks: ['listened'],
			note: 'Good pauses'
		});
		r.act({ kind: 'end-round' });
		r.ok(r.who('g1', 'coachee')[0]!, { kind: 'takeaway', text: 'Ask my manager' });
		r.act({ kind: 'start-round', minutes: 4 });
		r.ok(r.who('g2', 'coach')[0]!, { kind: 'cover', steps: ['will', 'reality'] });
		r.act({ kind: 'start-round', minutes: 4 });

		let fresh: State = type.initial(r.config);
		let [pi, ti] = [0, 0];
		for (const who of r.order) {
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
		expect(pi + ti).toBe(8);
		expect(fresh).toEqual(r.state);
		expect(JSON.stringify(fresh)).toBe(JSON.stringify(r.state));
	});
});
