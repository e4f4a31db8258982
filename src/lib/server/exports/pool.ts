import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportJob, ValueJob, ValueOf } from './build';
import type { FromWorker, ToWorker } from './export-worker';
import type { StoreLocation } from '../store';

/**
 * Exports and the pages that replay a whole session (report, evidence packs) are built in worker
 * threads, never on the event loop that serves the live rooms: a 1,000-person workbook takes
 * seconds of CPU and hundreds of MB, which on the main thread would freeze every room on the
 * server. The threads are long-lived (a download does not wait for one to start), each with its
 * own read-only connection, one job at a time; at most `size` of them (one on a two-core machine,
 * leaving a core for the live rooms), so two trainers downloading at once queue rather than double
 * the stall. The queue is bounded: past it a download is refused with a "try again" instead of
 * piling up memory.
 *
 * Memory goes back: a thread whose heap grew past `retireHeapMb` (a large workbook) is ended after
 * its job, and an idle one after `idleMs`. A thread that crashes fails the job it held with a
 * clear error; the next job starts a fresh one.
 */
export interface PoolOptions {
	size: number;
	queueLimit: number;
	idleMs: number;
	retireHeapMb: number;
}

export class ExportError extends Error {
	/** 500: this job failed; 503: the server is busy or stopping, the same request may work later. */
	constructor(
		message: string,
		readonly status: 500 | 503 = 500
	) {
		super(message);
	}
}

/** A job's messages as the worker sends them; `stopped` when its thread died under it. */
interface Task {
	id: number;
	message: ToWorker;
	onMessage(message: FromWorker): void;
	stopped(err: ExportError): void;
}

interface Thread {
	worker: Worker;
	task: Task | undefined;
	idle: NodeJS.Timeout | undefined;
	/** Ended on purpose (idle, grown, shutdown): its exit is not a crash. */
	ending: boolean;
	crash: string | undefined;
}

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(here, 'export-worker.ts');

/** The built worker (scripts/build-export-worker.js): build/server/export-worker.js, above this chunk. */
function builtWorker(): string {
	for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
		const file = join(dir, 'export-worker.js');
		if (existsSync(file)) return file;
	}
	throw new ExportError('The export worker is missing from the build: run `npm run build` again.');
}

