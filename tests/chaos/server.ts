/**
 * The chaos test's server: the real socket server (the same factory as production) on a real
 * SQLite file, in a process of its own so the test can kill -9 it. Run with `node --import tsx`.
 *
 * env: DATABASE_PATH (required), PORT (required), CHAOS_SETUP=1 on the first start to create a
 * trainer, a session cookie and a room. Tells its parent over IPC: { ready, port, setup? }.
 */
import { createServer } from 'node:http';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { createTrainer } from '$lib/server/auth/trainers';
import { openDatabase } from '$lib/server/db';
import { createSocketServer } from '$lib/server/realtime/server';
import { createRoom } from '$lib/server/rooms/store';

const dbPath = process.env.DATABASE_PATH;
const port = Number(process.env.PORT);
if (!dbPath || !port) throw new Error('DATABASE_PATH and PORT are required');

const db = openDatabase(dbPath);
let setup: { cookie: string; roomId: string; code: string } | undefined;
if (process.env.CHAOS_SETUP === '1') {
	const trainer = await createTrainer(db, {
		name: 'Chaos Trainer',
		email: 'chaos@example.org',
		password: 'correct horse battery'
	});
	const { token } = createSession(db, trainer.id);
	const room = createRoom(db, {
		trainerId: trainer.id,
		agendaId: 'chaos',
		agenda: {
			title: 'Chaos session',
			start: '09:30',
			blocks: [{ title: 'Poll', minutes: 30, kind: 'activity', task: 'Answer the poll.' }]
		}
	});
	setup = { cookie: `${SESSION_COOKIE}=${token}`, roomId: room.id, code: room.code };
}

const http = createServer();
const realtime = createSocketServer(http, { db });
http.listen({ port, host: '127.0.0.1', backlog: 4096 }, () =>
	process.send?.({ ready: true, port, setup })
);

async function shutdown() {
	await realtime.close();
	db.$client.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('disconnect', () => void shutdown());
