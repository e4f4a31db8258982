import type { PhoneProps } from '../contract';
import { SendStatus } from '../shared/send-status.svelte';
import type { Input } from './schema';

type Send = PhoneProps<unknown, Input>['send'];

/** The shared send status, bound to this type's `send` prop (read through a getter, so a new prop is picked up). */
export class Sender extends SendStatus {
	#send: () => Send;

	constructor(send: () => Send) {
		super();
		this.#send = send;
	}

	/** Resolves true once saved. */
	async run(input: Input): Promise<boolean> {
		return (await this.track(this.#send()(input))).ok;
	}
}
