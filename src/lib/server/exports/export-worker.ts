/**
 * A worker thread that builds one export (see pool.ts): its own read-only connection to the
 * database file, so the live rooms' event loop neither reads the session nor builds the file.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../db';
import * as schema from '../db/schema';
import { buildExport, type ExportJob } from './build';

export interface WorkerInput {
	databasePath: string;
	job: ExportJob;
}

export type WorkerMessage =
	| { type: 'chunk'; bytes: Uint8Array<ArrayBuffer> }
	| { type: 'end' }
	| { type: 'error'; message: string };

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
	await buildExport(db, job, (bytes) => post({ type: 'chunk', bytes }, [bytes.buffer]));
	client.exec('COMMIT');
	post({ type: 'end' });
} catch (err) {
	post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
} finally {
	client?.close();
}
