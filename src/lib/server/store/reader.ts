import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../db/schema';
import type { Q, Store, StoreLocation, Writes } from './types';

/** A reader's store: the queries work, and any write is a bug (it is read-only). */
const NO_WRITES = new Proxy({} as Writes, {
	get() {
		throw new Error('The export reader does not write.');
	}
});

export interface Reader {
	/** Runs `fn` in one read-only transaction: a consistent snapshot while phones keep answering. */
	snapshot(fn: (store: Store, db: Q) => Promise<void>): Promise<void>;
	close(): Promise<void>;
}

/** The export worker's own read-only connection to the store at `location`. */
export async function openReader(location: StoreLocation): Promise<Reader> {
	if (location.kind === 'postgres') {
		const { openPgReader } = await import('./pg');
		return openPgReader(location.url);
	}
	const client = new Database(location.path, { readonly: true, fileMustExist: true });
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	const store: Store = {
		dialect: 'sqlite',
		db,
		t: schema,
		writes: NO_WRITES,
		location,
		transaction: <T>(fn: (tx: Q) => Promise<T>) => fn(db),
		close: async () => {
			client.close();
		}
	};
	return {
		async snapshot(fn) {
			client.exec('BEGIN');
			try {
				await fn(store, db);
			} finally {
				client.exec('COMMIT');
			}
		},
		async close() {
			client.close();
		}
	};
}
