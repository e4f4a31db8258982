import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearRoomEpoch, setRoomEpoch } from '$lib/server/store/fence';
import { RECONNECTING } from '$lib/server/store/unavailable';
import { expectOk, send, startServer, type Client, type TestServer } from '../helpers/server';
import { freshDatabase, type TestDatabase } from './pg';
import { cuttableRelay } from './proxy';

// Organisation mode's safety rails on PostgreSQL: a node whose room lease was taken over can never
// write for that room again, and a node that loses PostgreSQL refuses inputs plainly, keeps its
// sockets, and writes again once PostgreSQL is back, without a restart.

let pgdb: TestDatabase;
let relay: Awaited<ReturnType<typeof cuttableRelay>>;
let server: TestServer;
beforeAll(async () => {
	pgdb = await freshDatabase();
	const target = new URL(pgdb.url);
	relay = await cuttableRelay({ host: target.hostname, port: Number(target.port || 5432) });
	// The node reaches PostgreSQL through the relay; the test reads the database directly.
	const viaRelay = new URL(pgdb.url);
	viaRelay.host = `127.0.0.1:${relay.port}`;
	server = await startServer({ kind: 'postgres', url: viaRelay.href });
});
afterAll(async () => {
	await server?.stop();
	await pgdb?.drop();
});

async function roomWithPhone() {
	const trainer = await server.trainer();
	const room = await server.room(trainer.id);
	const remote = await server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phone: Client = await server.client();
	expectOk(await send(phone, 'room:join', { code: room.code, name: 'Pia' }));
	const { runId } = expectOk(
		await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
	);
	const submit = (inputId: string) =>
		send(phone, 'activity:submit', { runId, inputId, input: { kind: 'add', text: inputId } });
	const stored = async () =>
		(
			await pgdb.query<{ client_input_id: string }>(
				`SELECT client_input_id FROM inputs WHERE activity_id = $1 ORDER BY seq`,
				[runId]
			)
		).map((r) => r.client_input_id);
	return { room, remote, phone, runId, submit, stored };
}

describe('fencing', () => {
	it('a node whose lease epoch was superseded writes nothing more for the room', async () => {
		const { room, remote, submit, stored } = await roomWithPhone();
		setRoomEpoch(room.id, 5);
		try {
			expect((await submit('mine')).ok).toBe(true);
			expect(
				await pgdb.query(`SELECT epoch FROM room_fences WHERE room_id = $1`, [room.id])
			).toEqual([{ epoch: '5' }]);
			// Another node takes the room over at epoch 6 and writes with it.
			await pgdb.query(`UPDATE room_fences SET epoch = 6 WHERE room_id = $1`, [room.id]);
			const refused = await submit('too-late');
			expect(refused.ok).toBe(false);
			const control = await send(remote, 'agenda:control', {
				roomId: room.id,
				control: { type: 'start' }
			});
			expect(control.ok).toBe(false);
			expect(await stored()).toEqual(['mine']);
			const [row] = await pgdb.query<{ run: { phase: string } }>(
				`SELECT run FROM rooms WHERE id = $1`,
				[room.id]
			);
			expect(row!.run.phase).toBe('ready');
			// Still refused the next time: the room is read again, and the fence holds.
			expect((await submit('still-late')).ok).toBe(false);
			expect(await stored()).toEqual(['mine']);
		} finally {
			clearRoomEpoch(room.id);
		}
	});

	it('without an epoch (one node, no lease) writes are not fenced', async () => {
		const { submit, stored } = await roomWithPhone();
		expect((await submit('free')).ok).toBe(true);
		expect(await stored()).toEqual(['free']);
	});
});

describe('PostgreSQL goes away and comes back', () => {
	it('inputs are refused with "reconnecting to storage" and nothing is acknowledged; then they are written again without a restart', async () => {
		const { phone, submit, stored } = await roomWithPhone();
		expect((await submit('before')).ok).toBe(true);
		await relay.cut();
		try {
			expect(await submit('during')).toEqual({ ok: false, code: 'server', error: RECONNECTING });
			// The phone's socket stays connected to the node meanwhile.
			expect(phone.connected).toBe(true);
		} finally {
			await relay.restore();
		}
		expect(await stored()).toEqual(['before']);
		// The phone's outbox sends it again: now it is written, once.
		expect(expectOk(await submit('during')).duplicate).toBe(false);
		expect((await submit('after')).ok).toBe(true);
		expect(await stored()).toEqual(['before', 'during', 'after']);
	});
});
