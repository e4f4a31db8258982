import { isFlexible, type AgendaPlan } from './agenda';

/**
 * A live agenda's clock, as pure data and pure functions: the server applies controls and stores the
 * result; every screen derives countdowns from it with its own clock corrected to the server's.
 */

export type Phase = 'ready' | 'running' | 'paused' | 'finished';

export interface BlockRun {
	/** Planned length for this run (a re-plan may shorten it). */
	plannedMs: number;
	/** Added with +1 / +5 while the block ran. */
	extraMs: number;
	/** Time spent in the block so far, pauses excluded, not counting the current running stretch. */
	spentMs: number;
	/** Server time the block first started, and last ended; null until then. */
	startedAt: number | null;
	endedAt: number | null;
}

export interface RunState {
	phase: Phase;
	current: number;
	/** Server time the current running stretch began; null unless running. */
	since: number | null;
	startedAt: number | null;
	finishedAt: number | null;
	blocks: BlockRun[];
}

export type Control =
	| { type: 'start' }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'jump'; index: number }
	| { type: 'extend'; minutes: number }
	| { type: 'replan'; minutes: number[] };

/** A control that makes no sense now; its message is shown to the trainer. */
export class RunError extends Error {}

const MINUTE = 60_000;

export function initialRun(plan: AgendaPlan): RunState {
	return {
		phase: 'ready',
		current: 0,
		since: null,
		startedAt: null,
		finishedAt: null,
		blocks: plan.blocks.map((b) => ({
			plannedMs: b.minutes * MINUTE,
			extraMs: 0,
			spentMs: 0,
			startedAt: null,
			endedAt: null
		}))
	};
}

/** Time spent in block `index` by `now`, pauses excluded. */
export function elapsedMs(run: RunState, now: number, index = run.current): number {
	const block = run.blocks[index];
	if (!block) return 0;
	const live =
		index === run.current && run.phase === 'running' && run.since !== null ? now - run.since : 0;
	return block.spentMs + Math.max(0, live);
}

export function blockLengthMs(run: RunState, index = run.current): number {
	const block = run.blocks[index];
	return block ? block.plannedMs + block.extraMs : 0;
}

/** Time left in the current block; negative once it overruns. */
export function remainingMs(run: RunState, now: number): number {
	return blockLengthMs(run) - elapsedMs(run, now);
}

/** Leaves the current block (banking the running stretch) and enters `index`, running. */
function moveTo(run: RunState, index: number, now: number): RunState {
	if (index < 0 || index >= run.blocks.length)
		throw new RunError('There is no such block in this agenda.');
	const blocks = run.blocks.map((b) => ({ ...b }));
	if (run.phase === 'running' || run.phase === 'paused') {
		const leaving = blocks[run.current]!;
		leaving.spentMs = elapsedMs(run, now);
		leaving.endedAt = now;
	}
	const entering = blocks[index]!;
	entering.startedAt ??= now;
	entering.endedAt = null;
	return {
		...run,
		phase: 'running',
		current: index,
		since: now,
		startedAt: run.startedAt ?? now,
		finishedAt: null,
		blocks
	};
}

/** Ends the run now, banking the current block's time (used by "next" on the last block and by closing the room). */
export function finishRun(run: RunState, now: number): RunState {
	if (run.phase !== 'running' && run.phase !== 'paused') return run;
	const blocks = run.blocks.map((b) => ({ ...b }));
	const last = blocks[run.current]!;
	last.spentMs = elapsedMs(run, now);
	last.endedAt = now;
	return { ...run, phase: 'finished', since: null, finishedAt: now, blocks };
}

