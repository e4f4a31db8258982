import { io, type Socket } from 'socket.io-client';
import type { Ack, AckFn, ClientEventName, ClientEvents, ServerEvents } from '$lib/shared/events';

export type AppSocket = Socket<ServerEvents, ClientEvents>;

let socket: AppSocket | undefined;
const query: { room?: string } = {};

/** One connection per tab, shared by every page; it reconnects by itself after sleep or a Wi-Fi hop. */
export function getSocket(): AppSocket {
	if (socket) return socket;
	const created: AppSocket = io({
		transports: ['websocket', 'polling'],
		withCredentials: true,
		reconnectionDelay: 500,
		reconnectionDelayMax: 5000,
		query
	});
	// A refused handshake (organisation mode: the room is moving between servers) is not retried by
	// socket.io itself; the room's new server answers a moment later.
	created.on('connect_error', () => {
		if (!created.active) setTimeout(() => created.connect(), 1000);
	});
	socket = created;
	return socket;
}

/**
 * The room this tab's pages are about, sent in the handshake: in organisation mode the load balancer
 * routes a room's sockets to the one server running it. A change reconnects the same socket (its
 * listeners stay) with the new room.
 */
export function setSocketRoom(code: string): void {
	if (query.room === code) return;
	query.room = code;
	const current = socket?.io.opts.query as { room?: string } | undefined;
	if (current) current.room = code;
	if (socket?.connected || socket?.io.engine) socket.io.engine?.close();
}

export type Payload<E extends ClientEventName> = Parameters<ClientEvents[E]>[0];
export type Result<E extends ClientEventName> =
	Parameters<ClientEvents[E]>[1] extends AckFn<infer T> ? T : never;

/**
 * Emits one event and resolves with its ack, or rejects after `timeoutMs`: socket.io's typed
 * `timeout().emitWithAck`, with the payload checked against the event contract. (socket.io types
 * the timeout variant's result as the callback's first argument, which is the timeout error, so
 * the result is named here from the same contract.)
 */
export function emitWithTimeout<E extends ClientEventName>(
	target: AppSocket,
	event: E,
	payload: Payload<E>,
	timeoutMs: number
): Promise<Ack<Result<E>>> {
	const timed = target.timeout(timeoutMs);
	// For one named event socket.io checks the call itself; for a generic E its AllButLast<…> of the
	// event's parameters cannot be resolved, so the same method is named with this one signature.
	const emitWithAck = timed.emitWithAck as (
		event: E,
		payload: Payload<E>
	) => Promise<Ack<Result<E>>>;
	return emitWithAck.call(timed, event, payload);
}

/** Sends one event and waits for its acknowledgement; a timeout becomes a readable error. */
export async function request<E extends ClientEventName>(
	event: E,
	payload: Payload<E>,
	timeoutMs = 10_000
): Promise<Ack<Result<E>>> {
	try {
		return await emitWithTimeout(getSocket(), event, payload, timeoutMs);
	} catch {
		return {
			ok: false,
			error: 'No answer from the server. Check your connection; we will keep trying.'
		};
	}
}
