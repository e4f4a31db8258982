import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { createTrainer } from '$lib/server/auth/trainers';
import { openStore, type Store, type StoreLocation } from '$lib/server/store';
import type { Catalog } from '$lib/server/activities/engine';
import { createSocketServer, type Realtime } from '$lib/server/realtime/server';
import type { GuardClock } from '$lib/server/realtime/join-guard';
import { testCatalog } from './test-activity';
import { createRoom, getRoom } from '$lib/server/store/rooms';
import { hashToken } from '$lib/server/tokens';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { DeckInfo } from '$lib/shared/slides';
import type {
	Ack,
	ClientEvents,
	PhoneActivity,
	PhonePatch,
	ServerEvents,
	TrainerActivity
} from '$lib/shared/events';
import { applyPatch } from '$lib/shared/patch';

export type Client = Socket<ServerEvents, ClientEvents>;

/** A fresh database file in its own temporary folder. */
export function tempDbPath(): { path: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'wc-test-'));
	return {
		path: join(dir, 'test.db'),
		cleanup: () => rmSync(dir, { recursive: true, force: true })
	};
}

export interface TestServer {
	db: Store;
	url: string;
	realtime: Realtime;
	http: HttpServer;
	/** A connected client; `cookie` makes it a signed-in trainer. */
	client(opts?: { cookie?: string }): Promise<Client>;
	trainer(email?: string): Promise<{ id: string; cookie: string }>;
	/** The stored session id (the token's hash) behind a trainer cookie. */
	sessionIdOf(cookie: string): string;
	/** `deck`: the session's slide deck, as if started from an agenda with one attached. */
	room(
		trainerId: string,
		title?: string,
		opts?: { deck?: DeckInfo; agenda?: AgendaPlan }
	): Promise<{ id: string; code: string }>;
	/** Stops socket.io and the HTTP server; the database file stays (restart tests reopen it). */
	stop(): Promise<void>;
}

let emailSeq = 0;

/** A small agenda for socket tests: a talk, a break, an activity. */
export const testAgenda: AgendaPlan = {
	title: 'Test session',
	start: '09:30',
	blocks: [
		{
			title: 'Welcome',
			minutes: 10,
			kind: 'talk',
			notes: 'Private: mention the fire exits.',
			task: 'Say hello to your neighbour.'
		},
		{ title: 'Break', minutes: 15, kind: 'break' },
		{ title: 'Pyramid', minutes: 30, kind: 'activity', notes: 'Private: look for gaps.' }
	]
};

/**
 * A real HTTP server on port 0 with the real socket server and a real SQLite file (a path), or
 * the store at `location` (PostgreSQL for the organisation-mode tests).
 */
export async function startServer(
	where: string | StoreLocation,
	{ catalog = testCatalog, clock }: { catalog?: Catalog; clock?: GuardClock } = {}
): Promise<TestServer> {
	const db = await openStore(typeof where === 'string' ? { kind: 'sqlite', path: where } : where);
	const http = createServer();
	const realtime = createSocketServer(http, { store: db, rosterDelayMs: 20, catalog, clock });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const clients: Client[] = [];
	return {
		db,
		url,
		realtime,
		http,
		async client({ cookie } = {}) {
			const socket: Client = connect(url, {
				transports: ['websocket'],
				forceNew: true,
				reconnection: false,
				extraHeaders: cookie ? { cookie } : undefined
			});
			clients.push(socket);
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', () => resolve());
				socket.once('connect_error', reject);
			});
			return socket;
		},
		async trainer(email = `trainer${++emailSeq}@example.org`) {
			const t = await createTrainer(db, {
				name: 'Test Trainer',
				email,
				password: 'correct horse battery'
			});
			const { token } = await createSession(db, t.id);
			return { id: t.id, cookie: `${SESSION_COOKIE}=${token}` };
		},
		sessionIdOf(cookie) {
			return hashToken(cookie.split('=')[1]!);
		},
		async room(trainerId, title = 'Test session', opts = {}) {
			const agenda = { ...(opts.agenda ?? testAgenda), title };
			const r = await createRoom(db, { trainerId, agendaId: 'test', agenda, deck: opts.deck });
			return { id: r.id, code: r.code };
		},
		async stop() {
			for (const c of clients) c.disconnect();
			await realtime.close();
			await db.close();
		}
	};
}

