import { Decoder, Encoder, PacketType, protocol, type Packet } from 'socket.io-parser';

/**
 * socket.io's packet encoder for an app that never sends binary: the same text socket.io's own
 * encoder writes, without its walk of every packet's data looking for Buffers (about 2 % of the
 * live thread in an 8,000-phone burst, where every ack is walked) or its debug call. Outside
 * production (the production entry sets NODE_ENV; the tests and development do not), every
 * packet also goes through socket.io's encoder and must come out the same: the whole suite holds
 * this one to it, and a Buffer emitted by mistake fails loudly there instead of reaching phones
 * as JSON.
 */
export class TextOnlyEncoder extends Encoder {
	readonly #check = process.env.NODE_ENV === 'production' ? null : new Encoder();

	override encode(obj: Packet): string[] {
		let str = '' + obj.type;
		if (obj.nsp && obj.nsp !== '/') str += obj.nsp + ',';
		if (obj.id != null) str += obj.id;
		if (obj.data != null) str += JSON.stringify(obj.data);
		if (this.#check) {
			const theirs = this.#check.encode(obj);
			if (theirs.length !== 1 || theirs[0] !== str)
				throw new Error(`socket.io packet ${PacketType[obj.type]} is not plain text: ${str}`);
		}
		return [str];
	}
}

/** socket.io's `parser` option: the text-only encoder, socket.io's own decoder for what phones send. */
export const textParser = { protocol, Encoder: TextOnlyEncoder, Decoder };
