import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQLWrapper } from 'drizzle-orm';
import type * as schema from '../db/schema';

/** The tables, by their names in schema.ts; PostgreSQL's are pg-schema.ts's, with the same names and columns. */
export type Tables = typeof schema;

/**
 * The query builder the store's modules write their queries with. Both dialects' builders take the
 * same calls (select/insert/update/delete, where, orderBy, returning); the store only ever awaits
 * them, which both execute, so one body of queries serves SQLite and PostgreSQL and they cannot
 * drift apart. PostgreSQL's builder is typed as this one (see pg.ts).
 */
export type Q = BetterSQLite3Database<Tables>;

export type InputRow = Tables['inputs']['$inferInsert'];

/** Where the database is, so the export worker can open its own connection to it. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * The live engines' writes. The engines keep their state in memory and stay synchronous; their
 * writes go through here, in order:
 * - SQLite runs a write at once (a failure throws where it was made, as before); phones' inputs
 *   wait for the next turn of the event loop and commit together (group commit).
 * - PostgreSQL queues every write; the queue commits what has gathered in one transaction per
 *   batch (the same group commit), one batch at a time, so the order on disk is the order made.
 * Every socket event waits for `settled` before its ack, so an acknowledged input is committed.
 */
export interface Writes {
	/** Statements for one room, in one transaction. */
	run(roomId: string, ...statements: SQLWrapper[]): void;
	/** One participant's input; resolves once it is committed. */
	input(roomId: string, row: InputRow): Promise<void>;
	/**
	 * The same, with a callback (undefined once committed, else the failure) instead of a promise:
	 * a burst's inputs wait for their commit by the thousand, and each promise (with its async
	 * hooks) lived long enough to be copied by V8's young-generation collections.
	 */
	inputThen(roomId: string, row: InputRow, done: (err: unknown) => void): void;
	/** A trainer's activity control: written after the queued phone inputs, in the same order they were applied. */
	trainerInput(roomId: string, row: InputRow): void;
	/** Commits queued phone inputs now (SQLite); PostgreSQL's queue is already in order. */
	commitInputs(): void;
	/** Where the queue is now: `settled(mark)` waits for what is queued after it. */
	mark(): number;
	/** Resolves once everything queued after `mark` is committed; rejects with the first failure. */
	settled(mark: number): Promise<void>;
	/** Resolves once everything queued so far is committed or failed. */
	drain(): Promise<void>;
	/** Runs `fn` once everything queued so far is committed (at once in SQLite): nothing is announced before it is on disk. */
	afterCommit(fn: () => void): void;
	/** A room whose write failed: its memory is ahead of the disk, and the engines drop it to reload it. */
	onFailed(listener: (roomId: string) => void): void;
}

export interface Store {
	readonly dialect: 'sqlite' | 'postgres';
	readonly db: Q;
	readonly t: Tables;
	readonly writes: Writes;
	readonly location: StoreLocation;
	/** Runs `fn` in one transaction; `fn` must use the handle it is given. */
	transaction<T>(fn: (tx: Q) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}
