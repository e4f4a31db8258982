import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreLocation } from '$lib/server/store';

/**
 * The organisation-mode tests' PostgreSQL: ORG_TEST_PG_URL (a server URL whose database is only
 * used to create and drop others), by default the development machines' local server. Nothing
 * is assumed about what is in it: each test file gets a database of its own, dropped afterwards.
 */
export const ADMIN_URL =
	process.env.ORG_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
	name: string;
	url: string;
	location: StoreLocation;
	/** Runs SQL on the test database itself, outside the app (to look at rows, or meddle). */
	query<R extends pg.QueryResultRow = pg.QueryResultRow>(
		text: string,
		values?: unknown[]
	): Promise<R[]>;
	drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: ADMIN_URL });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/** A new, empty database `wc_test_<random>` on the test server. */
export async function freshDatabase(): Promise<TestDatabase> {
	const name = `wc_test_${randomBytes(6).toString('hex')}`;
	await admin((c) => c.query(`CREATE DATABASE ${name}`));
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	const pool = new pg.Pool({ connectionString: url.href, max: 2 });
	// pool.end() resolves before its clients have closed: the forced drop below can terminate one
	// that is still closing, and a pool without a listener throws that error out of the test run.
	pool.on('error', () => {});
	return {
		name,
		url: url.href,
		location: { kind: 'postgres', url: url.href },
		async query(text, values) {
			return (await pool.query(text, values)).rows;
		},
		async drop() {
			await pool.end();
			// FORCE: a connection the app left behind (a killed node) must not keep the database.
			await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		}
	};
}
