import type { z } from 'zod';
import type { Ack, AckFn, ClientEventName, ClientEvents } from '$lib/shared/events';
import { UserError } from '../errors';
import { fieldPath, humanIssue, sentence, stop } from '../messages';
import type { Writes } from '../store';
import { FencedError } from '../store/fence';
import { isStorageUnavailable, reconnecting } from '../store/unavailable';
import type { IoSocket } from './types';

/** What every event needs from the storage side: its room read into memory first, its writes committed before its ack. */
export interface EventStorage {
	/** Reads the room the event names (or the socket's seat's room) into the engines' memory. */
	prepare(roomId: string | undefined): Promise<void>;
	writes: Writes;
}

const storageOf = new WeakMap<IoSocket, EventStorage>();

/** Called once per connection (server.ts), before its handlers are registered. */
export function bindStorage(socket: IoSocket, storage: EventStorage): void {
	storageOf.set(socket, storage);
}

function roomIdOf(payload: unknown): string | undefined {
	if (typeof payload !== 'object' || payload === null || !('roomId' in payload)) return undefined;
	return typeof payload.roomId === 'string' ? payload.roomId : undefined;
}

type Payload<E extends ClientEventName> = Parameters<ClientEvents[E]>[0];
type Result<E extends ClientEventName> =
	Parameters<ClientEvents[E]>[1] extends AckFn<infer T> ? T : never;

const SERVER_ERROR = 'Something went wrong on our side. Please try again.';
const MOVED =
	'This session has moved to another server. Reconnecting — your answer is kept on your phone.';

/** The first problem zod found, as a sentence a person can act on, naming the field when there is one. */
export function describeIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'That request was not understood.';
	const field = fieldPath(issue.path);
	return field ? stop(`${field}: ${issue.message}`) : sentence(issue.message);
}

/**
 * Registers one client→server event: the payload is validated before anything else, the event's
 * room is read into memory, the handler's result or error is acknowledged exactly once (after its
 * writes are committed), and nothing a client sends can throw past here.
 */
export function on<E extends ClientEventName>(
	socket: IoSocket,
	event: E,
	schema: z.ZodType<Payload<E>>,
	handler: (payload: Payload<E>) => Result<E> | Promise<Result<E>>
): void {
	// Registered untyped on purpose: the listener takes whatever a client sent (any shape, any
	// count of arguments) and the schema below decides; socket.io's typed on() would claim the
	// payload is already a Payload<E>, which is exactly what a hostile client breaks.
	const raw = socket as unknown as {
		on(event: string, listener: (...args: unknown[]) => void): void;
	};
	raw.on(event, async (...args: unknown[]) => {
		const last = args.at(-1);
		const ack = typeof last === 'function' ? (last as (res: Ack<Result<E>>) => void) : () => {};
		let answered = false;
		const reply = (res: Ack<Result<E>>) => {
			if (answered) return;
			answered = true;
			ack(res);
		};
		const parsed = schema.safeParse(
			args.length > 1 || typeof last !== 'function' ? args[0] : undefined,
			{ error: humanIssue }
		);
		if (!parsed.success)
			return reply({ ok: false, code: 'invalid', error: describeIssue(parsed.error) });
		const storage = storageOf.get(socket);
		try {
			const mark = storage?.writes.mark() ?? 0;
			await storage?.prepare(roomIdOf(parsed.data) ?? socket.data.seat?.roomId);
			const data = await handler(parsed.data);
			// An acknowledged change is committed: the ack waits for the writes this event made.
			await storage?.writes.settled(mark);
			reply({ ok: true, data });
		} catch (caught) {
			// PostgreSQL not answering (a read before the handler, or the commit): said plainly, and
			// the phone's outbox keeps what it sent.
			const err = isStorageUnavailable(caught) ? reconnecting() : caught;
			if (err instanceof UserError) {
				reply({ ok: false, code: err.code, error: err.message });
				// The room runs on another node: a new connection goes there through the load balancer.
				if (err.code === 'moving') setTimeout(() => socket.conn.close(), 20);
				return;
			}
			// Another node has taken the room over: nothing was written; the phone sends it again there.
			if (err instanceof FencedError) return reply({ ok: false, code: 'server', error: MOVED });
			console.error(`[socket] ${event} failed`, err);
			reply({ ok: false, code: 'server', error: SERVER_ERROR });
		}
	});
}
