import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { harness } from '../helpers/activity-harness';
import { describe, expect, it } from 'vitest';
import { type PersonInfo, type ViewContext } from '$lib/activities/contract';
import { quadrantOf } from '$lib/activities/skill-will/quadrant';
import { skillWill, type Config, type State } from '$lib/activities/skill-will/type';
import { appRoot } from '$lib/server/paths';

const participants: PersonInfo[] = [
	{ id: 'pid-ann', name: 'Ann' },
	{ id: 'pid-bob', name: 'Bob' },
	{ id: 'pid-cat', name: 'Cat' }
];

function room(raw: unknown = {}) {
	const { config, state, log, send, ok } = harness(skillWill, raw);
	const place = (pid: string, initials: string, task: string, skill: number, will: number) =>
		ok(pid, { kind: 'add', initials, task, skill, will });
	const view: ViewContext<Config> = { config, status: 'open', groups: [], participants };
	const phone = (participantId: string) =>
		skillWill.phone(state, { ...view, participantId, groupId: null });
	return {
		config,
		state,
		log,
		send,
		ok,
		place,
		view,
		phone,
		projector: (status: ViewContext<Config>['status'] = 'revealed') =>
			skillWill.projector(state, { ...view, status })
	};
}

const snapshot = (state: State) => JSON.stringify(state);
const good = { kind: 'add', initials: 'JS', task: 'Weekly stock check', skill: 7, will: 3 };

describe('skill/will config', () => {
	it('defaults to 3 placements per participant, also with no config at all', () => {
		expect(skillWill.config.parse(undefined)).toEqual({ maxPlacements: 3, minAnswers: 3 });
		expect(skillWill.config.parse({})).toEqual({ maxPlacements: 3, minAnswers: 3 });
	});

	it('takes an override and parses its own output unchanged', () => {
		const c = skillWill.config.parse({ maxPlacements: 1 });
		expect(c).toEqual({ maxPlacements: 1, minAnswers: 3 });
		expect(skillWill.config.parse(c)).toEqual(c);
	});

	it.each([
		[{ maxPlacements: 0 }, 'maxPlacements must be at least 1'],
		[{ maxPlacements: 6 }, 'maxPlacements must be at most 5'],
		[{ maxPlacements: 'lots' }, 'maxPlacements: expected a whole number, like 3']
	])('refuses %j with a message saying what was expected', (raw, message) => {
		const r = skillWill.config.safeParse(raw);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe(message);
	});

	it('the shipped content file is valid and uses this type', () => {
		const file = parseYaml(readFileSync(join(appRoot(), 'activities', 'skill-will.yaml'), 'utf8'));
		expect(file.type).toBe(skillWill.type);
		expect(skillWill.config.parse(file.config)).toEqual({ maxPlacements: 3, minAnswers: 3 });
	});
});

describe('skill/will quadrants', () => {
	it('above 5 is high: 5 is low, 6 is high, on both axes', () => {
		expect(quadrantOf(5, 5)).toBe('direct');
		expect(quadrantOf(5, 6)).toBe('guide');
		expect(quadrantOf(6, 5)).toBe('excite');
		expect(quadrantOf(6, 6)).toBe('delegate');
		expect(quadrantOf(1, 1)).toBe('direct');
		expect(quadrantOf(1, 10)).toBe('guide');
		expect(quadrantOf(10, 1)).toBe('excite');
		expect(quadrantOf(10, 10)).toBe('delegate');
	});

	it('the phone shows each placement with its quadrant', () => {
		const r = room();
		r.place('pid-ann', 'JS', 'Rota', 5, 6);
		r.place('pid-ann', 'KL', 'Budget', 6, 5);
		expect(r.phone('pid-ann').placements.map((p) => [p.initials, p.quadrant])).toEqual([
			['JS', 'guide'],
			['KL', 'excite']
		]);
	});
});

