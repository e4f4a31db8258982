/**
 * A worker thread that builds one export (see pool.ts): its own read-only connection to the
 * database file, so the live rooms' event loop neither reads the session nor builds the file.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../db';
import * as schema from '../db/schema';
import { buildExport, buildValue, type ExportJob, type ValueJob } from './build';

export interface WorkerInput {
	databasePath: string;
	job: ExportJob | ValueJob;
}

export type WorkerMessage =
	| { type: 'chunk'; bytes: Uint8Array<ArrayBuffer> }
	| { type: 'value'; value: unknown }
	| { type: 'end' }
	| { type: 'error'; message: string };

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
const { databasePath, job } = workerData as WorkerInput;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
	port.postMessage(message, transfer);

let client: Database.Database | undefined;
try {
	client = new Database(databasePath, { readonly: true, fileMustExist: true });
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema }) as Db;
	// One read transaction: the export is a consistent snapshot even while phones keep answering.
	client.exec('BEGIN');
	if (job.kind === 'report') post({ type: 'value', value: buildValue(db, job) });
	else await buildExport(db, job, (bytes) => post({ type: 'chunk', bytes }, [bytes.buffer]));
	client.exec('COMMIT');
	post({ type: 'end' });
} catch (err) {
	post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
} finally {
	client?.close();
}
