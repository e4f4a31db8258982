import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { findUp } from '../paths';
import * as schema from '../db/schema';
import { SqliteThreadWrites } from './sqlite-writer';
import type { Q, Store } from './types';

/** The default store: one SQLite file, opened once per process, migrated on open. */
export function openSqliteStore(path: string): Store {
	// The live rooms' writes are committed by a writer thread on a connection of its own, which an
	// in-memory database (one per connection) cannot have. Said at start-up rather than failing later.
	if (path === ':memory:' || path.startsWith('file::memory:'))
		throw new Error(
			'DATABASE_PATH=:memory: is not supported: the live rooms’ writes go through a writer thread with its own connection to the database file. Give DATABASE_PATH a file (a temporary one for a throwaway run).'
		);
	mkdirSync(dirname(path), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	// WAL with NORMAL is durable against process crashes (kill -9), which is what "on disk before the ack" needs.
	client.pragma('synchronous = NORMAL');
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	// In development this finds ./drizzle, in a build the copy shipped as build/drizzle.
	migrate(db, { migrationsFolder: findUp('drizzle', 'meta/_journal.json') });
	let open = Promise.resolve();
	const writes = new SqliteThreadWrites(path);
	return {
		dialect: 'sqlite',
		db,
		t: schema,
		// The live rooms' writes go to the writer thread (sqlite-writer.ts).
		writes,
		location: { kind: 'sqlite', path },
		// better-sqlite3's own transactions take only synchronous callbacks; the store's queries run
		// synchronously when awaited, so BEGIN…COMMIT around the callback holds them all. One at a time.
		async transaction<T>(fn: (tx: Q) => Promise<T>): Promise<T> {
			const turn = open.then(async () => {
				client.exec('BEGIN IMMEDIATE');
				try {
					const out = await fn(db);
					client.exec('COMMIT');
					return out;
				} catch (err) {
					if (client.inTransaction) client.exec('ROLLBACK');
					throw err;
				}
			});
			open = turn.then(
				() => undefined,
				() => undefined
			);
			return turn;
		},
		async close() {
			await writes.close();
			client.close();
		}
	};
}
