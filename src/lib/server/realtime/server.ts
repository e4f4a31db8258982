import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { sharedCounter, type Cluster } from '../cluster';
import { ClusterRooms } from '../cluster/rooms';
import { readCookie, SESSION_COOKIE, validateSessionToken } from '../auth/session';
import type { ServerEvents } from '$lib/shared/events';
import type { Store } from '../store';
import { SECURITY_HEADERS } from '../security-headers';
import { inputLimiters, MAX_MESSAGE_BYTES } from './limits';
import { JoinGuard, realClock, WINDOW_MS, type GuardClock } from './join-guard';
import { RoomEngine, type RoomPublisher } from '../rooms/engine';
import { ActivityEngine, type ActivityPublisher, type Catalog } from '../activities/engine';
import { getActivityCatalog } from '../content';
import { EventTable } from './handle';
import { textParser } from './encoder';
import { registerActivityHandlers } from './handlers/activity';
import { registerAgendaHandlers } from './handlers/agenda';
import { registerClockHandlers } from './handlers/clock';
import { registerRoomHandlers } from './handlers/room';
import { registerSlideHandlers } from './handlers/slides';
import { channel, type IoServer, type IoSocket } from './types';

export interface RealtimeDeps {
	store: Store;
	/** Origins allowed besides the page's own host (PUBLIC_URL, ORIGIN). */
	allowedOrigins?: string[];
	rosterDelayMs?: number;
	/** The activities trainers may launch; the content files by default. */
	catalog?: Catalog;
	/** Time for the rate limits and the join guard's holds; tests pass one they drive. */
	clock?: GuardClock;
	/** Development: leave other WebSocket upgrades (Vite's hot reload) alone instead of closing them. */
	shareUpgrades?: boolean;
	/** Organisation mode (REDIS_URL): broadcasts cross nodes, and each room runs on one node. */
	cluster?: Cluster | null;
}

export interface Realtime {
	io: IoServer;
	readonly engine: RoomEngine;
	readonly activities: ActivityEngine;
	/** Development reload: new handler code, a fresh engine rebuilt from disk, phones reconnect. */
	replace(build: typeof buildApp): void;
	/** Organisation mode: which rooms this node runs; null on a single node. */
	readonly rooms: ClusterRooms | null;
	/** Organisation mode: starts renewing leases and listening for handover requests; nothing alone. */
	start(): Promise<void>;
	/** Ends trainer powers of every socket opened with this (now signed-out) session. */
	endSession(sessionId: string): void;
	close(): Promise<void>;
}

/** socket.io rooms carry the engine's announcements: one emit per room, whatever its size. */
function publisherFor(io: IoServer): RoomPublisher {
	return {
		roster: (roomId, roster) => io.to(channel.trainers(roomId)).emit('room:roster', roster),
		roomClosed: (roomId, message) => {
			io.to([channel.room(roomId), channel.trainers(roomId)]).emit('room:closed', { message });
			io.in(channel.room(roomId)).socketsLeave(channel.room(roomId));
			io.in(channel.trainers(roomId)).socketsLeave(channel.trainers(roomId));
		},
		seatRemoved: (roomId, participantId, message) => {
			io.to(channel.seat(participantId)).emit('seat:removed', { message });
			io.in(channel.seat(participantId)).socketsLeave(channel.room(roomId));
		},
		agenda: (roomId, update, view) => {
			io.to(channel.trainers(roomId)).emit('agenda:run', update);
			io.to(channel.room(roomId)).emit('agenda:now', view);
		},
		slides: (roomId, view) => io.to(channel.trainers(roomId)).emit('slides:state', view),
		phones: (roomId, view) => io.to(channel.room(roomId)).emit('agenda:now', view),
		// Only this room, only this trainer's sockets: their other rooms and their session stay as they were.
		// Looked up synchronously (one process, in-memory adapter), so no broadcast slips in between.
		trainerRemoved: (roomId, trainerId) => {
			const name = channel.trainers(roomId);
			for (const id of [...(io.sockets.adapter.rooms.get(name) ?? [])]) {
				const socket = io.sockets.sockets.get(id);
				if (socket?.data.trainer?.id !== trainerId) continue;
				void socket.leave(name);
				socket.emit('room:access-ended', {
					roomId,
					message:
						'The owner removed you from this session’s co-facilitators, so it no longer updates here.'
				});
			}
		}
	};
}

