/**
 * A worker thread that builds one export (see pool.ts): its own read-only connection to the
 * database (the SQLite file, or PostgreSQL in organisation mode), so the live rooms' event loop
 * neither reads the session nor builds the file.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreLocation } from '../store';
import { openReader } from '../store/reader';
import { buildExport, buildValue, type ExportJob, type ValueJob } from './build';

export interface WorkerInput {
	location: StoreLocation;
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
const { location, job } = workerData as WorkerInput;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
	port.postMessage(message, transfer);

let reader: Awaited<ReturnType<typeof openReader>> | undefined;
try {
	reader = await openReader(location);
	// One read transaction: the export is a consistent snapshot even while phones keep answering.
	await reader.snapshot(async (store, db) => {
		if (job.kind === 'report') post({ type: 'value', value: await buildValue(store, job, db) });
		else
			await buildExport(store, job, (bytes) => post({ type: 'chunk', bytes }, [bytes.buffer]), db);
	});
	post({ type: 'end' });
} catch (err) {
	post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
} finally {
	await reader?.close();
}
