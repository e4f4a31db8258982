/**
 * A long-lived worker thread of the export pool (pool.ts): it takes one job at a time and keeps
 * its own read-only connection to the database (the SQLite file, or PostgreSQL in organisation
 * mode), so the live rooms' event loop neither reads
 * the session nor builds the file, and a download does not wait for a thread to start.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { StoreLocation } from '../store';
import { openReader, type Reader } from '../store/reader';
import { buildExport, buildValue, isValueJob, type ExportJob, type ValueJob } from './build';

export interface ToWorker {
	id: number;
	location: StoreLocation;
	job: ExportJob | ValueJob;
}

/** Every message names its job; the last one of a job (value, end, error) carries the heap's size. */
export type FromWorker =
	| { id: number; type: 'chunk'; bytes: Uint8Array<ArrayBuffer> }
	| { id: number; type: 'value'; value: unknown; heapMb: number }
	| { id: number; type: 'end'; heapMb: number }
	| { id: number; type: 'error'; message: string; heapMb: number };

/**
 * On Linux a thread has its own nice value: this one yields the CPU to the event loop serving the
 * live rooms whenever both want it (on a two-core server they often do). Elsewhere: no-op.
 */
function yieldToLiveRooms(): void {
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (tid > 0) setPriority(tid, 10);
	} catch {
		// Not Linux, or not allowed: the export still runs, at normal priority.
	}
}

yieldToLiveRooms();
const port = parentPort!;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
	port.postMessage(message, transfer);
/** The heap this thread holds from the system: the pool retires a thread that grew large. */
const heapMb = () => Math.round(getHeapStatistics().total_heap_size / 1024 ** 2);

/** Opened on the first job and kept; a job for another database (tests use one per test) swaps it. */
let open: { key: string; reader: Reader } | undefined;

async function connect(location: StoreLocation): Promise<Reader> {
	const key = JSON.stringify(location);
	if (open?.key === key) return open.reader;
	await drop();
	open = { key, reader: await openReader(location) };
	return open.reader;
}

async function drop(): Promise<void> {
	const was = open;
	open = undefined;
	await was?.reader.close().catch(() => undefined);
}

async function run({ id, location, job }: ToWorker): Promise<void> {
	let value: unknown;
	try {
		const reader = await connect(location);
		// One read transaction: the export is a consistent snapshot even while phones keep answering.
		await reader.snapshot(async (store, db) => {
			if (isValueJob(job)) value = await buildValue(store, job, db);
			else
				await buildExport(
					store,
					job,
					(bytes) => post({ id, type: 'chunk', bytes }, [bytes.buffer]),
					db
				);
		});
	} catch (err) {
		// After a failure (the file gone, say) the next job opens a fresh connection.
		await drop();
		const message = err instanceof Error ? err.message : String(err);
		return post({ id, type: 'error', message, heapMb: heapMb() });
	}
	if (isValueJob(job)) post({ id, type: 'value', value, heapMb: heapMb() });
	else post({ id, type: 'end', heapMb: heapMb() });
}

// The pool sends a job only once the previous one ended; the chain keeps them apart regardless.
let last = Promise.resolve();
port.on('message', (message: ToWorker) => {
	last = last.then(() => run(message));
});
