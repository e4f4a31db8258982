import { afterAll, describe, expect, it } from 'vitest';
import { createTrainer } from '$lib/server/auth/trainers';
import { openSqliteStore } from '$lib/server/store/sqlite';
import { requireSeat } from '$lib/server/realtime/authz';
import type { IoSocket } from '$lib/server/realtime/types';
import { RoomEngine, type RoomPublisher } from '$lib/server/rooms/engine';
import { createRoom } from '$lib/server/store/rooms';
import { testAgenda, tempDbPath } from '../helpers/server';

const tmp = tempDbPath();
const db = openSqliteStore(tmp.path);
afterAll(async () => {
	await db.close();
	tmp.cleanup();
});

// The guard only reads socket.data; the engine and database are real.
const quiet: RoomPublisher = { roster() {}, roomClosed() {}, seatRemoved() {}, agenda() {} };
const socketWith = (seat?: { roomId: string; participantId: string }) =>
	({ data: { ip: '1', seat } }) as unknown as IoSocket;

describe('requireSeat: what a participant socket may still do', () => {
	it('passes a seated participant in an open room, refuses after removal and after closing', async () => {
		const trainer = await createTrainer(db, {
			name: 'T',
			email: 'guard@example.org',
			password: 'long enough password'
		});
		const engine = new RoomEngine(db, quiet);
		const room = await createRoom(db, {
			trainerId: trainer.id,
			agendaId: 'test',
			agenda: testAgenda
		});
		const a = await engine.join(room.code, 'A');
		const b = await engine.join(room.code, 'B');
		const socketA = socketWith({ roomId: room.id, participantId: a.seat.participantId });
		const socketB = socketWith({ roomId: room.id, participantId: b.seat.participantId });

		expect(requireSeat(socketA, engine).participantId).toBe(a.seat.participantId);
		expect(() => requireSeat(socketWith(), engine)).toThrow('Join the session first');

		engine.removeParticipant(room.id, b.seat.participantId);
		expect(() => requireSeat(socketB, engine)).toThrow(
			'The trainer removed you from this session.'
		);

		engine.close(room.id);
		expect(() => requireSeat(socketA, engine)).toThrow(/closed this session/);
		engine.dispose();
	});
});