/**
 * Activity updates: the trainers' channel gets the projector view, each phone its own view on its
 * seat. On one node (`local`: the in-memory adapter) a seat's sockets are looked up and sent to
 * directly: `io.to(seat).emit` builds a broadcast operator, its sets and an except list for every
 * message, and 2,000 phones editing pyramids get thousands a second. In organisation mode a
 * seat's socket may be on another node, so the adapter carries the message.
 */
function activityPublisherFor(io: IoServer, local: boolean): ActivityPublisher {
	const toSeat = <E extends 'activity:phone' | 'activity:phone-patch'>(
		participantId: string,
		event: E,
		...args: Parameters<ServerEvents[E]>
	) => {
		const seat = channel.seat(participantId);
		if (!local) return void io.to(seat).emit(event, ...args);
		for (const id of io.sockets.adapter.rooms.get(seat) ?? [])
			io.sockets.sockets.get(id)?.emit(event, ...args);
	};
	return {
		trainer: (roomId, activity) =>
			io.to(channel.trainers(roomId)).emit('activity:trainer', { roomId, activity }),
		trainerPatch: (roomId, patch) =>
			io.to(channel.trainers(roomId)).emit('activity:trainer-patch', patch),
		phone: (participantId, activity) => toSeat(participantId, 'activity:phone', activity),
		phonePatch: (participantId, patch) => toSeat(participantId, 'activity:phone-patch', patch)
	};
}

/**
 * Announcements wait for the writes before them to commit (at once in SQLite, after the batch's
 * transaction in PostgreSQL): no screen shows what a failed commit would take back.
 */
function afterCommit<T extends object>(writes: Store['writes'], publisher: T): T {
	const out = {} as Record<string, unknown>;
	for (const [name, fn] of Object.entries(publisher))
		out[name] = (...args: unknown[]) =>
			writes.afterCommit(() => (fn as (...a: unknown[]) => void)(...args));
	return out as T;
}

/** Everything that depends on handler code; swapped whole on a development reload. */
export function buildApp(io: IoServer, deps: RealtimeDeps) {
	const { store } = deps;
	const engine = new RoomEngine(
		store,
		afterCommit(store.writes, publisherFor(io)),
		deps.rosterDelayMs
	);
	const activities = new ActivityEngine(
		store,
		engine,
		afterCommit(store.writes, activityPublisherFor(io, !deps.cluster)),
		deps.catalog ?? getActivityCatalog
	);
	const prepare = (roomId: string | undefined): Promise<void> | undefined => {
		if (!roomId || (engine.room(roomId) && activities.loaded(roomId))) return undefined;
		return (async () => {
			if (await engine.load(roomId)) await activities.load(roomId);
		})();
	};
	// A whole venue may share one address (NAT, proxy): wrong codes slow the guesser, never lock the venue.
	const clock = deps.clock ?? realClock;
	const joinGuard = new JoinGuard(
		clock,
		deps.cluster ? sharedCounter(deps.cluster, 'join-address', WINDOW_MS) : undefined
	);
	const inputRate = inputLimiters(() => clock.now());
	// Registered once here; each connection only attaches to them (see EventTable).
	const events = new EventTable({ prepare, writes: store.writes });
	const onRoomSocket = registerRoomHandlers(events.on, { engine, activities, joinGuard });
	registerAgendaHandlers(events.on, engine, activities);
	registerActivityHandlers(events.on, events.onReply, engine, activities, inputRate);
	registerClockHandlers(events.on);
	registerSlideHandlers(events.on, engine, activities);
	return {
		engine,
		activities,
		async authenticate(socket: IoSocket, next: (err?: Error) => void) {
			socket.data.ip = clientAddress(socket);
			const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
			let valid;
			try {
				valid = token ? await validateSessionToken(store, token) : null;
			} catch (err) {
				return next(err instanceof Error ? err : new Error(String(err)));
			}
			if (valid) {
				socket.data.trainer = valid.trainer;
				// Signing out disconnects this channel, so an open projector tab loses its trainer powers.
				void socket.join(channel.session(valid.session.id));
			}
			next();
		},
		connect(socket: IoSocket) {
			events.attach(socket);
			onRoomSocket(socket);
		}
	};
}

