import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '$lib/server/store/sqlite';
import { SqliteThreadWrites } from '$lib/server/store/sqlite-writer';
import type { InputRow, Store } from '$lib/server/store/types';
import { tempDbPath } from '../helpers/server';

/**
 * SQLite's writes go to a writer thread (store/sqlite-writer.ts). What the engines rely on:
 * an input resolves only once it is committed (another connection reads it then), everything
 * commits in the order it was queued, one bad write fails alone, and announcements wait for
 * the writes queued before them.
 */

let tmp: ReturnType<typeof tempDbPath>;
let store: Store;
let other: Database.Database;

beforeEach(() => {
	tmp = tempDbPath();
	store = openSqliteStore(tmp.path);
	other = new Database(tmp.path, { readonly: true });
	const main = new Database(tmp.path);
	main.exec(`INSERT INTO trainers (id, email, name, password_hash, created_at)
		VALUES ('t1', 't@example.org', 'T', 'x', 0);
		INSERT INTO rooms (id, code, trainer_id, agenda_id, title, agenda, run, status, created_at)
		VALUES ('r1', 'ABCD', 't1', 'a1', 'Room', '{}', '{}', 'open', 0);
		INSERT INTO participants (id, room_id, name, name_key, seat_token_hash, joined_at)
		VALUES ('p1', 'r1', 'Ann', 'ann', 'h1', 0), ('p2', 'r1', 'Bob', 'bob', 'h2', 0);`);
	main.close();
});

afterEach(async () => {
	other.close();
	await store.close();
	tmp.cleanup();
});

const row = (participantId: string, clientInputId: string): InputRow => ({
	roomId: 'r1',
	participantId,
	clientInputId,
	activityId: 'run1',
	groupId: null,
	kind: 'poll',
	payload: { choice: clientInputId },
	createdAt: 1
});

const stored = () =>
	other
		.prepare('SELECT participant_id, trainer_id, client_input_id FROM inputs ORDER BY seq')
		.all() as {
		participant_id: string | null;
		trainer_id: string | null;
		client_input_id: string;
	}[];

describe('SQLite writer thread', () => {
	it('resolves an input only once another connection can read it, in the order queued', async () => {
		const first = store.writes.input('r1', row('p1', 'a'));
		store.writes.trainerInput('r1', { ...row('p1', 'b'), participantId: null, trainerId: 't1' });
		const third = store.writes.input('r1', row('p2', 'c'));
		await first;
		expect(stored().map((r) => r.client_input_id)).toEqual(['a', 'b', 'c']);
		await third;
		expect(stored()[1]).toMatchObject({ participant_id: null, trainer_id: 't1' });
	});

	it('fails only the bad write of a batch, and tells which room to reload', async () => {
		const failed: string[] = [];
		store.writes.onFailed((roomId) => failed.push(roomId));
		const good = store.writes.input('r1', row('p1', 'a'));
		// No such participant: the foreign key refuses it.
		const bad = store.writes.input('r1', row('nobody', 'b'));
		const after = store.writes.input('r1', row('p2', 'c'));
		await expect(good).resolves.toBeUndefined();
		await expect(bad).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
		await expect(after).resolves.toBeUndefined();
		expect(stored().map((r) => r.client_input_id)).toEqual(['a', 'c']);
		expect(failed).toEqual(['r1']);
	});

	it('runs statements in their place in the queue, and announcements after the writes before them', async () => {
		const seen: string[] = [];
		const input = store.writes.input('r1', row('p1', 'a'));
		store.writes.run(
			'r1',
			store.db.update(store.t.rooms).set({ title: 'Renamed' }).where(eq(store.t.rooms.id, 'r1'))
		);
		store.writes.afterCommit(() =>
			seen.push(
				(other.prepare('SELECT title FROM rooms').get() as { title: string }).title +
					` ${stored().length}`
			)
		);
		await input;
		await store.writes.drain();
		expect(seen).toEqual(['Renamed 1']);
	});

	it('acknowledges the inputs of a batch before its announcements, which go in turns of a few milliseconds', async () => {
		const order: string[] = [];
		const input = store.writes.input('r1', row('p1', 'a')).then(() => order.push('ack'));
		for (let i = 0; i < 20; i++)
			store.writes.afterCommit(() => {
				// The first announcement asks for a turn of the event loop: it comes before the last one.
				if (i === 0) setImmediate(() => order.push('turn'));
				const end = performance.now() + 1;
				while (performance.now() < end);
				order.push(`announce ${i}`);
			});
		await input;
		await store.writes.drain();
		expect(order[0]).toBe('ack');
		expect(order.indexOf('turn')).toBeGreaterThan(1);
		expect(order.indexOf('turn')).toBeLessThan(order.length - 1);
		expect(order.filter((o) => o.startsWith('announce'))).toEqual(
			Array.from({ length: 20 }, (_, i) => `announce ${i}`)
		);
	});

	it('sends a batch to the writer during a long turn of the event loop once its oldest write has waited 2 ms', async () => {
		// A burst's turn reads thousands of sockets, one callback after another: a batch that waited
		// for the turn's end left the writer idle all through it and every ack a turn late.
		const proto = SqliteThreadWrites.prototype as unknown as {
			commitBatch(batch: unknown[]): Promise<unknown>;
		};
		let turnOver = false;
		const cuts: { size: number; turnOver: boolean }[] = [];
		const commit = proto.commitBatch;
		const spy = vi.spyOn(proto, 'commitBatch').mockImplementation(function (
			this: unknown,
			batch: unknown[]
		) {
			cuts.push({ size: batch.length, turnOver });
			return commit.call(this, batch);
		});
		try {
			setImmediate(() => (turnOver = true));
			const first = store.writes.input('r1', row('p1', 'a'));
			// The next callback of the same turn, 3 ms of reading later.
			const end = performance.now() + 3;
			while (performance.now() < end);
			await Promise.resolve();
			const second = store.writes.input('r1', row('p2', 'b'));
			await Promise.resolve();
			await Promise.resolve();
			expect(cuts).toEqual([{ size: 2, turnOver: false }]);
			await Promise.all([first, second]);
			expect(stored().map((r) => r.client_input_id)).toEqual(['a', 'b']);
		} finally {
			spy.mockRestore();
		}
	});

	it('keeps a repeated input id out, as the unique index says, and lets a trainer reuse it', async () => {
		await store.writes.input('r1', row('p1', 'same'));
		await expect(store.writes.input('r1', row('p1', 'same'))).rejects.toMatchObject({
			code: 'SQLITE_CONSTRAINT_UNIQUE'
		});
		store.writes.trainerInput('r1', { ...row('p1', 'same'), participantId: null, trainerId: 't1' });
		await store.writes.drain();
		expect(stored()).toHaveLength(2);
	});
});

describe('an in-memory database', () => {
	it('is refused at start-up, saying why and what to do', () => {
		expect.assertions(1);
		expect(() => openSqliteStore(':memory:')).toThrow(
			/DATABASE_PATH=:memory: is not supported.*writer thread.*Give DATABASE_PATH a file/
		);
	});
});