describe('skill/will inputs', () => {
	it('add: cleans initials and task text, and numbers placements per participant', () => {
		const r = room();
		r.ok('pid-ann', { ...good, initials: 'j.s.', task: '  Weekly   stock check ' });
		r.place('pid-ann', 'AB', 'Rota', 2, 9);
		r.place('pid-bob', 'CD', 'Rota', 9, 9);
		expect(r.state.people['pid-ann']?.placements).toEqual([
			{ id: 'p1', initials: 'JS', task: 'Weekly stock check', skill: 7, will: 3 },
			{ id: 'p2', initials: 'AB', task: 'Rota', skill: 2, will: 9 }
		]);
		expect(r.state.people['pid-bob']?.placements[0]?.id).toBe('p1');
	});

	it('update replaces one placement; remove deletes it; ids are never reused', () => {
		const r = room();
		r.place('pid-ann', 'JS', 'Rota', 2, 2);
		r.place('pid-ann', 'AB', 'Budget', 3, 3);
		r.ok('pid-ann', {
			kind: 'update',
			id: 'p1',
			initials: 'JS',
			task: 'Rota planning',
			skill: 8,
			will: 9
		});
		r.ok('pid-ann', { kind: 'remove', id: 'p2' });
		r.place('pid-ann', 'EF', 'Payroll', 4, 4);
		expect(r.phone('pid-ann').placements.map((p) => [p.id, p.task, p.skill, p.will])).toEqual([
			['p1', 'Rota planning', 8, 9],
			['p3', 'Payroll', 4, 4]
		]);
	});

	it.each([
		[{ ...good, skill: 0 }, 'Please set skill from 1 to 10.'],
		[{ ...good, will: 11 }, 'Please set will from 1 to 10.'],
		[{ ...good, will: 4.5 }, 'Please set will from 1 to 10.'],
		[{ ...good, initials: '' }, 'Please type their initials, like JS.'],
		[{ ...good, initials: 'Jane' + 'Smith' }, 'Initials only, please: up to 4 letters, like JS.'],
		[{ ...good, task: '   ' }, 'Please name the task.'],
		[{ ...good, task: 'x'.repeat(61) }, 'Please name the task in 60 characters or fewer.'],
		[
			{ ...good, task: 'Rota\u202Eabc' },
			'The task has a hidden character in it. Please retype it.'
		],
		[
			{ kind: 'update', id: 'p9', initials: 'JS', task: 'Rota', skill: 3, will: 3 },
			'That placement is no longer there. It may have been removed on another screen.'
		],
		[
			{ kind: 'remove', id: 'p9' },
			'That placement is no longer there. It may have been removed on another screen.'
		],
		[{ kind: 'move' }, 'That is not an answer this activity understands.']
	])('refuses %j and leaves the state unchanged', (input, error) => {
		const r = room();
		r.place('pid-ann', 'JS', 'Rota', 2, 2);
		const before = snapshot(r.state);
		expect(r.send('pid-ann', input)).toEqual({ ok: false, error });
		expect(snapshot(r.state)).toBe(before);
	});

	it('allows a task of exactly 60 characters', () => {
		expect(room().send('pid-ann', { ...good, task: 'x'.repeat(60) })).toEqual({ ok: true });
	});

	it('refuses a placement beyond the limit, leaving the state unchanged', () => {
		const r = room();
		for (const initials of ['AA', 'BB', 'CC']) r.place('pid-ann', initials, 'Rota', 5, 5);
		const before = snapshot(r.state);
		expect(r.send('pid-ann', good)).toEqual({
			ok: false,
			error: 'You can place up to 3 people. Change or remove one first.'
		});
		expect(snapshot(r.state)).toBe(before);
		r.ok('pid-ann', { kind: 'remove', id: 'p2' });
		expect(r.send('pid-ann', good)).toEqual({ ok: true });
	});

	it('one participant cannot edit or remove another’s placement', () => {
		const r = room();
		r.place('pid-ann', 'JS', 'Rota', 2, 2);
		const before = snapshot(r.state);
		expect(r.send('pid-bob', { kind: 'remove', id: 'p1' }).ok).toBe(false);
		expect(
			r.send('pid-bob', { kind: 'update', id: 'p1', initials: 'ZZ', task: 'X', skill: 9, will: 9 })
				.ok
		).toBe(false);
		expect(snapshot(r.state)).toBe(before);
	});
});

