import { InputRejected, type ActivityType, type InputContext } from '$lib/activities/contract';

export type SendResult = { ok: true } | { ok: false; error: string };

/**
 * What the engine does with one type, without sockets or disk: validate an input with the type's
 * schema, then reduce; the error is what the phone would show. The log replays the same inputs.
 */
export function harness<C, I, S>(
	// The harness drives any type's inputs, whatever its trainer inputs and views are.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	type: ActivityType<C, I, S, any, any>,
	raw: unknown = {},
	groupOf: (participantId: string) => string | null = () => null
) {
	const config = type.config.parse(raw);
	const state = type.initial(config);
	const log: { input: I; ctx: InputContext }[] = [];
	let seq = 0;
	const send = (participantId: string, input: unknown): SendResult => {
		const parsed = type.input.safeParse(input);
		if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
		seq += 1;
		const ctx: InputContext = {
			participantId,
			groupId: groupOf(participantId),
			inputId: `in-${seq}`,
			at: 1000 + seq
		};
		try {
			type.reduce(state, parsed.data, ctx, config);
		} catch (err) {
			if (err instanceof InputRejected) return { ok: false, error: err.message };
			throw err;
		}
		log.push({ input: parsed.data, ctx });
		return { ok: true };
	};
	/** Sends an input that must be accepted. */
	const ok = (participantId: string, input: unknown) => {
		const r = send(participantId, input);
		if (!r.ok) throw new Error(r.error);
	};
	/** A fresh state from the log, as the engine rebuilds one after a restart. */
	const replay = (): S =>
		log.reduce((s, { input, ctx }) => type.reduce(s, input, ctx, config), type.initial(config));
	return { config, state, log, send, ok, replay };
}