function startWorker(): Worker {
	// Development and vitest: the TypeScript source, through tsx's loader registered in the worker
	// itself (Node 20 does not pass `--import` on to workers). A build runs the bundled file.
	if (!existsSync(SOURCE)) return new Worker(builtWorker());
	const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(SOURCE).href)}); })`;
	return new Worker(boot, { eval: true });
}

export class ExportPool {
	readonly #threads = new Set<Thread>();
	readonly #queue: Task[] = [];
	#nextId = 1;
	#closed = false;

	constructor(readonly options: PoolOptions) {}

	/** The live threads: for tests and the benchmark (how many, and to end one as a crash would). */
	get workers(): Worker[] {
		return [...this.#threads].map((t) => t.worker);
	}

	/** Queues a job; its messages go to `onMessage`. Returns its id (for `cancel`). */
	submit(
		location: StoreLocation,
		job: ExportJob | ValueJob,
		onMessage: Task['onMessage'],
		stopped: Task['stopped']
	): number {
		if (this.#closed) throw new ExportError('The server is shutting down.', 503);
		if (this.#queue.length >= this.options.queueLimit)
			throw new ExportError(
				'The server is building many downloads right now. Please try again in a minute.',
				503
			);
		const id = this.#nextId++;
		this.#queue.push({ id, message: { id, location, job }, onMessage, stopped });
		this.#pump();
		return id;
	}

	/**
	 * The download was abandoned: dropped from the queue, or its thread ended (a builder may be deep
	 * in a synchronous step or an exceljs stream that cannot be stopped halfway); the next job gets
	 * a fresh thread.
	 */
	cancel(id: number): void {
		const queued = this.#queue.findIndex((t) => t.id === id);
		if (queued >= 0) this.#queue.splice(queued, 1);
		for (const thread of this.#threads)
			if (thread.task?.id === id) {
				thread.task = undefined;
				void this.#end(thread);
			}
	}

	/** Server shutdown: queued and running jobs fail with a 503, every thread is ended. */
	async close(): Promise<void> {
		this.#closed = true;
		const stopping = new ExportError('The server is shutting down.', 503);
		for (const task of this.#queue.splice(0)) task.stopped(stopping);
		await Promise.all(
			[...this.#threads].map((thread) => {
				const task = thread.task;
				thread.task = undefined;
				task?.stopped(stopping);
				return this.#end(thread);
			})
		);
	}

	#pump(): void {
		while (this.#queue.length) {
			let thread = [...this.#threads].find((t) => !t.task && !t.ending);
			if (!thread) {
				if (this.#threads.size >= this.options.size) return;
				try {
					thread = this.#spawn();
				} catch (err) {
					const failed = err instanceof ExportError ? err : new ExportError(String(err));
					for (const task of this.#queue.splice(0)) task.stopped(failed);
					return;
				}
			}
			const task = this.#queue.shift()!;
			clearTimeout(thread.idle);
			thread.task = task;
			// Busy, the thread keeps the process alive (a script awaiting an export); idle, it does not.
			thread.worker.ref();
			thread.worker.postMessage(task.message);
		}
	}

	#spawn(): Thread {
		const thread: Thread = {
			worker: startWorker(),
			task: undefined,
			idle: undefined,
			ending: false,
			crash: undefined
		};
		this.#threads.add(thread);
		thread.worker.on('message', (message: FromWorker) => this.#message(thread, message));
		thread.worker.on('error', (err) => {
			thread.crash = err.message;
		});
		thread.worker.on('exit', (code) => this.#exit(thread, code));
		return thread;
	}

	#message(thread: Thread, message: FromWorker): void {
		const task = thread.task;
		if (!task || task.id !== message.id) return;
		if (message.type === 'chunk') return task.onMessage(message);
		thread.task = undefined;
		thread.worker.unref();
		task.onMessage(message);
		if (message.heapMb > this.options.retireHeapMb) void this.#end(thread);
		else thread.idle = setTimeout(() => void this.#end(thread), this.options.idleMs).unref();
		this.#pump();
	}

	#exit(thread: Thread, code: number): void {
		clearTimeout(thread.idle);
		this.#threads.delete(thread);
		const task = thread.task;
		thread.task = undefined;
		if (task && !thread.ending) {
			const why = thread.crash ?? `exit code ${code}`;
			task.stopped(
				new ExportError(
					`The export worker stopped unexpectedly (${why}). Please try the download again.`
				)
			);
		}
		if (!this.#closed) this.#pump();
	}

	async #end(thread: Thread): Promise<void> {
		clearTimeout(thread.idle);
		thread.ending = true;
		await thread.worker.terminate();
	}
}

const KEY = Symbol.for('workshop-companion.export-pool');
type WithPool = typeof globalThis & { [KEY]?: ExportPool };

/**
 * The process's pool, on globalThis so that the production entry (scripts/serve.js) can end its
 * threads at shutdown and development reloads do not start a second one.
 */
export function exportPool(): ExportPool {
	const g = globalThis as WithPool;
	g[KEY] ??= new ExportPool({
		size: Math.max(
			1,
			Number(process.env.EXPORT_WORKERS) || Math.min(2, availableParallelism() - 1)
		),
		queueLimit: 32,
		idleMs: 60_000,
		retireHeapMb: 96
	});
	return g[KEY];
}

/**
 * The export as a stream of bytes, built by the pool. Resolves once the first bytes exist, so a
 * failure before then (a session or activity gone, a crash) rejects with an ExportError instead of
 * sending a broken file.
 */
export function exportStream(
	location: StoreLocation,
	job: ExportJob,
	pool = exportPool()
): Promise<ReadableStream<Uint8Array>> {
	return new Promise((resolve, reject) => {
		let controller!: ReadableStreamDefaultController<Uint8Array>;
		let started = false;
		let done = false;
		let id = 0;
		const stream = new ReadableStream<Uint8Array>({
			start: (c) => {
				controller = c;
			},
			// The browser went away: stop building.
			cancel: () => {
				done = true;
				pool.cancel(id);
			}
		});
		const fail = (err: ExportError) => {
			if (started) {
				if (!done) controller.error(err);
			} else reject(err);
			done = true;
		};
		id = pool.submit(
			location,
			job,
			(message) => {
				if (message.type === 'error') return fail(new ExportError(message.message));
				if (!started) {
					started = true;
					resolve(stream);
				}
				if (done) return;
				if (message.type === 'chunk') controller.enqueue(message.bytes);
				else {
					done = true;
					controller.close();
				}
			},
			fail
		);
	});
}

/** A page's data built by the pool (a report, an evidence pack), structured-cloned back. */
export function exportValue<J extends ValueJob>(
	location: StoreLocation,
	job: J,
	pool = exportPool()
): Promise<ValueOf[J['kind']]> {
	return new Promise((resolve, reject) => {
		pool.submit(
			location,
			job,
			(message) => {
				if (message.type === 'value') resolve(message.value as ValueOf[J['kind']]);
				else if (message.type === 'error') reject(new ExportError(message.message));
			},
			reject
		);
	});
}

/** The whole export in memory: for tests and callers that need the bytes, not a response. */
export async function exportBytes(
	location: StoreLocation,
	job: ExportJob,
	pool = exportPool()
): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	const reader = (await exportStream(location, job, pool)).getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}
