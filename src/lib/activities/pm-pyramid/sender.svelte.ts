import type { PhoneProps } from '../contract';
import type { Input } from './schema';

type Send = PhoneProps<unknown, Input>['send'];

/**
 * "Sending…" until the server has an input on disk, then "Saved", or the server's reason.
 * Several taps may be in flight at once; the line says "Sending…" until the last one lands.
 */
export class Sender {
	#send: () => Send;
	#inFlight = $state(0);
	#result = $state<'saved' | 'failed' | null>(null);
	error = $state('');

	/** A getter, so a new `send` prop is picked up. */
	constructor(send: () => Send) {
		this.#send = send;
	}

	get phase(): 'idle' | 'sending' | 'saved' | 'failed' {
		return this.#inFlight > 0 ? 'sending' : (this.#result ?? 'idle');
	}

	/** Resolves true once saved; never throws, so a dropped connection is a message, not a crash. */
	async run(input: Input): Promise<boolean> {
		this.#inFlight += 1;
		let res: Awaited<ReturnType<Send>>;
		try {
			res = await this.#send()(input);
		} catch {
			res = { ok: false, error: 'Not sent: check your connection and try again.' };
		}
		this.#inFlight -= 1;
		this.#result = res.ok ? 'saved' : 'failed';
		this.error = res.ok ? '' : res.error;
		return res.ok;
	}
}
