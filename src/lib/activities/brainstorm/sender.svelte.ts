import type { PhoneProps, RemoteProps } from '../contract';
import { SendStatus } from '../shared/send-status.svelte';
import type { Input, TrainerInput } from './schema';

type Send<I> = PhoneProps<unknown, I>['send'] | RemoteProps<unknown, I>['send'];

/** The shared send status bound to a `send` prop (read through a getter, so a reconnect's new prop is used). */
export class Sender<I = Input> extends SendStatus {
	#send: () => Send<I>;

	constructor(send: () => Send<I>) {
		super();
		this.#send = send;
	}

	/** Resolves true once saved. */
	async run(input: I): Promise<boolean> {
		return (await this.track(this.#send()(input))).ok;
	}
}

export type TrainerSender = Sender<TrainerInput>;
