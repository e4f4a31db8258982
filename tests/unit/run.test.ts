import { describe, expect, it } from 'vitest';
import type { AgendaPlan } from '$lib/shared/agenda';
import {
	applyControl,
	atClock,
	driftMs,
	elapsedMs,
	formatCountdown,
	initialRun,
	projectedEndMs,
	proposeReplan,
	remainingMs,
	RunError,
	schedule,
	type Control,
	type RunState
} from '$lib/shared/run';

const MIN = 60_000;
const plan: AgendaPlan = {
	title: 'Test',
	start: '09:30',
	blocks: [
		{ title: 'Intro', minutes: 20, kind: 'talk' },
		{ title: 'Pyramid', minutes: 30, kind: 'activity' },
		{ title: 'Break', minutes: 15, kind: 'break' },
		{ title: 'Practices', minutes: 20, kind: 'activity' },
		{ title: 'Close', minutes: 10, kind: 'talk' }
	]
};
const nineThirty = atClock('09:30', new Date(2026, 10, 25, 12).getTime());

/** Applies controls at times given as minutes after 09:30. */
function run(...steps: [number, Control][]): RunState {
	return steps.reduce(
		(state, [at, control]) => applyControl(state, control, nineThirty + at * MIN),
		initialRun(plan)
	);
}

describe('timer arithmetic', () => {
	it('counts down the current block from its planned minutes', () => {
		const s = run([0, { type: 'start' }]);
		expect(s.phase).toBe('running');
		expect(remainingMs(s, nineThirty + 5 * MIN)).toBe(15 * MIN);
		expect(formatCountdown(remainingMs(s, nineThirty + 5 * MIN))).toBe('15:00');
	});

	it('stops counting while paused and carries on from the same point after resume', () => {
		const s = run([0, { type: 'start' }], [5, { type: 'pause' }]);
		expect(s.phase).toBe('paused');
		expect(elapsedMs(s, nineThirty + 50 * MIN)).toBe(5 * MIN);
		const resumed = applyControl(s, { type: 'resume' }, nineThirty + 50 * MIN);
		expect(remainingMs(resumed, nineThirty + 52 * MIN)).toBe(13 * MIN);
	});

	it('adds time with +1 and +5, to the current block only', () => {
		const s = run(
			[0, { type: 'start' }],
			[1, { type: 'extend', minutes: 1 }],
			[2, { type: 'extend', minutes: 5 }]
		);
		expect(remainingMs(s, nineThirty + 20 * MIN)).toBe(6 * MIN);
		const next = applyControl(s, { type: 'next' }, nineThirty + 26 * MIN);
		expect(remainingMs(next, nineThirty + 26 * MIN)).toBe(30 * MIN);
	});

	it('shows an overrun as a positive count past zero', () => {
		const s = run([0, { type: 'start' }]);
		const r = remainingMs(s, nineThirty + 22 * MIN + 13_000);
		expect(r).toBe(-(2 * MIN + 13_000));
		expect(formatCountdown(r)).toBe('+2:13');
	});

	it('formats the last second as 00:01 and the exact end as 00:00', () => {
		expect(formatCountdown(500)).toBe('00:01');
		expect(formatCountdown(0)).toBe('00:00');
		expect(formatCountdown(61 * MIN)).toBe('61:00');
	});

	it('records actual start and end of each block, and going back resumes where the block was left', () => {
		const s = run([0, { type: 'start' }], [22, { type: 'next' }], [30, { type: 'previous' }]);
		expect(s.blocks[0]).toMatchObject({ startedAt: nineThirty, spentMs: 22 * MIN, endedAt: null });
		expect(s.blocks[1]).toMatchObject({
			startedAt: nineThirty + 22 * MIN,
			spentMs: 8 * MIN,
			endedAt: nineThirty + 30 * MIN
		});
		expect(elapsedMs(s, nineThirty + 31 * MIN)).toBe(23 * MIN);
	});

	it('jumps to any block and finishes after the last', () => {
		let s = run([0, { type: 'start' }], [1, { type: 'jump', index: 4 }]);
		expect(s.current).toBe(4);
		s = applyControl(s, { type: 'next' }, nineThirty + 11 * MIN);
		expect(s.phase).toBe('finished');
		expect(s.finishedAt).toBe(nineThirty + 11 * MIN);
		expect(s.blocks[4]!.spentMs).toBe(10 * MIN);
	});

	it('refuses controls that make no sense, with a message', () => {
		const ready = initialRun(plan);
		expect(() => applyControl(ready, { type: 'pause' }, 0)).toThrow(RunError);
		expect(() => applyControl(ready, { type: 'extend', minutes: 1 }, 0)).toThrow(
			'Start the agenda before adding time.'
		);
		const started = applyControl(ready, { type: 'start' }, 0);
		expect(() => applyControl(started, { type: 'start' }, 1)).toThrow(
			'The agenda has already started.'
		);
		expect(() => applyControl(started, { type: 'previous' }, 1)).toThrow(
			'This is the first block.'
		);
		expect(() => applyControl(started, { type: 'jump', index: 9 }, 1)).toThrow(
			'There is no such block'
		);
		expect(() => applyControl(started, { type: 'resume' }, 1)).toThrow('The clock is not paused.');
	});
});

