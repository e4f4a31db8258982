import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import { createTrainer, findTrainerByEmail } from '$lib/server/auth/trainers';
import { verifyPassword } from '$lib/server/auth/password';
import { exportBytes } from '$lib/server/exports/pool';
import { startSession } from '$lib/server/facilitators';
import { duplicateAgenda, getCopy } from '$lib/server/agendas/library';
import { deleteParticipantData } from '$lib/server/exports/data-care';
import { findFileAgenda } from '$lib/server/content';
import {
	expectOk,
	phoneViews,
	send,
	sessionCookieFor,
	startServer,
	type Client,
	type TestServer
} from '../helpers/server';
import { freshDatabase, type TestDatabase } from './pg';

// The main paths of the app on PostgreSQL (organisation mode), through the real socket server.

let pgdb: TestDatabase;
let server: TestServer;
beforeAll(async () => {
	pgdb = await freshDatabase();
	server = await startServer(pgdb.location);
});
afterAll(async () => {
	await server?.stop();
	await pgdb?.drop();
});

/** A room with its trainer's remote, `n` seated phones and the test list activity launched. */
async function roomWith(n: number) {
	const trainer = await server.trainer();
	const room = await server.room(trainer.id);
	const remote = await server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phones: { socket: Client; id: string; token: string }[] = [];
	for (let i = 0; i < n; i++) {
		const socket = await server.client();
		const joined = expectOk(
			await send(socket, 'room:join', { code: room.code, name: `P${i + 1}` })
		);
		phones.push({ socket, id: joined.seat.participantId, token: joined.seatToken });
	}
	const { runId } = expectOk(
		await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
	);
	return { trainer, room, remote, phones, runId };
}

describe('organisation mode on PostgreSQL', () => {
	it('migrates a new database at start-up, with the fencing table', async () => {
		const tables = await pgdb.query<{ table_name: string }>(
			`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`
		);
		expect(tables.map((t) => t.table_name)).toEqual(
			expect.arrayContaining(['inputs', 'rooms', 'participants', 'room_fences', 'trainers'])
		);
	});

	it('an acknowledged answer is committed before its ack, once, however often it is sent', async () => {
		const { phones, runId } = await roomWith(2);
		const [a, b] = phones;
		// Both phones at once: one group commit for the two.
		const acks = await Promise.all([
			send(a!.socket, 'activity:submit', {
				runId,
				inputId: 'a1',
				input: { kind: 'add', text: 'x' }
			}),
			send(b!.socket, 'activity:submit', {
				runId,
				inputId: 'b1',
				input: { kind: 'add', text: 'y' }
			})
		]);
		for (const ack of acks) expect(ack.ok).toBe(true);
		// Read by another connection the moment the acks are in: committed, not just queued.
		const rows = await pgdb.query<{ client_input_id: string; payload: unknown }>(
			`SELECT client_input_id, payload FROM inputs WHERE activity_id = $1 ORDER BY seq`,
			[runId]
		);
		expect(rows.map((r) => r.client_input_id).sort()).toEqual(['a1', 'b1']);
		expect(rows.find((r) => r.client_input_id === 'a1')!.payload).toEqual({
			kind: 'add',
			text: 'x'
		});
		const again = expectOk(
			await send(a!.socket, 'activity:submit', {
				runId,
				inputId: 'a1',
				input: { kind: 'add', text: 'x' }
			})
		);
		expect(again.duplicate).toBe(true);
		expect(await pgdb.query(`SELECT 1 FROM inputs WHERE activity_id = $1`, [runId])).toHaveLength(
			2
		);
	});

	it('a restart rebuilds the room and its activity from PostgreSQL; phones resume their seats', async () => {
		const { room, remote, phones, runId } = await roomWith(3);
		for (const [i, p] of phones.entries())
			expectOk(
				await send(p.socket, 'activity:submit', {
					runId,
					inputId: `i${i}`,
					input: { kind: 'add', text: `from ${i}` }
				})
			);
		const before = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
		await server.stop();
		server = await startServer(pgdb.location);
		const again = await server.client({ cookie: await sessionCookieFor(server, room.id) });
		const rebuilt = expectOk(await send(again, 'room:watch', { roomId: room.id })).activity!;
		expect(rebuilt.view).toEqual(before.view);
		expect(rebuilt.progress).toEqual(before.progress);
		const phone = await server.client();
		const views = phoneViews(phone);
		const resumed = expectOk(
			await send(phone, 'room:resume', { code: room.code, seatToken: phones[0]!.token })
		);
		expect(resumed.seat.participantId).toBe(phones[0]!.id);
		expect(resumed.activity?.runId).toBe(runId);
		views.set(resumed.activity ?? null);
		// The resumed phone answers on: a new answer, acknowledged after the restart.
		expect(
			(await views.submit({ runId, inputId: 'after', input: { kind: 'add', text: 'again' } })).ok
		).toBe(true);
	});

	it('the JSON export (built in a worker reading PostgreSQL) lists every acknowledged answer once', async () => {
		const { room, phones, runId } = await roomWith(2);
		for (const [i, p] of phones.entries())
			for (const n of [1, 2])
				expectOk(
					await send(p.socket, 'activity:submit', {
						runId,
						inputId: `e${i}-${n}`,
						input: { kind: 'add', text: `answer ${i}.${n}` }
					})
				);
		const bytes = await exportBytes(server.db.location, {
			kind: 'json',
			roomId: room.id,
			now: Date.now()
		});
		const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
			activities: { runId: string; inputs: { inputId: string }[] }[];
		};
		const ids = json.activities.find((a) => a.runId === runId)!.inputs.map((i) => i.inputId);
		expect(ids.sort()).toEqual(['e0-1', 'e0-2', 'e1-1', 'e1-2']);
	});

	it('a trainer signs up, signs in and keeps a session; agendas and sessions work from the store', async () => {
		const made = await createTrainer(server.db, {
			name: 'Pat',
			email: 'pat@example.org',
			password: 'correct horse battery'
		});
		const found = (await findTrainerByEmail(server.db, 'pat@example.org'))!;
		expect(found.id).toBe(made.id);
		expect(await verifyPassword(found.passwordHash, 'correct horse battery')).toBe(true);
		const { token } = await createSession(server.db, found.id);
		expect((await validateSessionToken(server.db, token))?.trainer.name).toBe('Pat');
		// A copy of a file agenda, and a session started from it.
		const file = findFileAgenda('session-a')!;
		const copy = (await duplicateAgenda(server.db, file.id, found.id))!;
		expect((await getCopy(server.db, copy.id, found.id))?.title).toBe(copy.title);
		const room = await startSession(server.db, {
			trainerId: found.id,
			agendaId: copy.id,
			agenda: { title: copy.title, start: copy.start, blocks: copy.blocks }
		});
		expect(room.code).toMatch(/^[A-Z0-9]{6}$/);
		// Data care: deleting a session's people, in one transaction.
		const summary = await deleteParticipantData(server.db, room.id, 'Pat');
		expect(summary).toEqual({ participants: 0, answers: 0, activities: 0 });
	});
});
