import type { SendResult } from '$lib/activities/shared/send-status.svelte';
import {
	OutboxCore,
	outboxKey,
	type KeyValueStorage,
	type OutboxItem,
	type Settled,
	type SubmitAck
} from './outbox-core';
import type { PhoneActivity, PhonePatch } from '$lib/shared/events';
import { emitWithTimeout, getSocket } from './socket';

/** How long one attempt waits for the server's ack before it is retried (with the same id). */
const ACK_TIMEOUT_MS = 10_000;

function browserStorage(): KeyValueStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null; // storage switched off: the outbox lives in memory
	}
}

/**
 * Sends one item on the tab's socket; no answer within the timeout (or no connection) is 'timeout'.
 * A new input's ack carries what changed in the phone's view (a patch, or a whole view), handed to
 * `onView` (the server sends no other).
 */
function socketTransport(onView: ViewUpdate) {
	return {
		async send(item: OutboxItem): Promise<SubmitAck> {
			const socket = getSocket();
			if (!socket.connected) return 'timeout';
			try {
				const ack = await emitWithTimeout(
					socket,
					'activity:submit',
					{ runId: item.runId, inputId: item.id, input: item.input },
					ACK_TIMEOUT_MS
				);
				if (ack.ok && ack.data.activity !== undefined) onView({ activity: ack.data.activity });
				else if (ack.ok && ack.data.patch) onView({ patch: ack.data.patch });
				return ack;
			} catch {
				return 'timeout';
			}
		}
	};
}

export type ViewUpdate = (
	update: { activity: PhoneActivity | null } | { patch: PhonePatch }
) => void;

/** Which outbox a `send` promise belongs to, so the status line can say "will send when back online". */
const owners = new WeakMap<Promise<SendResult>, Outbox>();

export function outboxOf(sending: Promise<SendResult>): Outbox | undefined {
	return owners.get(sending);
}

/**
 * One participant's outbox in one room, as the page sees it (see `outbox-core.ts` for the rules).
 * The seat makes it when it knows who it is, and tells it when the seat is ready or offline.
 */
export class Outbox {
	/** Ready to send: connected and the seat resumed. */
	online = $state(false);
	/** Inputs kept on this phone that the server has not acknowledged yet. */
	pending = $state(0);
	/** A refusal of an input nobody on this page was waiting for (it was made before a reload). */
	notice = $state('');
	#core: OutboxCore;
	// Bookkeeping of which ids a caller awaits, never rendered: a plain Set on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#waited = new Set<string>();

	constructor(roomCode: string, participantId: string, onView: ViewUpdate = () => {}) {
		this.#core = new OutboxCore({
			storage: browserStorage(),
			key: outboxKey(roomCode, participantId),
			transport: socketTransport(onView),
			onChange: () => {
				this.online = this.#core.online;
				this.pending = this.#core.items.length;
			},
			onSettled: (item, result) => {
				if (!result.ok && !this.#waited.has(item.id))
					this.notice = `An answer kept on this phone was not saved: ${result.error}`;
				this.#waited.delete(item.id);
			}
		});
		this.pending = this.#core.items.length;
	}

	/** Keeps the input (in storage before anything is sent) and resolves once the server has it, or refuses it. */
	submit(runId: string, input: unknown): Promise<SendResult> {
		const { item, done } = this.#core.enqueue(runId, input);
		this.#waited.add(item.id);
		const sending = done.then((r: Settled): SendResult =>
			r.ok ? { ok: true } : { ok: false, error: r.error }
		);
		owners.set(sending, this);
		return sending;
	}

	setOnline(online: boolean): void {
		this.#core.setOnline(online);
	}

	/** The room closed or the seat was removed: what is waiting can never be delivered. */
	discardAll(error: string): void {
		this.#core.discardAll(error);
	}

	dispose(): void {
		this.#core.dispose();
	}
}
