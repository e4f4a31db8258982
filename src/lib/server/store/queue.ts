import type { SQLWrapper } from 'drizzle-orm';
import { timeSlice } from '../slice';
import type { InputRow, Writes } from './types';

/** How long one turn of announcements may run before the acks waiting behind it go. */
const ANNOUNCE_SLICE_MS = 4;
/**
 * How long announcements may wait for their turn before a committed batch runs a slice of them
 * itself: in a burst the event loop's poll phase reads sockets (and the writer's replies) for
 * hundreds of milliseconds before the turn ends, and the projector's views would wait all that time.
 */
const ANNOUNCE_OVERDUE_MS = 20;

export interface Op {
	seq: number;
	roomId: string;
	statements?: SQLWrapper[];
	input?: InputRow;
	after?: () => void;
	/** An input's callback (`inputThen`, and `input`'s promise): undefined once committed, else the failure. */
	done?: (err: unknown) => void;
}

/**
 * The writes of a store whose commits finish later (PostgreSQL; SQLite on its writer thread):
 * one ordered queue per process. Everything is queued in the order it happened (phone inputs,
 * trainer actions, a run's changes, announcements waiting for them) and commits in batches,
 * one at a time: whatever gathers while a batch is in flight goes in the next (group commit).
 * An op resolves (or an announcement runs) only once its batch is committed.
 */
export abstract class QueuedWrites implements Writes {
	#queue: Op[] = [];
	#seq = 0;
	/** Every op up to this one has committed or failed. */
	#done = 0;
	#running = false;
	#failures: { seq: number; err: unknown }[] = [];
	#waiters: { upTo: number; wake: () => void }[] = [];
	readonly #failed: ((roomId: string) => void)[] = [];
	/** Committed announcements waiting for their turn of the event loop, in order (see #announce). */
	#announcements: (() => void)[] = [];
	#announcing = false;
	/** When the announcements' turn was asked for (performance.now()). */
	#announceAskedAt = 0;
	#announced: (() => void)[] = [];
	/** When the oldest op still queued was queued (performance.now()). */
	#firstQueuedAt = 0;
	/** Ends the loop's wait for more to gather, when it is waiting (see #pause). */
	#wake: (() => void) | undefined;

	run(roomId: string, ...statements: SQLWrapper[]): void {
		if (statements.length) this.#push({ roomId, statements });
	}

	input(roomId: string, row: InputRow): Promise<void> {
		return new Promise((resolve, reject) =>
			this.inputThen(roomId, row, (err) => (err === undefined ? resolve() : reject(err)))
		);
	}

	inputThen(roomId: string, row: InputRow, done: (err: unknown) => void): void {
		this.#push({ roomId, input: row, done });
	}

	trainerInput(roomId: string, row: InputRow): void {
		this.#push({ roomId, input: row });
	}

	commitInputs(): void {
		// The queue is already in the order things happened.
	}

	mark(): number {
		return this.#seq;
	}

	async settled(mark: number): Promise<void> {
		const upTo = this.#seq;
		await this.#reach(upTo);
		const failure = this.#failures.find((f) => f.seq > mark && f.seq <= upTo);
		if (failure) throw failure.err;
	}

