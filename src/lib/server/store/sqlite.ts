import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { SQLWrapper } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { findUp } from '../paths';
import * as schema from '../db/schema';
import { INSERT_INPUT, inputParams, SqliteThreadWrites } from './sqlite-writer';
import type { InputRow, Q, Store, Writes } from './types';

/** The default store: one SQLite file, opened once per process, migrated on open. */
export function openSqliteStore(path: string): Store {
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
	let open = Promise.resolve();
	const writes = path === ':memory:' ? new SqliteWrites(client, db) : new SqliteThreadWrites(path);
	return {
		dialect: 'sqlite',
		db,
		t: schema,
		// A file's writes go to the writer thread; an in-memory database exists only on this connection.
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
			if (writes instanceof SqliteThreadWrites) await writes.close();
			client.close();
		}
	};
}

/**
 * An in-memory database's writes (DATABASE_PATH=:memory:, which a writer thread cannot share): a
 * write runs at once; phones' inputs gather for one turn of the event loop and commit in one
 * transaction. The hottest write (every phone's every input) is
 * one statement compiled once, not a query built per call.
 */
class SqliteWrites implements Writes {
	#pending: { roomId: string; row: InputRow | undefined; done: (err?: unknown) => void }[] = [];
	#scheduled = false;
	readonly #failed: ((roomId: string) => void)[] = [];
	readonly #one: (row: InputRow) => void;
	readonly #many: (rows: InputRow[]) => void;
	readonly #statements: (statements: SQLWrapper[]) => void;

	readonly #db: Q;

	constructor(client: Database.Database, db: Q) {
		this.#db = db;
		const stmt = client.prepare(INSERT_INPUT);
		this.#one = (row) => stmt.run(...inputParams(row));
		this.#many = client.transaction((rows: InputRow[]) => {
			for (const row of rows) this.#one(row);
		});
		this.#statements = client.transaction((statements: SQLWrapper[]) => {
			for (const s of statements) this.#db.run(s);
		});
	}

	run(_roomId: string, ...statements: SQLWrapper[]): void {
		if (statements.length === 1) this.#db.run(statements[0]!);
		else if (statements.length) this.#statements(statements);
	}

	input(roomId: string, row: InputRow): Promise<void> {
		return new Promise((resolve, reject) => {
			this.#pending.push({
				roomId,
				row,
				done: (err) => (err === undefined ? resolve() : reject(err))
			});
			if (!this.#scheduled) {
				this.#scheduled = true;
				setImmediate(() => this.commitInputs());
			}
		});
	}

	trainerInput(_roomId: string, row: InputRow): void {
		this.commitInputs();
		this.#one(row);
	}

	/**
	 * Writes every queued input in one transaction. If that fails, each is tried alone, so one bad
	 * row fails only its own input; a room whose memory moved ahead of the disk is reported, to be
	 * rebuilt from what is stored before anyone is told.
	 */
	commitInputs(): void {
		this.#scheduled = false;
		const batch = this.#pending;
		if (batch.length === 0) return;
		this.#pending = [];
		const rows = batch.flatMap((p) => (p.row ? [p.row] : []));
		try {
			if (rows.length) this.#many(rows);
			for (const p of batch) p.done();
			return;
		} catch {
			// Fall through: one at a time.
		}
		const failedRooms = new Set<string>();
		const results = batch.map((p) => {
			if (!p.row) return undefined;
			try {
				this.#one(p.row);
				return undefined;
			} catch (err) {
				failedRooms.add(p.roomId);
				return err;
			}
		});
		for (const roomId of failedRooms) for (const listener of this.#failed) listener(roomId);
		batch.forEach((p, i) => p.done(results[i] ?? undefined));
	}

	mark(): number {
		return 0;
	}

	/** Nothing waits here: a write ran when it was made, and an input's own promise is its commit. */
	settled(): Promise<void> {
		return Promise.resolve();
	}

	drain(): Promise<void> {
		if (this.#pending.length === 0) return Promise.resolve();
		return new Promise((resolve) => {
			this.#pending.push({ roomId: '', row: undefined, done: () => resolve() });
		});
	}

	afterCommit(fn: () => void): void {
		fn();
	}

	onFailed(listener: (roomId: string) => void): void {
		this.#failed.push(listener);
	}
}
