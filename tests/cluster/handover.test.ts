import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from 'redis';
import { io as connect, type Socket } from 'socket.io-client';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { createTrainer } from '$lib/server/auth/trainers';
import { connectCluster, sharedCounter, type Cluster } from '$lib/server/cluster';
import { openStore, type Store } from '$lib/server/store';
import { createSocketServer, type Realtime } from '$lib/server/realtime/server';
import { createRoom } from '$lib/server/store/rooms';
import { tempDbPath } from '../helpers/server';

/**
 * Two nodes (two socket servers in one process, one database, one Redis key prefix), no load
 * balancer: a socket names its room in the handshake, and the node it reaches must run that room.
 */
const prefix = `wc-test-${randomBytes(4).toString('hex')}:`;
const redisUrl = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';
const file = tempDbPath();
let db: Store;
const nodes: { cluster: Cluster; realtime: Realtime; http: HttpServer; url: string }[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
	db = await openStore({ kind: 'sqlite', path: file.path });
	for (const nodeId of ['a', 'b']) {
		const cluster = await connectCluster({ redisUrl, nodeId, prefix });
		const http = createServer();
		const realtime = createSocketServer(http, { store: db, cluster, rosterDelayMs: 0 });
		await realtime.start();
		await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
		const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
		nodes.push({ cluster, realtime, http, url });
	}
});

afterAll(async () => {
	for (const s of sockets) s.disconnect();
	for (const n of nodes) await n.realtime.close();
	// After the nodes: their adapters write to the stream until they close.
	const redis = createClient({ url: redisUrl });
	await redis.connect();
	for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 200 }))
		if (keys.length) await redis.del(keys);
	await redis.quit();
	await db.close();
	file.cleanup();
});

function client(url: string, code: string, cookie?: string): Socket {
	const socket = connect(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		query: { room: code },
		extraHeaders: cookie ? { cookie } : {}
	});
	sockets.push(socket);
	return socket;
}

const connected = (s: Socket) =>
	new Promise<void>((r, reject) => {
		s.once('connect', () => r());
		s.once('connect_error', reject);
	});

it('a room runs on one node: the other node takes it over with everything acknowledged, and the old one sends its sockets away', async () => {
	const trainer = await createTrainer(db, {
		name: 'Lease Trainer',
		email: `lease-${prefix}@example.org`,
		password: 'correct horse battery'
	});
	const cookie = `${SESSION_COOKIE}=${(await createSession(db, trainer.id)).token}`;
	const room = await createRoom(db, {
		trainerId: trainer.id,
		agendaId: 'lease',
		agenda: {
			title: 'Lease',
			start: '09:00',
			blocks: [{ title: 'Poll', minutes: 10, kind: 'activity', task: 'Answer.' }]
		}
	});
	const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];

	// Node a runs the room: the trainer launches a poll there and a phone answers.
	const projector = client(a.url, room.code, cookie);
	await connected(projector);
	expect(a.realtime.rooms!.owns(room.id)).toBe(true);
	const launched = await projector.emitWithAck('activity:launch', {
		roomId: room.id,
		activityId: 'quick-poll-example'
	});
	expect(launched.ok).toBe(true);
	const phone = client(a.url, room.code);
	await connected(phone);
	const joined = await phone.emitWithAck('room:join', { code: room.code, name: 'Ada' });
	expect(joined.ok).toBe(true);
	const answered = await phone.emitWithAck('activity:submit', {
		runId: launched.data.runId,
		inputId: 'input-1',
		input: { kind: 'choose', options: [2] }
	});
	expect(answered).toMatchObject({ ok: true, data: { duplicate: false } });

	// A socket for the room reaches node b: b asks a for the room and waits for it.
	const phoneGone = new Promise<string>((r) => phone.once('disconnect', r));
	const projectorGone = new Promise<string>((r) => projector.once('disconnect', r));
	const resumed = client(b.url, room.code);
	await connected(resumed);
	expect(b.realtime.rooms!.owns(room.id)).toBe(true);
	expect(a.realtime.rooms!.owns(room.id)).toBe(false);
	// Closed connections, not a server "disconnect": socket.io clients reconnect by themselves.
	expect(await phoneGone).toBe('transport close');
	expect(await projectorGone).toBe('transport close');
	const lease = await b.cluster.redis.get(`${prefix}lease:${room.id}`);
	expect(lease).toMatch(/^b\//);

	// On b the room was rebuilt from storage: the answer is there, and a retry is a duplicate.
	const back = await resumed.emitWithAck('room:resume', {
		code: room.code,
		seatToken: joined.data.seatToken
	});
	expect(back.ok && back.data.activity?.view).toMatchObject({ mine: [2] });
	const retry = await resumed.emitWithAck('activity:submit', {
		runId: launched.data.runId,
		inputId: 'input-1',
		input: { kind: 'choose', options: [2] }
	});
	expect(retry).toMatchObject({ ok: true, data: { duplicate: true } });

	// A co-facilitator added through a form on node a reaches the room on node b at once.
	a.realtime.engine.trainerAdded(room.id, 'co-facilitator-1');
	const live = b.realtime.engine.room(room.id)!;
	for (let i = 0; i < 50 && !live.isTrainer('co-facilitator-1'); i++)
		await new Promise((r) => setTimeout(r, 100));
	expect(live.isTrainer('co-facilitator-1')).toBe(true);

	// Wrong room codes per address are counted for both nodes together (codes hash to different nodes).
	const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
	await sharedCounter(a.cluster, 'test-address', 10_000)(ip);
	expect(await sharedCounter(b.cluster, 'test-address', 10_000)(ip)).toBe(2);

	// Node a no longer runs the room: an event about it there is refused, never run twice.
	const stray = client(a.url, 'NOSUCH');
	await connected(stray);
	const refused = await stray.emitWithAck('room:resume', {
		code: room.code,
		seatToken: joined.data.seatToken
	});
	expect(refused).toMatchObject({ ok: false, code: 'moving' });
}, 30_000);