export function applyControl(run: RunState, control: Control, now: number): RunState {
	switch (control.type) {
		case 'start':
			if (run.phase !== 'ready') throw new RunError('The agenda has already started.');
			return moveTo(run, 0, now);
		case 'pause': {
			if (run.phase !== 'running') throw new RunError('The clock is not running.');
			const blocks = run.blocks.map((b, i) =>
				i === run.current ? { ...b, spentMs: elapsedMs(run, now) } : b
			);
			return { ...run, phase: 'paused', since: null, blocks };
		}
		case 'resume':
			if (run.phase !== 'paused') throw new RunError('The clock is not paused.');
			return { ...run, phase: 'running', since: now };
		case 'next':
			if (run.phase === 'ready') return moveTo(run, 0, now);
			if (run.phase === 'finished') throw new RunError('The agenda has finished.');
			return run.current === run.blocks.length - 1
				? finishRun(run, now)
				: moveTo(run, run.current + 1, now);
		case 'previous':
			if (run.phase === 'ready') throw new RunError('The agenda has not started yet.');
			if (run.current === 0 && run.phase !== 'finished')
				throw new RunError('This is the first block.');
			return moveTo(run, run.phase === 'finished' ? run.current : run.current - 1, now);
		case 'jump':
			return moveTo(run, control.index, now);
		case 'extend': {
			if (run.phase !== 'running' && run.phase !== 'paused')
				throw new RunError('Start the agenda before adding time.');
			const blocks = run.blocks.map((b, i) =>
				i === run.current ? { ...b, extraMs: b.extraMs + control.minutes * MINUTE } : b
			);
			return { ...run, blocks };
		}
		case 'replan': {
			if (control.minutes.length !== run.blocks.length)
				throw new RunError('That plan does not match this agenda.');
			if (run.phase === 'finished') throw new RunError('The agenda has finished.');
			// Blocks already under way keep their plan; the rest take the new minutes.
			const from = run.phase === 'ready' ? 0 : run.current + 1;
			const blocks = run.blocks.map((b, i) =>
				i >= from ? { ...b, plannedMs: control.minutes[i]! * MINUTE } : b
			);
			return { ...run, blocks };
		}
	}
}

/** When the session will end if every remaining block takes its planned time. */
export function projectedEndMs(run: RunState, now: number): number {
	if (run.phase === 'finished') return run.finishedAt ?? now;
	const later = run.blocks.slice(run.current + 1).reduce((sum, b) => sum + b.plannedMs, 0);
	if (run.phase === 'ready') return now + run.blocks.reduce((sum, b) => sum + b.plannedMs, 0);
	return now + Math.max(0, remainingMs(run, now)) + later;
}

/** "09:30" on the same local day as `reference`. */
export function atClock(clock: string, reference: number): number {
	const [h = 0, m = 0] = clock.split(':').map(Number);
	const d = new Date(reference);
	d.setHours(h, m, 0, 0);
	return d.getTime();
}

export interface Schedule {
	plannedStart: number;
	plannedEnd: number;
	/** True when the session began far from the agenda's start time, so the plan was moved to the real start. */
	shifted: boolean;
}

/** A run that starts within 90 minutes of the agenda's time keeps that plan; otherwise the plan moves to the real start. */
const SHIFT_AFTER_MS = 90 * MINUTE;

export function schedule(plan: AgendaPlan, run: RunState, now: number): Schedule {
	const reference = run.startedAt ?? now;
	const onPaper = atClock(plan.start, reference);
	const shifted = Math.abs(reference - onPaper) > SHIFT_AFTER_MS;
	const plannedStart = shifted ? reference : onPaper;
	const total = plan.blocks.reduce((sum, b) => sum + b.minutes * MINUTE, 0);
	return { plannedStart, plannedEnd: plannedStart + total, shifted };
}

/** Positive: running late by that much; negative: ahead. */
export function driftMs(plan: AgendaPlan, run: RunState, now: number): number {
	return projectedEndMs(run, now) - schedule(plan, run, now).plannedEnd;
}

/** One block, planned and as it ran: what the timing report and the exports both show. */
export interface BlockTiming {
	title: string;
	plannedAt: number;
	plannedMinutes: number;
	/** Null until the block first started. */
	startedAt: number | null;
	actualMinutes: number | null;
	differenceMinutes: number | null;
}

