import type { z } from 'zod';
import type { Ack, AckFn, ClientEventName, ClientEvents } from '$lib/shared/events';
import { UserError } from '../errors';
import { fieldPath, sentence, stop } from '../messages';
import type { Writes } from '../store';
import { parseForPeople } from '../fast-parse';
import { FencedError } from '../store/fence';
import { isStorageUnavailable, reconnecting } from '../store/unavailable';
import type { IoSocket } from './types';

/** What every event needs from the storage side: its room read into memory first, its writes committed before its ack. */
export interface EventStorage {
	/**
	 * Reads the room the event names (or the socket's seat's room) into the engines' memory;
	 * nothing (not a promise) when it is there already, as it is for nearly every event.
	 */
	prepare(roomId: string | undefined): Promise<void> | undefined;
	writes: Writes;
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

/** What a failed event answers, said so a person can act on it; nothing a handler throws escapes. */
function failure(socket: IoSocket, event: string, caught: unknown): Ack<unknown> {
	// PostgreSQL not answering (a read before the handler, or the commit): said plainly, and
	// the phone's outbox keeps what it sent.
	const err = isStorageUnavailable(caught) ? reconnecting() : caught;
	if (err instanceof UserError) {
		// The room runs on another node: a new connection goes there through the load balancer.
		if (err.code === 'moving') setTimeout(() => socket.conn.close(), 20);
		return { ok: false, code: err.code, error: err.message };
	}
	// Another node has taken the room over: nothing was written; the phone sends it again there.
	if (err instanceof FencedError) return { ok: false, code: 'server', error: MOVED };
	console.error(`[socket] ${event} failed`, err);
	return { ok: false, code: 'server', error: SERVER_ERROR };
}

/** One client event's handler: the socket it came on and its payload, already validated. */
type Handler<E extends ClientEventName> = (
	socket: IoSocket,
	payload: Payload<E>
) => Result<E> | Promise<Result<E>>;

/**
 * An event answered through a callback, once everything it wrote is committed: an input waits
 * for its commit with no promise or async frame alive meanwhile (a burst has thousands waiting,
 * and V8's young collections copied each of them). A refusal may be thrown before it writes.
 */
export type ReplyHandler<E extends ClientEventName> = (
	socket: IoSocket,
	payload: Payload<E>,
	reply: (err: unknown, data?: Result<E>) => void
) => void;

interface Entry {
	schema: z.ZodType;
	handler?: (socket: IoSocket, payload: unknown) => unknown;
	reply?: ReplyHandler<ClientEventName>;
}

/**
 * Every client→server event the app answers, registered once per app (not per connection). Each
 * connection gets one listener shared by all of them (socket.io's onAny calls it with the socket
 * as `this`): a closure per event per socket cost about 5 KB a connection, 40 MB in a room of
 * 8,000 phones. An event not in the table is ignored, as one without a listener was.
 */
export class EventTable {
	readonly #entries = new Map<string, Entry>();
	readonly #listener: (this: IoSocket, event: unknown, ...args: unknown[]) => void;

	constructor(private readonly storage: EventStorage) {
		const entries = this.#entries;
		const dispatch = (socket: IoSocket, entry: Entry, event: string, args: unknown[]) =>
			this.#dispatch(socket, entry, event, args);
		this.#listener = function (event, ...args) {
			const entry = typeof event === 'string' ? entries.get(event) : undefined;
			if (entry) dispatch(this, entry, event as string, args);
		};
	}

	/** Registers one event: its payload's schema and its handler (a bound function, passed to the handler files). */
	readonly on = <E extends ClientEventName>(
		event: E,
		schema: z.ZodType<Payload<E>>,
		handler: Handler<E>
	): void => {
		this.#entries.set(event, {
			schema,
			handler: handler as (socket: IoSocket, payload: unknown) => unknown
		});
	};

	/** Registers one event answered through `reply` (see ReplyHandler): its handler replies once its writes are committed. */
	readonly onReply = <E extends ClientEventName>(
		event: E,
		schema: z.ZodType<Payload<E>>,
		handler: ReplyHandler<E>
	): void => {
		this.#entries.set(event, {
			schema,
			reply: handler as unknown as ReplyHandler<ClientEventName>
		});
	};

	/** A new connection: every registered event now reaches its handler. */
	attach(socket: IoSocket): void {
		socket.onAny(this.#listener);
	}

	/**
	 * One event: the payload is validated before anything else, the event's room is read into
	 * memory, the handler's result or error is acknowledged exactly once (after its writes are
	 * committed), and nothing a client sends can throw past here. The listener takes whatever a
	 * client sent (any shape, any count of arguments) and the schema decides.
	 */
	#dispatch(socket: IoSocket, entry: Entry, event: string, args: unknown[]): void {
		const last = args.at(-1);
		const ack = typeof last === 'function' ? (last as (res: Ack<unknown>) => void) : undefined;
		const parsed = parseForPeople(entry.schema, args.length > 1 || !ack ? args[0] : undefined);
		if (!parsed.success) {
			ack?.({ ok: false, code: 'invalid', error: describeIssue(parsed.error) });
			return;
		}
		if (entry.reply) this.#replyTo(socket, entry.reply, event, parsed.data, ack);
		else void this.#handle(socket, entry, event, parsed.data, ack);
	}

	async #handle(
		socket: IoSocket,
		entry: Entry,
		event: string,
		data: unknown,
		ack: ((res: Ack<unknown>) => void) | undefined
	): Promise<void> {
		const { storage } = this;
		// One answer, given once, after the try: no closure per event (thousands a second).
		let res: Ack<unknown>;
		try {
			const mark = storage.writes.mark();
			const reading = storage.prepare(roomIdOf(data) ?? socket.data.seat?.roomId);
			if (reading) await reading;
			const result = await entry.handler!(socket, data);
			// An acknowledged change is committed: the ack waits for the writes this event made.
			await storage.writes.settled(mark);
			res = { ok: true, data: result };
		} catch (caught) {
			res = failure(socket, event, caught);
		}
		ack?.(res);
	}

	/** A ReplyHandler's event: the same answers as #handle's, given once, with no promise while its room is in memory. */
	#replyTo(
		socket: IoSocket,
		handler: ReplyHandler<ClientEventName>,
		event: string,
		data: unknown,
		ack: ((res: Ack<unknown>) => void) | undefined
	): void {
		let answered = false;
		const answer = (err: unknown, result?: unknown) => {
			if (answered) return;
			answered = true;
			ack?.(err === undefined ? { ok: true, data: result } : failure(socket, event, err));
		};
		try {
			const reading = this.storage.prepare(roomIdOf(data) ?? socket.data.seat?.roomId);
			if (reading) reading.then(() => run(socket, handler, data, answer), answer);
			else run(socket, handler, data, answer);
		} catch (caught) {
			answer(caught);
		}
	}
}

/** Calls a ReplyHandler; what it throws (a refusal, before it wrote anything) is its answer. */
function run(
	socket: IoSocket,
	handler: ReplyHandler<ClientEventName>,
	data: unknown,
	answer: (err: unknown, result?: unknown) => void
): void {
	try {
		handler(socket, data as never, answer as never);
	} catch (caught) {
		answer(caught);
	}
}
