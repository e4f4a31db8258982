import { io, type Socket } from 'socket.io-client';
import type { Ack, AckFn, ClientEventName, ClientEvents, ServerEvents } from '$lib/shared/events';

export type AppSocket = Socket<ServerEvents, ClientEvents>;

let socket: AppSocket | undefined;

/** One connection per tab, shared by every page; it reconnects by itself after sleep or a Wi-Fi hop. */
export function getSocket(): AppSocket {
	socket ??= io({
		transports: ['websocket', 'polling'],
		withCredentials: true,
		reconnectionDelay: 500,
		reconnectionDelayMax: 5000
	});
	return socket;
}

type Payload<E extends ClientEventName> = Parameters<ClientEvents[E]>[0];
type Result<E extends ClientEventName> =
	Parameters<ClientEvents[E]>[1] extends AckFn<infer T> ? T : never;

/** Sends one event and waits for its acknowledgement; a timeout becomes a readable error. */
export async function request<E extends ClientEventName>(
	event: E,
	payload: Payload<E>,
	timeoutMs = 10_000
): Promise<Ack<Result<E>>> {
	const s = getSocket() as unknown as {
		timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack<Result<E>>> };
	};
	try {
		return await s.timeout(timeoutMs).emitWithAck(event, payload);
	} catch {
		return {
			ok: false,
			error: 'No answer from the server. Check your connection; we will keep trying.'
		};
	}
}
