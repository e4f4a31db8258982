import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appRoot, findUp } from '../paths';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Default database file: `data/workshop.db` in the app's folder; `DATABASE_PATH` moves it. */
export function databasePath(): string {
	return process.env.DATABASE_PATH || join(appRoot(), 'data', 'workshop.db');
}

export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	// WAL with NORMAL is durable against process crashes (kill -9), which is what "on disk before the ack" needs.
	client.pragma('synchronous = NORMAL');
	client.pragma('busy_timeout = 5000');
	const db = drizzle(client, { schema });
	// In development this finds ./drizzle, in a build the copy shipped as build/drizzle.
	migrate(db, { migrationsFolder: findUp('drizzle', 'meta/_journal.json') });
	return db;
}

const KEY = Symbol.for('workshop-companion.db');
type WithDb = typeof globalThis & { [KEY]?: Db };

/**
 * The process's one database handle. Kept on globalThis so that development reloads and the
 * socket server (loaded by the Vite plugin) share it with the routes.
 */
export function getDb(): Db {
	const g = globalThis as WithDb;
	g[KEY] ??= openDatabase(databasePath());
	return g[KEY];
}
