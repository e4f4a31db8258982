import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { createTrainer } from '$lib/server/auth/trainers';
import { connectCluster, type Cluster } from '$lib/server/cluster';
import { openStore } from '$lib/server/store';
import { createSocketServer, type Realtime } from '$lib/server/realtime/server';
import { STORAGE_MESSAGE } from '$lib/server/rooms/engine';
import { createRoom } from '$lib/server/store/rooms';
import { tempDbPath } from '../helpers/server';

/**
 * Redis restarting (it keeps nothing on disk): the node keeps its sockets and its room, refuses
 * new inputs with a clear message while the lease cannot be confirmed (the phone's outbox keeps
 * them), and takes the lease again, with a newer fencing epoch, once Redis is back.
 * A Redis of the test's own (redis-server on a free port), so restarting it disturbs nobody.
 */
const file = tempDbPath();
let redis: ChildProcess | undefined;
let port = 0;
let cluster: Cluster | undefined;
let realtime: Realtime | undefined;
let http: HttpServer | undefined;
const sockets: Socket[] = [];

async function startRedis(): Promise<void> {
	port ||= await new Promise<number>((r) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const p = (probe.address() as AddressInfo).port;
			probe.close(() => r(p));
		});
	});
	const child = spawn(
		'redis-server',
		['--port', String(port), '--save', '', '--appendonly', 'no'],
		{
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	redis = child;
	await new Promise<void>((r) =>
		child.stdout!.on('data', (d: Buffer) => {
			if (d.toString().includes('Ready to accept connections')) r();
		})
	);
}

async function stopRedis(): Promise<void> {
	const child = redis;
	if (!child || child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGKILL');
	await exited;
}

afterAll(async () => {
	for (const s of sockets) s.disconnect();
	await realtime?.close();
	await stopRedis();
	file.cleanup();
});

const waitFor = async (check: () => Promise<boolean>, ms: number) => {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check()) return true;
		await new Promise((r) => setTimeout(r, 500));
	}
	return false;
};

it('while Redis restarts, the node keeps its sockets and refuses inputs plainly, then takes the room again', async () => {
	await startRedis();
	const db = await openStore({ kind: 'sqlite', path: file.path });
	cluster = await connectCluster({
		redisUrl: `redis://127.0.0.1:${port}`,
		nodeId: 'solo',
		prefix: 'wc-test:'
	});
	http = createServer();
	realtime = createSocketServer(http, { store: db, cluster });
	await realtime.start();
	await new Promise<void>((r) => http!.listen(0, '127.0.0.1', () => r()));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const trainer = await createTrainer(db, {
		name: 'Restart Trainer',
		email: 'restart@example.org',
		password: 'correct horse battery'
	});
	const cookie = `${SESSION_COOKIE}=${(await createSession(db, trainer.id)).token}`;
	const room = await createRoom(db, {
		trainerId: trainer.id,
		agendaId: 'restart',
		agenda: {
			title: 'Restart',
			start: '09:00',
			blocks: [{ title: 'Poll', minutes: 10, kind: 'activity', task: 'Answer.' }]
		}
	});
	const open = (extra: Record<string, string> = {}) => {
		const s = connect(url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			query: { room: room.code },
			extraHeaders: extra
		});
		sockets.push(s);
		return new Promise<Socket>((r, reject) => {
			s.once('connect', () => r(s));
			s.once('connect_error', reject);
		});
	};
	const projector = await open({ cookie });
	const launched = await projector.emitWithAck('activity:launch', {
		roomId: room.id,
		activityId: 'quick-poll-example'
	});
	const phone = await open();
	await phone.emitWithAck('room:join', { code: room.code, name: 'Ada' });
	const submit = (inputId: string, option: number) =>
		phone.emitWithAck('activity:submit', {
			runId: launched.data.runId,
			inputId,
			input: { kind: 'choose', options: [option] }
		});
	expect(await submit('before', 1)).toMatchObject({ ok: true });
	const epochBefore = Number((await cluster.redis.get(`wc-test:epoch:${room.id}`)) ?? 0);

	await stopRedis();
	// Past the lease's TTL without Redis: a new input is refused with a sentence, the sockets stay.
	let n = 0;
	const refused = await waitFor(async () => {
		const res = await submit(`during-${++n}`, 2);
		return !res.ok && res.error === STORAGE_MESSAGE;
	}, 12_000);
	expect(refused).toBe(true);
	expect(phone.connected && projector.connected).toBe(true);

	// Redis is back, empty: the node takes the lease again with a newer epoch, and inputs go in again.
	await startRedis();
	const accepted = await waitFor(async () => (await submit('after', 3)).ok, 12_000);
	expect(accepted).toBe(true);
	const epochAfter = Number((await cluster.redis.get(`wc-test:epoch:${room.id}`)) ?? 0);
	expect(epochAfter).toBeGreaterThan(epochBefore);
	expect(realtime.rooms!.owns(room.id)).toBe(true);
	expect(phone.connected).toBe(true);
}, 45_000);
