import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SQLWrapper } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { QueuedWrites, type Op } from './queue';
import type { InputRow } from './types';

/**
 * SQLite's writes on a thread of their own. A burst of answers from thousands of phones was a
 * fifth of the event loop's time in SQLite alone (each commit writes a page per index leaf it
 * touched, and on this kind of machine every write is a slow system call): here the live rooms'
 * thread only queues the rows and the writer thread commits them, on its own connection to the
 * same file (WAL: one writer at a time, readers never blocked). The order stays one queue
 * (queue.ts, as PostgreSQL's): phone inputs, trainer actions and a run's changes commit in the
 * order they happened, an input is acknowledged only once its batch is committed, and nothing is
 * announced before what it shows is on disk.
 */

export const INSERT_INPUT = `INSERT INTO inputs (room_id, participant_id, trainer_id, client_input_id, activity_id, group_id, kind, payload, created_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** An input row as the insert binds it (positional: binding by name costs a lookup per column). */
export function inputParams(row: InputRow): unknown[] {
	return [
		row.roomId,
		row.participantId ?? null,
		row.trainerId ?? null,
		row.clientInputId,
		row.activityId ?? null,
		row.groupId ?? null,
		row.kind,
		JSON.stringify(row.payload),
		row.createdAt
	];
}

/** One queued write as it crosses to the thread: an input's values, or statements as SQL text. */
type WireOp = { input: unknown[] } | { statements: { sql: string; params: unknown[] }[] };
/** A batch's ops go as one JSON text: cloning thousands of small arrays cost the live thread more. */
type ToWriter = { id: number; ops: string } | { close: true };
type Failure = { message: string; code?: string };
type FromWriter = { id: number; failures: [number, Failure][] } | { closed: true };

/**
 * The writer thread's whole program. It runs from its source text (`new Worker(…, { eval })`), so
 * it uses nothing from this module: `load` is the thread's own `require`.
 */
function writerMain(load: (id: string) => unknown): void {
	const { parentPort, workerData } = load('node:worker_threads') as {
		parentPort: import('node:worker_threads').MessagePort;
		workerData: { driver: string; path: string; insert: string };
	};
	const Database = load(workerData.driver) as typeof import('better-sqlite3');
	const db = new Database(workerData.path);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	db.pragma('synchronous = NORMAL');
	db.pragma('busy_timeout = 5000');
	const insert = db.prepare(workerData.insert);
	const prepared = new Map<string, import('better-sqlite3').Statement>();
	const statement = (sql: string) => {
		let s = prepared.get(sql);
		if (!s) {
			// The engines' statements are a handful of shapes; a bound keeps a surprise from growing.
			if (prepared.size > 500) prepared.clear();
			prepared.set(sql, (s = db.prepare(sql)));
		}
		return s;
	};
	const one = (op: WireOp) => {
		if ('input' in op) insert.run(...op.input);
		else for (const s of op.statements) statement(s.sql).run(...s.params);
	};
	const all = db.transaction((ops: WireOp[]) => {
		for (const op of ops) one(op);
	});
	const alone = db.transaction(one);
	parentPort.on('message', (msg: ToWriter) => {
		if ('close' in msg) {
			db.close();
			parentPort.postMessage({ closed: true } satisfies FromWriter);
			return;
		}
		const failures: [number, Failure][] = [];
		const ops = JSON.parse(msg.ops) as WireOp[];
		try {
			all(ops);
		} catch {
			// One bad write fails only itself: the rest go in one at a time.
			ops.forEach((op, i) => {
				try {
					alone(op);
				} catch (err) {
					const e = err as { message?: string; code?: string };
					failures.push([i, { message: String(e.message ?? err), code: e.code }]);
				}
			});
		}
		parentPort.postMessage({ id: msg.id, failures } satisfies FromWriter);
	});
}

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** See wait(). */
const GATHER_MS = 2;
/** A batch this large goes at once, however recent the last (see wait()). */
const GATHER_ENOUGH = 256;

/** The failure as the engines and the ack handler see one from the in-thread store. */
function errorOf(f: Failure): Error {
	return Object.assign(new Error(f.message), f.code ? { code: f.code } : {});
}

export class SqliteThreadWrites extends QueuedWrites {
	readonly #dialect = new SQLiteSyncDialect();
	#worker: Worker | undefined;
	#nextId = 1;
	#lastPost = 0;
	readonly #waiting = new Map<number, (failures: [number, Failure][]) => void>();

	constructor(private readonly path: string) {
		super();
		this.#start();
	}

	#start(): Worker {
		// Development servers run through tsx, whose transform names functions with an `__name`
		// helper from the module's scope: the thread gets a stand-in (names are not needed there).
		const source = `const __name = (fn) => fn; (${writerMain.toString()})(require);`;
		const worker = new Worker(source, {
			eval: true,
			// It holds one batch at a time: a small heap keeps its share of the server's memory small.
			resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 },
			workerData: { driver, path: this.path, insert: INSERT_INPUT }
		});
		worker.on('message', (msg: FromWriter) => {
			if ('id' in msg) {
				this.#waiting.get(msg.id)?.(msg.failures);
				this.#waiting.delete(msg.id);
			}
		});
		// A thread that dies fails what it held (the rooms reload from disk); the next batch starts another.
		const lost = (why: string) => {
			if (this.#worker === worker) this.#worker = undefined;
			for (const [id, settle] of this.#waiting) {
				settle([[-1, { message: `The database writer stopped: ${why}` }]]);
				this.#waiting.delete(id);
			}
		};
		worker.on('error', (err) => lost(err.message));
		worker.on('exit', (code) => lost(`exit ${code}`));
		worker.unref();
		this.#worker = worker;
		return worker;
	}

	#query(statement: SQLWrapper): { sql: string; params: unknown[] } {
		const { sql, params } = this.#dialect.sqlToQuery(statement.getSQL());
		return { sql, params };
	}

	/**
	 * Every message to the thread costs the live thread a wake-up of the writer (a system call,
	 * slow on a virtual machine: it was 5 % of the live thread's time when each batch went as soon
	 * as the last one was committed, four or five inputs each). A batch goes at most every
	 * GATHER_MS (unless GATHER_ENOUGH are waiting): more inputs per message, for at most that much
	 * more wait before the acks.
	 *
	 * Past that, a batch whose oldest write has waited GATHER_MS goes at once, not at the end of the
	 * turn. In a burst the event loop's poll phase reads thousands of sockets before its turn ends:
	 * waiting for that end, each batch took a whole turn, 4,000 phones' inputs went in two batches
	 * of 4,000 a second while the writer sat idle between them, an input waited up to a second for
	 * its ack (timed inside the server) and everything it held survived V8's young collections.
	 * Now the writer commits while the live thread reads on. What was announced with the batches
	 * keeps up too (queue.ts runs late announcements after a commit, the activity engine a late
	 * flush before an input): cut alone, acks going out mid-turn kept the turn going and the
	 * projector's views waited for its end (a 2.3–2.7 s p99 at 8,000 phones instead of 1.4–1.7 s).
	 */
	protected wait(queued: number, oldestMs: number): number | 'turn' {
		const sincePost = performance.now() - this.#lastPost;
		if (queued >= GATHER_ENOUGH) return 0;
		if (sincePost < GATHER_MS) return GATHER_MS - sincePost;
		return oldestMs >= GATHER_MS ? 0 : 'turn';
	}

	protected async commitBatch(batch: Op[]): Promise<Map<Op, unknown>> {
		const writes = batch.filter((op) => op.statements || op.input);
		const failures = new Map<Op, unknown>();
		if (!writes.length) return failures;
		let ops: string;
		try {
			ops = JSON.stringify(
				writes.map((op): WireOp =>
					op.input
						? { input: inputParams(op.input) }
						: { statements: (op.statements ?? []).map((s) => this.#query(s)) }
				)
			);
		} catch (err) {
			for (const op of writes) failures.set(op, err);
			return failures;
		}
		const id = this.#nextId++;
		this.#lastPost = performance.now();
		const worker = this.#worker ?? this.#start();
		// Held only while a batch is out: an idle writer does not keep the process alive.
		worker.ref();
		const reply = await new Promise<[number, Failure][]>((settle) => {
			this.#waiting.set(id, settle);
			worker.postMessage({ id, ops } satisfies ToWriter);
		});
		if (this.#waiting.size === 0) worker.unref();
		for (const [i, failure] of reply) {
			// -1: the thread died with the batch; none of it is known to be stored.
			if (i < 0) for (const op of writes) failures.set(op, errorOf(failure));
			else failures.set(writes[i]!, errorOf(failure));
		}
		return failures;
	}

	/** Everything queued commits, then the thread closes its connection and ends. */
	async close(): Promise<void> {
		await this.drain();
		const worker = this.#worker;
		this.#worker = undefined;
		if (!worker) return;
		worker.ref();
		await new Promise<void>((done) => {
			worker.once('exit', () => done());
			worker.once('message', () => void worker.terminate());
			worker.postMessage({ close: true } satisfies ToWriter);
		});
	}
}
