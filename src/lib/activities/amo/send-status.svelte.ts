type SendResult = { ok: true } | { ok: false; error: string };

/**
 * "Sending…" while any input is in flight, "Saved" once the server has them on disk, or the
 * server's reason. Counts in-flight sends so a fast tap after a slow one never shows "Saved" early.
 */
export class SendStatus {
	#inFlight = $state(0);
	#error = $state<string | null>(null);
	#saved = $state(false);

	get label(): string {
		if (this.#inFlight > 0) return 'Sending…';
		if (this.#error) return this.#error;
		return this.#saved ? 'Saved' : '';
	}
	get failed(): boolean {
		return this.#inFlight === 0 && this.#error !== null;
	}
	get busy(): boolean {
		return this.#inFlight > 0;
	}

	async track(sending: Promise<SendResult>): Promise<SendResult> {
		this.#inFlight += 1;
		this.#error = null;
		let result: SendResult;
		try {
			result = await sending;
		} catch {
			result = { ok: false, error: 'Not sent: check your connection and try again.' };
		}
		this.#inFlight -= 1;
		if (result.ok) this.#saved = true;
		else this.#error = result.error;
		return result;
	}
}
