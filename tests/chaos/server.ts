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
import { configuredLocation, openStore } from '$lib/server/store';
import { createSocketServer } from '$lib/server/realtime/server';
import { createRoom } from '$lib/server/store/rooms';

const port = Number(process.env.PORT);
if (!(process.env.DATABASE_PATH || process.env.DATABASE_URL) || !port)
	throw new Error('DATABASE_PATH (or DATABASE_URL) and PORT are required');

const db = await openStore(configuredLocation());
let setup: { cookie: string; roomId: string; code: string } | undefined;
if (process.env.CHAOS_SETUP === '1') {
	const trainer = await createTrainer(db, {
		name: 'Chaos Trainer',
		email: 'chaos@example.org',
		password: 'correct horse battery'
	});
	const { token } = await createSession(db, trainer.id);
	const room = await createRoom(db, {
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
const realtime = createSocketServer(http, { store: db });
http.listen({ port, host: '127.0.0.1', backlog: 4096 }, () =>
	process.send?.({ ready: true, port, setup })
);

async function shutdown() {
	await realtime.close();
	await db.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('disconnect', () => void shutdown());
