export type SendResult = { ok: true } | { ok: false; error: string };

/**
 * A phone's "Sending…" / "Saved" / reason line for activity inputs, shared by every type.
 * Counts sends in flight, so a fast tap after a slow one never shows "Saved" early, and never
 * throws: a dropped connection becomes a message, not a crash.
 */
export class SendStatus {
	#inFlight = $state(0);
	#result = $state<'saved' | 'failed' | null>(null);
	#error = $state('');

	get phase(): 'idle' | 'sending' | 'saved' | 'failed' {
		return this.#inFlight > 0 ? 'sending' : (this.#result ?? 'idle');
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

	/** Follows one send; resolves with its result. */
	async track(sending: Promise<SendResult>): Promise<SendResult> {
		this.#inFlight += 1;
		let result: SendResult;
		try {
			result = await sending;
		} catch {
			result = { ok: false, error: 'Not sent: check your connection and try again.' };
		}
		this.#inFlight -= 1;
		this.#result = result.ok ? 'saved' : 'failed';
		this.#error = result.ok ? '' : result.error;
		return result;
	}
}
