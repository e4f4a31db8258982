import { outboxOf, type Outbox } from '$lib/client/outbox.svelte';

export type SendResult = { ok: true } | { ok: false; error: string };

/**
 * A phone's "Sending…" / "Will send when back online" / "Saved" / reason line for activity inputs,
 * shared by every type. Counts sends in flight, so a fast tap after a slow one never shows "Saved"
 * early, and never throws: a dropped connection becomes a message, not a crash. A phone's inputs go
 * through its outbox, whose promise settles only on the server's ack or a definite refusal, so
 * "Saved" always means on the server's disk; while the phone is offline the input waits, kept.
 */
export class SendStatus {
	#inFlight = $state(0);
	#result = $state<'saved' | 'failed' | null>(null);
	#error = $state('');
	#settled = $state(0);
	/** The outboxes of the sends in flight (one entry per send that went through an outbox). */
	#boxes = $state.raw<Outbox[]>([]);

	get phase(): 'idle' | 'queued' | 'sending' | 'saved' | 'failed' {
		if (this.#inFlight > 0) return this.#boxes.some((b) => !b.online) ? 'queued' : 'sending';
		return this.#result ?? 'idle';
	}
	get busy(): boolean {
		return this.#inFlight > 0;
	}
	get failed(): boolean {
		return this.phase === 'failed';
	}
	get error(): string {
		return this.#error;
	}
	/** How many sends have settled: a new result, even one the same as the last ("Saved" again). */
	get settled(): number {
		return this.#settled;
	}

	/** Forgets the last result (a new screen: "✓ Added" was about another step); sends in flight still report. */
	clear(): void {
		this.#result = null;
		this.#error = '';
	}

	/** Follows one send; resolves with its result. */
	async track(sending: Promise<SendResult>): Promise<SendResult> {
		const box = outboxOf(sending);
		this.#inFlight += 1;
		if (box) this.#boxes = [...this.#boxes, box];
		let result: SendResult;
		try {
			result = await sending;
		} catch {
			result = { ok: false, error: 'Not sent: check your connection and try again.' };
		}
		if (box) {
			const i = this.#boxes.indexOf(box);
			this.#boxes = this.#boxes.filter((_, j) => j !== i);
		}
		this.#inFlight -= 1;
		this.#result = result.ok ? 'saved' : 'failed';
		this.#error = result.ok ? '' : result.error;
		this.#settled += 1;
		return result;
	}
}