describe('skill/will privacy and the scatter', () => {
	const fill = () => {
		const r = room();
		r.place('pid-ann', 'QZ', 'Quarterly forecast', 2, 3);
		r.place('pid-ann', 'XW', 'Night shift handover', 8, 9);
		r.place('pid-bob', 'VY', 'Supplier calls', 2, 3);
		r.place('pid-cat', 'UT', 'Team meeting notes', 7, 2);
		return r;
	};

	it('counts per quadrant and merges dots at the same position', () => {
		const view = fill().projector();
		expect(view.counts).toEqual({ direct: 2, guide: 0, excite: 1, delegate: 1 });
		expect(view.total).toBe(4);
		expect(view.people).toBe(3);
		expect(view.dots).toEqual([
			{ skill: 2, will: 3, count: 2 },
			{ skill: 7, will: 2, count: 1 },
			{ skill: 8, will: 9, count: 1 }
		]);
	});

	it('shows counts only while answers come in, and no dots below K people even when revealed', () => {
		const r = fill();
		expect(r.projector('open')).toMatchObject({ shown: false, people: 3, total: 4, dots: [] });
		const few = room();
		few.place('pid-ann', 'QZ', 'Forecast', 2, 3);
		expect(few.projector('revealed')).toMatchObject({
			shown: false,
			people: 1,
			needed: 3,
			dots: []
		});
		expect(r.projector('revealed').shown).toBe(true);
	});

	it('the projector view carries no participant id, name, initials, task text or placement id', () => {
		const json = JSON.stringify(fill().projector());
		for (const secret of [
			'pid-',
			'Ann',
			'Bob',
			'QZ',
			'XW',
			'VY',
			'UT',
			'forecast',
			'handover',
			'Supplier',
			'meeting',
			'"p1"',
			'initials',
			'task'
		]) {
			expect(json).not.toContain(secret);
		}
	});

	it('the dots are ordered by position, not by who placed them first', () => {
		const a = room();
		a.place('pid-ann', 'AA', 'T', 9, 9);
		a.place('pid-bob', 'BB', 'T', 1, 1);
		const b = room();
		b.place('pid-bob', 'BB', 'T', 1, 1);
		b.place('pid-ann', 'AA', 'T', 9, 9);
		expect(a.projector()).toEqual(b.projector());
	});

	it('a phone view carries its author’s placements and nothing of anyone else’s', () => {
		const r = fill();
		const json = JSON.stringify(r.phone('pid-bob'));
		expect(json).toContain('VY');
		for (const secret of [
			'pid-',
			'QZ',
			'XW',
			'UT',
			'forecast',
			'handover',
			'meeting',
			'Ann',
			'Cat'
		])
			expect(json).not.toContain(secret);
		expect(r.phone('pid-dan')).toEqual({ maxPlacements: 3, placements: [] });
	});

	it('exports one row per placement with the participant’s name (trainer only)', () => {
		const r = fill();
		const rows = skillWill.exportRows(r.state, r.view);
		expect(rows).toHaveLength(4);
		expect(rows[0]).toEqual({
			participant: 'Ann',
			initials: 'QZ',
			task: 'Quarterly forecast',
			skill: 2,
			will: 3,
			quadrant: 'Direct'
		});
		expect(rows[3]).toMatchObject({ participant: 'Cat', quadrant: 'Excite' });
	});
});

describe('skill/will replay', () => {
	it('replaying the stored inputs gives an identical state and views', () => {
		const r = room();
		r.place('pid-ann', 'QZ', 'Forecast', 2, 3);
		r.place('pid-ann', 'XW', 'Handover', 8, 9);
		r.ok('pid-ann', {
			kind: 'update',
			id: 'p1',
			initials: 'QZ',
			task: 'Forecast',
			skill: 6,
			will: 6
		});
		r.place('pid-bob', 'VY', 'Calls', 2, 3);
		r.ok('pid-ann', { kind: 'remove', id: 'p2' });
		r.place('pid-ann', 'AB', 'Rota', 1, 10);

		const again = skillWill.initial(r.config);
		for (const { input, ctx } of r.log)
			skillWill.reduce(again, structuredClone(input), ctx, r.config);
		expect(JSON.stringify(again)).toBe(JSON.stringify(r.state));
		expect(skillWill.projector(again, { ...r.view, status: 'revealed' })).toEqual(r.projector());
	});
});