describe('drift', () => {
	it('is zero when everything runs to plan', () => {
		const s = run([0, { type: 'start' }], [20, { type: 'next' }]);
		expect(driftMs(plan, s, nineThirty + 25 * MIN)).toBe(0);
	});

	it('counts a late start, overruns, extensions and pauses', () => {
		const s = run([3, { type: 'start' }], [27, { type: 'next' }]);
		// Started 3 min late and the intro ran 4 min over: 7 min late.
		expect(driftMs(plan, s, nineThirty + 27 * MIN)).toBe(7 * MIN);
		expect(projectedEndMs(s, nineThirty + 27 * MIN)).toBe(nineThirty + (95 + 7) * MIN);
		const paused = applyControl(s, { type: 'pause' }, nineThirty + 30 * MIN);
		expect(driftMs(plan, paused, nineThirty + 32 * MIN)).toBe(9 * MIN);
	});

	it('moves the plan to the real start when a session starts far from the agenda time', () => {
		const evening = nineThirty + 10 * 60 * MIN;
		const s = applyControl(initialRun(plan), { type: 'start' }, evening);
		expect(schedule(plan, s, evening)).toMatchObject({ plannedStart: evening, shifted: true });
		expect(driftMs(plan, s, evening)).toBe(0);
	});
});

describe('re-plan proposals', () => {
	it('trims remaining flexible blocks, never breaks, to land on the planned end', () => {
		const s = run([0, { type: 'start' }], [27, { type: 'next' }]);
		const p = proposeReplan(plan, s, nineThirty + 27 * MIN)!;
		expect(p.lateMs).toBe(7 * MIN);
		expect(p.recoveredMs).toBe(7 * MIN);
		expect(p.minutes[0]).toBe(20);
		expect(p.minutes[1]).toBe(30); // under way: keeps its plan
		expect(p.minutes[2]).toBe(15); // the break is fixed
		expect(p.minutes[3]! + p.minutes[4]!).toBe(30 - 7);
		// Accepting it puts the projected end back on the plan.
		const accepted = applyControl(s, { type: 'replan', minutes: p.minutes }, nineThirty + 27 * MIN);
		expect(driftMs(plan, accepted, nineThirty + 27 * MIN)).toBe(0);
	});

	it('never cuts a block below half its length or 5 minutes, and says how much it can recover', () => {
		// The intro overran by 20 minutes; now in "Practices" with only "Close" (10 min) still flexible.
		const s = run(
			[0, { type: 'start' }],
			[40, { type: 'next' }],
			[70, { type: 'next' }],
			[85, { type: 'next' }]
		);
		const p = proposeReplan(plan, s, nineThirty + 85 * MIN)!;
		expect(p.lateMs).toBe(20 * MIN);
		expect(p.minutes[4]).toBe(5);
		expect(p.recoveredMs).toBe(5 * MIN);
	});

	it('proposes nothing when on time', () => {
		const s = run([0, { type: 'start' }]);
		expect(proposeReplan(plan, s, nineThirty + MIN)).toBeNull();
	});
});

describe('block timings (the timing report and the exports)', () => {
	it('gives planned starts from the plan and actual minutes of the blocks that ran', async () => {
		const { blockTimings, initialRun, applyControl } = await import('$lib/shared/run');
		const plan: AgendaPlan = {
			title: 'T',
			start: '09:30',
			blocks: [
				{ title: 'A', minutes: 10, kind: 'talk' },
				{ title: 'B', minutes: 20, kind: 'talk' }
			]
		};
		const t0 = new Date(2026, 10, 25, 9, 30).getTime();
		let run = applyControl(initialRun(plan), { type: 'start' }, t0);
		run = applyControl(run, { type: 'next' }, t0 + 12 * 60_000);
		const rows = blockTimings(plan, run, t0);
		expect(
			rows.map((r) => [
				r.title,
				r.plannedAt - t0,
				r.plannedMinutes,
				r.actualMinutes,
				r.differenceMinutes
			])
		).toEqual([
			['A', 0, 10, 12, 2],
			['B', 10 * 60_000, 20, 0, -20]
		]);
		expect(rows[1]!.startedAt).toBe(t0 + 12 * 60_000);
	});
});