type Payload<E extends keyof ClientEvents> = Parameters<ClientEvents[E]>[0];
type Result<E extends keyof ClientEvents> = Parameters<ClientEvents[E]>[1] extends (
	res: Ack<infer T>
) => void
	? T
	: never;

/** Emits and resolves with the server's acknowledgement. */
export function send<E extends keyof ClientEvents>(
	client: Client,
	event: E,
	payload: Payload<E>
): Promise<Ack<Result<E>>> {
	const raw = client as unknown as {
		timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Ack<Result<E>>> };
	};
	return raw.timeout(5000).emitWithAck(event, payload);
}

/** Emits anything at all (for malformed-payload tests) and resolves with the acknowledgement. */
export function sendRaw(client: Client, event: string, ...args: unknown[]): Promise<unknown> {
	const raw = client as unknown as {
		timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> };
	};
	return raw.timeout(5000).emitWithAck(event, ...args);
}

/** Resolves with the next `event` whose payload passes `where`. */
export function next<E extends keyof ServerEvents>(
	client: Client,
	event: E,
	where: (payload: Parameters<ServerEvents[E]>[0]) => boolean = () => true,
	timeoutMs = 5000
): Promise<Parameters<ServerEvents[E]>[0]> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			client.off(event, listener as never);
			reject(new Error(`No ${event} within ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = (payload: Parameters<ServerEvents[E]>[0]) => {
			if (!where(payload)) return;
			clearTimeout(timer);
			client.off(event, listener as never);
			resolve(payload);
		};
		client.on(event, listener as never);
	});
}

/**
 * "Nothing (else) arrived", without waiting a fixed time: the engines send what they have batched
 * now, then each client gets the answer to a clock:sync sent after that. The server wrote every
 * packet it emitted to a connection before that answer, in order, so once every answer is back,
 * whatever was going to arrive has arrived.
 */
export async function drained(server: TestServer, ...clients: Client[]): Promise<void> {
	server.realtime.engine.flush();
	server.realtime.activities.flush();
	for (const c of clients) expectOk(await send(c, 'clock:sync', { sentAt: Date.now() }));
}

export function expectOk<T>(res: Ack<T>): T {
	if (!res.ok) throw new Error(`Expected ok, got error: ${res.error}`);
	return res.data;
}

/** A fresh session cookie for the trainer who owns a room (after a restart the old client is gone). */
export async function sessionCookieFor(server: TestServer, roomId: string): Promise<string> {
	const room = (await getRoom(server.db, roomId))!;
	const { token } = await createSession(server.db, room.trainerId);
	return `${SESSION_COOKIE}=${token}`;
}

/**
 * A fresh server and database file for each test in the file. `restart()` stops the server and
 * starts a new one on the same file, as after a crash or a deploy.
 */
export function serverPerTest(): { readonly server: TestServer; restart(): Promise<TestServer> } {
	let tmp: ReturnType<typeof tempDbPath>;
	let current: TestServer;
	beforeEach(async () => {
		tmp = tempDbPath();
		current = await startServer(tmp.path);
	});
	afterEach(async () => {
		await current.stop();
		tmp.cleanup();
	});
	return {
		get server() {
			return current;
		},
		async restart() {
			await current.stop();
			current = await startServer(tmp.path);
			return current;
		}
	};
}

/**
 * A trainer screen's activity view as the page holds it: whole views (pushed, or the view a
 * watch or a trainer action answered with, given to `set`) with the pushed patches applied.
 */
export function trainerViews(client: Client, roomId: string) {
	type View = TrainerActivity | null;
	let latest: View | undefined;
	const waiters = new Set<{ where: (a: View) => boolean; resolve: (a: View) => void }>();
	const offer = (a: View) => {
		latest = a;
		for (const w of [...waiters]) {
			if (!w.where(a)) continue;
			waiters.delete(w);
			w.resolve(a);
		}
	};
	client.on('activity:trainer', (u) => u.roomId === roomId && offer(u.activity));
	client.on('activity:trainer-patch', (p) => {
		if (p.roomId !== roomId) return;
		if (latest && latest.runId === p.runId && latest.rev !== undefined && p.rev <= latest.rev)
			return;
		if (!latest || latest.runId !== p.runId || latest.rev !== p.base)
			throw new Error(`trainer patch ${p.base}→${p.rev} does not apply to ${latest?.rev}`);
		offer({ ...applyPatch(structuredClone(latest), p.ops), rev: p.rev });
	});
	return {
		get latest() {
			return latest;
		},
		set(a: View) {
			if (latest && a && latest.runId === a.runId && (latest.rev ?? 0) > (a.rev ?? 0)) return;
			offer(a);
		},
		until(where: (a: View) => boolean, timeoutMs = 5000): Promise<View> {
			if (latest !== undefined && where(latest)) return Promise.resolve(latest);
			return new Promise((resolve, reject) => {
				const w = { where, resolve: (a: View) => (clearTimeout(timer), resolve(a)) };
				const timer = setTimeout(
					() => (
						waiters.delete(w),
						reject(new Error(`The trainer's view did not get there within ${timeoutMs} ms`))
					),
					timeoutMs
				);
				waiters.add(w);
			});
		}
	};
}

