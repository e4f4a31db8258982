import type { SQLWrapper } from 'drizzle-orm';
import { timeSlice } from '../slice';
import type { InputRow, Writes } from './types';

/** How long one turn of announcements may run before the acks waiting behind it go. */
const ANNOUNCE_SLICE_MS = 4;

export interface Op {
	seq: number;
	roomId: string;
	statements?: SQLWrapper[];
	input?: InputRow;
	after?: () => void;
	resolve?: () => void;
	reject?: (err: unknown) => void;
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
	#announced: (() => void)[] = [];

	run(roomId: string, ...statements: SQLWrapper[]): void {
		if (statements.length) this.#push({ roomId, statements });
	}

	input(roomId: string, row: InputRow): Promise<void> {
		return new Promise((resolve, reject) => this.#push({ roomId, input: row, resolve, reject }));
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
		const { roomId, statements, input, after, resolve, reject } = op;
		this.#queue.push({ seq: ++this.#seq, roomId, statements, input, after, resolve, reject });
		if (!this.#running) {
			this.#running = true;
			// One turn of the event loop gathers a burst, as SQLite's group commit does.
			setImmediate(() => void this.#loop());
		}
	}

	async #loop(): Promise<void> {
		while (this.#queue.length) {
			const gathering = this.gather();
			if (gathering) await gathering;
			const batch = this.#queue;
			this.#queue = [];
			const failures = await this.commitBatch(batch);
			const failedRooms = new Set<string>();
			for (const op of batch) {
				const err = failures.get(op);
				if (err !== undefined) {
					failedRooms.add(op.roomId);
					this.#failures.push({ seq: op.seq, err });
					op.reject?.(err);
				} else if (op.after) {
					// An announcement after a failed write of its room would show what is not stored.
					if (!failures.size) this.#announcements.push(op.after);
				} else op.resolve?.();
			}
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

	/**
	 * Announcements go in turns of their own after the batch's acks, a few milliseconds each: a
	 * flush of 2,000 phones' updates is tens of milliseconds, and the acks of the inputs committed
	 * with it (and of those committed while it goes) used to wait behind all of it. Their order
	 * is kept; they still go only once what they show is committed.
	 */
	#announce(): void {
		if (this.#announcing || !this.#announcements.length) return;
		this.#announcing = true;
		setImmediate(() => {
			this.#announcing = false;
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
			const announced = this.#announced;
			this.#announced = [];
			for (const wake of announced) wake();
		});
	}

	/** Waits, if the store wants, for more to queue before the next batch is cut. */
	protected gather(): Promise<void> | undefined {
		return undefined;
	}

	/** Commits the batch in order; returns the writes that failed, each with the error to report. */
	protected abstract commitBatch(batch: Op[]): Promise<Map<Op, unknown>>;
}
