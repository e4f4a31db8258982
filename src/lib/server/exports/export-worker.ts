/**
 * A long-lived worker thread of the export pool (pool.ts): it takes one job at a time and keeps
 * its own read-only connection to the database file, so the live rooms' event loop neither reads
 * the session nor builds the file, and a download does not wait for a thread to start.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { Db } from '../db';
import * as schema from '../db/schema';
import { buildExport, buildValue, isValueJob, type ExportJob, type ValueJob } from './build';

export interface ToWorker {
	id: number;
	databasePath: string;
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

/** Opened on the first job and kept; a job for another file (tests use one per test) swaps it. */
let open: { path: string; client: Database.Database; db: Db } | undefined;

function connect(path: string): NonNullable<typeof open> {
	if (open?.path === path) return open;
	open?.client.close();
	open = undefined;
	const client = new Database(path, { readonly: true, fileMustExist: true });
	client.pragma('busy_timeout = 5000');
	open = { path, client, db: drizzle(client, { schema }) as Db };
	return open;
}

async function run({ id, databasePath, job }: ToWorker): Promise<void> {
	let value: unknown;
	try {
		const { client, db } = connect(databasePath);
		// One read transaction: the export is a consistent snapshot even while phones keep answering.
		client.exec('BEGIN');
		try {
			if (isValueJob(job)) value = buildValue(db, job);
			else
				await buildExport(db, job, (bytes) => post({ id, type: 'chunk', bytes }, [bytes.buffer]));
		} finally {
			if (client.inTransaction) client.exec('COMMIT');
		}
	} catch (err) {
		// After a failure (the file gone, say) the next job opens a fresh connection.
		open?.client.close();
		open = undefined;
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