	async drain(): Promise<void> {
		await this.#reach(this.#seq);
		// …and announced: what was committed has been sent too.
		if (this.#announcements.length) await new Promise<void>((r) => this.#announced.push(r));
	}

	afterCommit(fn: () => void): void {
		if (this.#done < this.#seq) this.#push({ roomId: '', after: fn });
		// Committed already, but earlier announcements are still waiting: after them, in order.
		else if (this.#announcements.length) this.#announcements.push(fn);
		else fn();
	}

	onFailed(listener: (roomId: string) => void): void {
		this.#failed.push(listener);
	}

	#reach(seq: number): Promise<void> {
		if (this.#done >= seq) return Promise.resolve();
		return new Promise((wake) => this.#waiters.push({ upTo: seq, wake }));
	}

	#push(op: Omit<Op, 'seq'>): void {
		// Every op in one shape, not `{ ...op, seq }` (a hidden class per op: see withRev in patch.ts).
		const { roomId, statements, input, after, done } = op;
		this.#queue.push({ seq: ++this.#seq, roomId, statements, input, after, done });
		if (this.#queue.length === 1) this.#firstQueuedAt = performance.now();
		if (!this.#running) {
			this.#running = true;
			void this.#loop();
		} else if (this.#wake && this.#waitFor(false) === 0) this.#wake();
	}

	#waitFor(afterCommit: boolean): number | 'turn' {
		const now = performance.now();
		return this.wait(this.#queue.length, now - this.#firstQueuedAt, afterCommit);
	}

	/**
	 * Waits `ms`, or to the end of this turn of the event loop; a write queued meanwhile may end it
	 * sooner (#push asks `wait` again).
	 */
	#pause(ms: number | 'turn'): Promise<void> {
		return new Promise((resume) => {
			const go = () => {
				this.#wake = undefined;
				resume();
			};
			if (ms === 'turn') {
				const turn = setImmediate(go);
				this.#wake = () => (clearImmediate(turn), go());
			} else {
				const timer = setTimeout(go, ms);
				this.#wake = () => (clearTimeout(timer), go());
			}
		});
	}

	async #loop(): Promise<void> {
		let afterCommit = false;
		while (this.#queue.length) {
			const ms = this.#waitFor(afterCommit);
			if (ms !== 0) await this.#pause(ms);
			afterCommit = true;
			const batch = this.#queue;
			this.#queue = [];
			const failures = await this.commitBatch(batch);
			// Announcements committed before this batch, kept waiting by a long turn: a slice of them now,
			// before this batch's acks (a few milliseconds at most).
			if (this.#announcing && performance.now() - this.#announceAskedAt > ANNOUNCE_OVERDUE_MS) {
				this.#announceAskedAt = performance.now();
				this.#announceSlice();
			}
			const failedRooms = new Set<string>();
			let callbacks = false;
			for (const op of batch) {
				const err = failures.get(op);
				if (op.done) callbacks = true;
				if (err !== undefined) {
					failedRooms.add(op.roomId);
					this.#failures.push({ seq: op.seq, err });
				} else if (op.after) {
					// An announcement after a failed write of its room would show what is not stored.
					if (!failures.size) this.#announcements.push(op.after);
				}
			}
			// The inputs' callbacks where a promise's continuation would run: after this batch's
			// bookkeeping (and the next batch's cut when it goes at once: the writer is not kept
			// idle by the acks), before `drain` resolves.
			if (callbacks) queueMicrotask(() => this.#callBack(batch, failures));
			for (const roomId of failedRooms)
				if (roomId) for (const listener of this.#failed) listener(roomId);
			this.#done = batch.at(-1)!.seq;
			// Failures are looked up by events still waiting on them: a few seconds' worth is plenty.
			if (this.#failures.length > 1000) this.#failures.splice(0, this.#failures.length - 1000);
			const waiting = this.#waiters;
			this.#waiters = [];
			for (const w of waiting) {
				if (w.upTo <= this.#done) w.wake();
				else this.#waiters.push(w);
			}
			this.#announce();
		}
		this.#running = false;
	}

	/** A committed batch's inputThen callbacks (their acks), in order. */
	#callBack(batch: Op[], failures: Map<Op, unknown>): void {
		for (const op of batch) {
			if (!op.done) continue;
			try {
				op.done(failures.get(op));
			} catch (err) {
				console.error("[store] a committed input's callback failed", err);
			}
		}
	}

	/**
	 * Announcements go in turns of their own after the batch's acks, a few milliseconds each: a
	 * flush of 2,000 phones' updates is tens of milliseconds, and the acks of the inputs committed
	 * with it (and of those committed while it goes) used to wait behind all of it. Their order
	 * is kept; they still go only once what they show is committed.
	 */
	#announce(): void {
		if (this.#announcing || !this.#announcements.length) return;
		this.#announcing = true;
		this.#announceAskedAt = performance.now();
		setImmediate(() => {
			this.#announcing = false;
			this.#announceSlice();
		});
	}

	/** A few milliseconds of the announcements, in order; the rest in a turn of their own. */
	#announceSlice(): void {
		const list = this.#announcements;
		const spent = timeSlice(ANNOUNCE_SLICE_MS);
		let i = 0;
		while (i < list.length) {
			const fn = list[i++]!;
			try {
				fn();
			} catch (err) {
				console.error('[store] an announcement failed', err);
			}
			if (spent()) break;
		}
		list.splice(0, i);
		if (list.length) return this.#announce();
		// (Run mid-turn, the turn asked for may still come: it finds nothing left.)
		if (this.#announcing) return;
		const announced = this.#announced;
		this.#announced = [];
		for (const wake of announced) wake();
	}

	/**
	 * How long the next batch waits for more to gather before it is cut: `queued` ops are waiting,
	 * the oldest for `oldestMs`; `afterCommit` when the last batch has just committed. 0 cuts it
	 * now, 'turn' at the end of this turn of the event loop. Asked again whenever an op is queued
	 * during the wait, which ends as soon as the answer is 0. By default a run of writes starts
	 * after the turn that queued the first (a burst of one turn goes in one transaction) and each
	 * later batch as soon as the last has committed: whatever gathered meanwhile (group commit).
	 */
	protected wait(_queued: number, _oldestMs: number, afterCommit: boolean): number | 'turn' {
		return afterCommit ? 0 : 'turn';
	}

	/** Commits the batch in order; returns the writes that failed, each with the error to report. */
	protected abstract commitBatch(batch: Op[]): Promise<Map<Op, unknown>>;
}