/**
 * A phone's activity view as its page holds it: the latest of the server's whole views, with the
 * patches pushed or carried by its own submits' acks applied (a sender gets what changed in the
 * ack, not as a push). A patch that does not apply to the view held fails the test.
 */
export function phoneViews(client: Client) {
	type View = PhoneActivity | null;
	let latest: View | undefined;
	const waiters = new Set<{ where: (a: View) => boolean; resolve: (a: View) => void }>();
	const offer = (a: View) => {
		latest = a;
		for (const w of [...waiters]) {
			if (!w.where(a)) continue;
			waiters.delete(w);
			w.resolve(a);
		}
	};
	const patched = (p: PhonePatch) => {
		if (latest && latest.runId === p.runId && latest.rev !== undefined && p.rev <= latest.rev)
			return;
		if (!latest || latest.runId !== p.runId || latest.rev !== p.base)
			throw new Error(`patch ${p.base}→${p.rev} does not apply to revision ${latest?.rev}`);
		offer({ ...applyPatch(structuredClone(latest), p.ops), rev: p.rev });
	};
	client.on('activity:phone', offer);
	client.on('activity:phone-patch', patched);
	return {
		get latest() {
			return latest;
		},
		/** Takes the whole view a join or resume answered with. */
		set(a: View) {
			offer(a);
		},
		async submit(req: { runId: string; inputId: string; input: unknown }) {
			const res = await send(client, 'activity:submit', req);
			if (res.ok && res.data.activity !== undefined) offer(res.data.activity);
			else if (res.ok && res.data.patch) patched(res.data.patch);
			return res;
		},
		/** Resolves once the phone's view passes `where` (at once if it already does). */
		until(where: (a: View) => boolean, timeoutMs = 5000): Promise<View> {
			if (latest !== undefined && where(latest)) return Promise.resolve(latest);
			return new Promise((resolve, reject) => {
				const w = { where, resolve: (a: View) => (clearTimeout(timer), resolve(a)) };
				const timer = setTimeout(
					() => (
						waiters.delete(w),
						reject(new Error(`The phone's view did not get there within ${timeoutMs} ms`))
					),
					timeoutMs
				);
				waiters.add(w);
			});
		}
	};
}

/** The SQLite file's own connection, for tests that look at the rows themselves (SQLite mode only). */
export function sqliteOf(store: Store): import('better-sqlite3').Database {
	if (store.dialect !== 'sqlite') throw new Error('This check reads the SQLite file itself.');
	return (store.db as unknown as { $client: import('better-sqlite3').Database }).$client;
}
