import type { z } from 'zod';
import type { Ack, AckFn, ClientEventName, ClientEvents } from '$lib/shared/events';
import { UserError } from '../errors';
import { fieldPath, humanIssue, sentence, stop } from '../messages';
import type { IoSocket } from './types';

type Payload<E extends ClientEventName> = Parameters<ClientEvents[E]>[0];
type Result<E extends ClientEventName> =
	Parameters<ClientEvents[E]>[1] extends AckFn<infer T> ? T : never;

const SERVER_ERROR = 'Something went wrong on our side. Please try again.';

/** The first problem zod found, as a sentence a person can act on, naming the field when there is one. */
export function describeIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'That request was not understood.';
	const field = fieldPath(issue.path);
	return field ? stop(`${field}: ${issue.message}`) : sentence(issue.message);
}

/**
 * Registers one client→server event: the payload is validated before anything else, the handler's
 * result or error is acknowledged exactly once, and nothing a client sends can throw past here.
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
		try {
			reply({ ok: true, data: await handler(parsed.data) });
		} catch (err) {
			if (err instanceof UserError) {
				reply({ ok: false, code: err.code, error: err.message });
				// The room runs on another node: a new connection goes there through the load balancer.
				if (err.code === 'moving') setTimeout(() => socket.conn.close(), 20);
				return;
			}
			console.error(`[socket] ${event} failed`, err);
			reply({ ok: false, code: 'server', error: SERVER_ERROR });
		}
	});
}
