import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { findUp } from '../paths';
import * as pgSchema from '../db/pg-schema';
import { FencedError, roomEpoch } from './fence';
import { isStorageUnavailable, reconnecting } from './unavailable';
import type { Reader } from './reader';
import { QueuedWrites, type Op } from './queue';
import type { InputRow, Q, Store, Tables } from './types';

type PgDb = NodePgDatabase<typeof pgSchema>;

// The two schemas have the same tables and columns (see pg-schema.ts): the store's queries take
// PostgreSQL's tables under SQLite's types, and are only ever awaited, which both builders do.
const tables = pgSchema as unknown as Tables;

/** Any migration run takes this lock first, so nodes starting together migrate one at a time. */
const MIGRATION_LOCK = 7_316_016;

function newPool(url: string, max: number): pg.Pool {
	const pool = new pg.Pool({
		connectionString: url,
		max,
		// A database that does not answer fails a write within seconds, not when TCP gives up.
		connectionTimeoutMillis: 3000
	});
	// A connection that dies while idle (PostgreSQL restarting) is dropped from the pool; without
	// this listener the error would end the process.
	pool.on('error', (err) => console.error('[store] a PostgreSQL connection closed:', err.message));
	// A connection that dies while checked out reports on the client itself (and its query fails):
	// heard here too, so it is never an uncaught exception.
	pool.on('connect', (client) => client.on('error', () => {}));
	return pool;
}

const onClient = new WeakMap<pg.PoolClient, PgDb>();

/**
 * One transaction on a connection of its own. Not drizzle's db.transaction: that one keeps the
 * connection checked out for ever when BEGIN itself fails (PostgreSQL went away), and puts a
 * connection that failed back in the pool; this one gives it back, or drops it if it is broken.
 */
async function inTransaction<T>(
	pool: pg.Pool,
	fn: (tx: PgDb) => Promise<T>,
	begin = 'BEGIN'
): Promise<T> {
	const client = await pool.connect();
	let failed: unknown;
	try {
		await client.query(begin);
		let tx = onClient.get(client);
		if (!tx) onClient.set(client, (tx = drizzle(client, { schema: pgSchema })));
		const out = await fn(tx);
		await client.query('COMMIT');
		return out;
	} catch (err) {
		failed = err;
		await client.query('ROLLBACK').catch(() => {});
		throw err;
	} finally {
		client.release(failed !== undefined && isStorageUnavailable(failed) ? true : undefined);
	}
}

/** Organisation mode's store: PostgreSQL through the pg driver's pool, migrated at start-up. */
export async function openPgStore(url: string): Promise<Store> {
	const pool = newPool(url, Number(process.env.PG_POOL_SIZE) || 10);
	const db = drizzle(pool, { schema: pgSchema });
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await migrate(drizzle(client, { schema: pgSchema }), {
			migrationsFolder: findUp('drizzle-pg', 'meta/_journal.json')
		});
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
		client.release();
	}
	return {
		dialect: 'postgres',
		db: db as unknown as Q,
		t: tables,
		writes: new PgWrites(pool),
		location: { kind: 'postgres', url },
		transaction: (fn) => inTransaction(pool, (tx) => fn(tx as unknown as Q)),
		async close() {
			await pool.end();
		}
	};
}

/** The export worker's reader: one connection, one repeatable-read snapshot. */
export async function openPgReader(url: string): Promise<Reader> {
	const pool = newPool(url, 1);
	const store = (tx: Q): Store => ({
		dialect: 'postgres',
		db: tx,
		t: tables,
		writes: undefined as never,
		location: { kind: 'postgres', url },
		transaction: (fn) => fn(tx),
		close: async () => {}
	});
	return {
		async snapshot(fn) {
			await inTransaction(
				pool,
				async (tx) => {
					const q = tx as unknown as Q;
					await fn(store(q), q);
				},
				'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'
			);
		},
		close: () => pool.end()
	};
}

/**
 * PostgreSQL's writes: one ordered queue per process (queue.ts). Whatever gathers while a
 * transaction is in flight commits together in the next one (group commit: a burst of inputs
 * costs one round of commits, not one each), with each room's fence checked in the same
 * transaction. A batch that fails for one bad write is retried a write at a time, so only that
 * write fails; a batch that fails because PostgreSQL does not answer fails whole with
 * "Reconnecting to storage" (unavailable.ts), and the next write tries again (the pool opens new
 * connections once the server is back: no restart needed).
 */
class PgWrites extends QueuedWrites {
	constructor(private readonly pool: pg.Pool) {
		super();
	}

	/** Commits the batch; returns the writes that failed, each with the error to report. */
	protected async commitBatch(batch: Op[]): Promise<Map<Op, unknown>> {
		const writes = batch.filter((op) => op.statements || op.input);
		const failures = new Map<Op, unknown>();
		if (!writes.length) return failures;
		try {
			await this.#commit(writes);
			return failures;
		} catch (err) {
			if (isStorageUnavailable(err) || writes.length === 1) {
				const reported = forPeople(err);
				for (const op of writes) failures.set(op, reported);
				return failures;
			}
		}
		for (const op of writes) {
			try {
				await this.#commit([op]);
			} catch (err) {
				failures.set(op, forPeople(err));
			}
		}
		return failures;
	}

	/** One transaction: each room's fence first, then the writes in order, inputs in multi-row inserts. */
	async #commit(ops: Op[]): Promise<void> {
		await inTransaction(this.pool, async (tx) => {
			for (const roomId of new Set(ops.map((op) => op.roomId))) {
				const epoch = roomEpoch(roomId);
				if (epoch === undefined) continue;
				const fenced =
					await tx.execute(sql`INSERT INTO room_fences (room_id, epoch) VALUES (${roomId}, ${epoch})
					ON CONFLICT (room_id) DO UPDATE SET epoch = EXCLUDED.epoch
					WHERE room_fences.epoch <= EXCLUDED.epoch RETURNING epoch`);
				if (fenced.rows.length === 0) throw new FencedError(roomId, epoch);
			}
			let inputs: InputRow[] = [];
			const insertInputs = async () => {
				if (!inputs.length) return;
				await tx.insert(pgSchema.inputs).values(inputs as (typeof pgSchema.inputs.$inferInsert)[]);
				inputs = [];
			};
			for (const op of ops) {
				if (op.input) {
					inputs.push(op.input);
					continue;
				}
				await insertInputs();
				for (const statement of op.statements ?? []) await tx.execute(statement);
			}
			await insertInputs();
		});
	}
}

/** PostgreSQL not answering is said plainly; other failures go on as they are (the ack says "server"). */
function forPeople(err: unknown): unknown {
	return isStorageUnavailable(err) ? reconnecting() : err;
}