/** Behind a proxy, ADDRESS_HEADER (adapter-node's setting, e.g. x-forwarded-for) names the real client. */
function clientAddress(socket: IoSocket): string {
	const header = process.env.ADDRESS_HEADER?.toLowerCase();
	const value = header ? socket.handshake.headers[header] : undefined;
	const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
	return first || socket.handshake.address;
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin, and a trainer's cookie must
 * not drive a socket opened by some other site. Clients without Origin (tests, load tools) carry no cookie of a victim.
 */
function sameOrigin(allowed: string[]) {
	return (
		req: IncomingMessage,
		callback: (err: string | null | undefined, success: boolean) => void
	) => {
		const origin = req.headers.origin;
		if (!origin) return callback(null, true);
		let host: string;
		try {
			host = new URL(origin).host;
		} catch {
			return callback('bad origin', false);
		}
		callback(null, host === req.headers.host || allowed.includes(origin));
	};
}

/** The one factory: production entry, development plugin and tests all build the socket server here. */
export function createSocketServer(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
	const io: IoServer = new Server(httpServer, {
		serveClient: false,
		parser: textParser,
		// Phones try WebSocket first (a third of the server CPU of polling-then-upgrade); polling stays as fallback.
		transports: ['websocket', 'polling'],
		maxHttpBufferSize: MAX_MESSAGE_BYTES,
		allowRequest: sameOrigin(deps.allowedOrigins ?? []),
		pingInterval: 20_000,
		pingTimeout: 20_000,
		destroyUpgrade: !deps.shareUpgrades
	});
	// engine.io answers /socket.io/ before the app's handler sees it: its responses get the same headers.
	io.engine.on('headers', (headers: Record<string, string>) =>
		Object.assign(headers, SECURITY_HEADERS)
	);
	const cluster = deps.cluster ?? null;
	if (cluster)
		io.adapter(createAdapter(cluster.redis, { streamName: `${cluster.config.prefix}socket.io` }));
	let app = buildApp(io, deps);
	const rooms = cluster ? new ClusterRooms(io, cluster, deps.store, () => app) : null;
	const joinCluster = (built: typeof app) => {
		if (!rooms) return;
		built.engine.setOwnership(rooms.owns, rooms.confirmed, {
			trainerChanged: (kind, roomId, trainerId) =>
				io.serverSideEmit('cluster:trainer', kind, roomId, trainerId)
		});
		built.engine.onClose((roomId) => rooms.closed(roomId));
	};
	joinCluster(app);
	// A co-facilitator added or removed through a form on another node reaches the room at once.
	io.on('cluster:trainer', (kind, roomId, trainerId) => {
		if (kind === 'added') app.engine.trainerAdded(roomId, trainerId, true);
		else app.engine.trainerRemoved(roomId, trainerId, true);
	});
	io.use((socket, next) => void app.authenticate(socket, next));
	if (rooms) io.use((socket, next) => void rooms.admit(socket, next));
	io.on('connection', (socket) => app.connect(socket));
	return {
		io,
		rooms,
		async start() {
			await rooms?.start();
		},
		get engine() {
			return app.engine;
		},
		get activities() {
			return app.activities;
		},
		replace(build) {
			app.activities.dispose();
			app.engine.dispose();
			app = build(io, deps);
			joinCluster(app);
			io.disconnectSockets();
		},
		endSession(sessionId) {
			io.in(channel.session(sessionId)).disconnectSockets(true);
		},
		async close() {
			if (rooms) {
				// Stop taking connections first, so the phones' reconnections go to the other nodes,
				// then hand every room over (written, released) and close the connections.
				io.httpServer.close();
				await rooms.handOverAll();
				await rooms.leases.stop();
			}
			app.activities.dispose();
			app.engine.dispose();
			// The connections close under the clients, as a crash would close them: in organisation mode
			// they reconnect to another node; alone, they retry until this one is back. (A server-side
			// disconnect, disconnectSockets, is the one thing socket.io clients never reconnect after.)
			for (const socket of io.sockets.sockets.values()) socket.conn.close();
			await new Promise<void>((resolve) => io.close(() => resolve()));
			await cluster?.close();
		}
	};
}
