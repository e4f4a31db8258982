import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { readCookie, SESSION_COOKIE, validateSessionToken } from '../auth/session';
import type { Db } from '../db';
import { SECURITY_HEADERS } from '../security-headers';
import { inputLimiters, MAX_MESSAGE_BYTES } from './limits';
import { JoinGuard, realClock, type GuardClock } from './join-guard';
import { RoomEngine, type RoomPublisher } from '../rooms/engine';
import { ActivityEngine, type ActivityPublisher, type Catalog } from '../activities/engine';
import { getActivityCatalog } from '../content';
import { registerActivityHandlers } from './handlers/activity';
import { registerAgendaHandlers } from './handlers/agenda';
import { registerClockHandlers } from './handlers/clock';
import { registerRoomHandlers } from './handlers/room';
import { registerSlideHandlers } from './handlers/slides';
import { channel, type IoServer, type IoSocket } from './types';

export interface RealtimeDeps {
	db: Db;
	/** Origins allowed besides the page's own host (PUBLIC_URL, ORIGIN). */
	allowedOrigins?: string[];
	rosterDelayMs?: number;
	/** The activities trainers may launch; the content files by default. */
	catalog?: Catalog;
	/** Time for the rate limits and the join guard's holds; tests pass one they drive. */
	clock?: GuardClock;
	/** Development: leave other WebSocket upgrades (Vite's hot reload) alone instead of closing them. */
	shareUpgrades?: boolean;
}

export interface Realtime {
	io: IoServer;
	readonly engine: RoomEngine;
	readonly activities: ActivityEngine;
	/** Development reload: new handler code, a fresh engine rebuilt from disk, phones reconnect. */
	replace(build: typeof buildApp): void;
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

/** Activity updates: the trainers' channel gets the projector view, each phone its own view on its seat. */
function activityPublisherFor(io: IoServer): ActivityPublisher {
	return {
		trainer: (roomId, activity) =>
			io.to(channel.trainers(roomId)).emit('activity:trainer', { roomId, activity }),
		trainerPatch: (roomId, patch) =>
			io.to(channel.trainers(roomId)).emit('activity:trainer-patch', patch),
		phone: (participantId, activity) =>
			io.to(channel.seat(participantId)).emit('activity:phone', activity),
		phonePatch: (participantId, patch) =>
			io.to(channel.seat(participantId)).emit('activity:phone-patch', patch)
	};
}

/** Everything that depends on handler code; swapped whole on a development reload. */
export function buildApp(io: IoServer, deps: RealtimeDeps) {
	const engine = new RoomEngine(deps.db, publisherFor(io), deps.rosterDelayMs);
	const activities = new ActivityEngine(
		deps.db,
		engine,
		activityPublisherFor(io),
		deps.catalog ?? getActivityCatalog
	);
	// A whole venue may share one address (NAT, proxy): wrong codes slow the guesser, never lock the venue.
	const clock = deps.clock ?? realClock;
	const joinGuard = new JoinGuard(clock);
	const inputRate = inputLimiters(() => clock.now());
	return {
		engine,
		activities,
		authenticate(socket: IoSocket, next: (err?: Error) => void) {
			socket.data.ip = clientAddress(socket);
			const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
			const valid = token ? validateSessionToken(deps.db, token) : null;
			if (valid) {
				socket.data.trainer = valid.trainer;
				// Signing out disconnects this channel, so an open projector tab loses its trainer powers.
				void socket.join(channel.session(valid.session.id));
			}
			next();
		},
		connect(socket: IoSocket) {
			registerRoomHandlers(socket, { engine, activities, joinGuard });
			registerAgendaHandlers(socket, engine, activities);
			registerActivityHandlers(socket, engine, activities, inputRate);
			registerClockHandlers(socket);
			registerSlideHandlers(socket, engine, activities);
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
	let app = buildApp(io, deps);
	io.use((socket, next) => app.authenticate(socket, next));
	io.on('connection', (socket) => app.connect(socket));
	return {
		io,
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
			io.disconnectSockets();
		},
		endSession(sessionId) {
			io.in(channel.session(sessionId)).disconnectSockets(true);
		},
		async close() {
			app.activities.dispose();
			app.engine.dispose();
			io.disconnectSockets(true);
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}