/** Planned against actual, block by block; `fallbackStart` places a plan that never started. */
export function blockTimings(
	plan: AgendaPlan,
	run: RunState,
	fallbackStart: number
): BlockTiming[] {
	const starts = plannedStarts(
		plan,
		schedule(plan, run, run.startedAt ?? fallbackStart).plannedStart
	);
	return plan.blocks.map((block, i) => {
		const b = run.blocks[i];
		const actualMinutes = b?.startedAt ? Math.round(b.spentMs / MINUTE) : null;
		return {
			title: block.title,
			plannedAt: starts[i]!,
			plannedMinutes: block.minutes,
			startedAt: b?.startedAt ?? null,
			actualMinutes,
			differenceMinutes: actualMinutes === null ? null : actualMinutes - block.minutes
		};
	});
}

/** Planned start time of each block on the original paper plan. */
export function plannedStarts(plan: AgendaPlan, plannedStart: number): number[] {
	let at = plannedStart;
	return plan.blocks.map((b) => {
		const start = at;
		at += b.minutes * MINUTE;
		return start;
	});
}

export interface Replan {
	/** New planned minutes for every block (earlier and fixed blocks unchanged). */
	minutes: number[];
	lateMs: number;
	recoveredMs: number;
}

/**
 * Trims the remaining flexible blocks, each in proportion to how much it can give (never below
 * half its length or 5 minutes), to win back as much of the lateness as possible. Null when
 * nothing needs trimming or nothing can be trimmed.
 */
export function proposeReplan(plan: AgendaPlan, run: RunState, now: number): Replan | null {
	const late = Math.ceil(driftMs(plan, run, now) / MINUTE);
	if (late < 1 || run.phase === 'finished') return null;
	const minutes = run.blocks.map((b) => Math.round(b.plannedMs / MINUTE));
	// Before the start, every block can give; once running, only those still to come.
	const from = run.phase === 'ready' ? 0 : run.current + 1;
	const candidates = plan.blocks
		.map((block, i) => ({ i, block }))
		.filter(({ i, block }) => i >= from && isFlexible(block))
		.map(({ i }) => ({
			i,
			give: Math.max(0, minutes[i]! - Math.max(5, Math.ceil(minutes[i]! / 2)))
		}))
		.filter((c) => c.give > 0);
	const capacity = candidates.reduce((s, c) => s + c.give, 0);
	if (capacity === 0) return null;
	const cut = Math.min(late, capacity);
	// Largest-remainder rounding, so the cuts add up to exactly `cut` whole minutes.
	const shares = candidates.map((c) => ({ ...c, exact: (cut * c.give) / capacity }));
	const cuts = shares.map((s) => Math.floor(s.exact));
	let left = cut - cuts.reduce((a, b) => a + b, 0);
	const order = shares
		.map((s, k) => ({ k, rem: s.exact - Math.floor(s.exact) }))
		.sort((a, b) => b.rem - a.rem);
	for (const { k } of order) {
		if (left <= 0) break;
		if (cuts[k]! < shares[k]!.give) {
			cuts[k]! += 1;
			left--;
		}
	}
	shares.forEach((s, k) => (minutes[s.i] = minutes[s.i]! - cuts[k]!));
	return { minutes, lateMs: late * MINUTE, recoveredMs: cut * MINUTE };
}

/** "mm:ss" for a countdown; an overrun reads "+m:ss". */
export function formatCountdown(ms: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	if (ms >= 0) {
		const t = Math.ceil(ms / 1000); // a countdown shows 00:01 until the very end
		return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
	}
	const t = Math.floor(-ms / 1000);
	return `+${Math.floor(t / 60)}:${pad(t % 60)}`;
}

/** "11:07" in the viewer's local time. */
export function formatClock(ms: number): string {
	const d = new Date(ms);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Time left in the current block from a phone's public view (same arithmetic as remainingMs). */
export function viewRemainingMs(
	view: { phase: Phase; timing: { lengthMs: number; spentMs: number; since: number | null } },
	now: number
): number {
	const live =
		view.phase === 'running' && view.timing.since !== null
			? Math.max(0, now - view.timing.since)
			: 0;
	return view.timing.lengthMs - view.timing.spentMs - live;
}
