import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { TextOnlyEncoder } from '$lib/server/realtime/encoder';

const packets: Packet[] = [
	{ type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
	{ type: PacketType.EVENT, nsp: '/', data: ['activity:phone-patch', { rev: 3, ops: [] }] },
	{ type: PacketType.ACK, nsp: '/', id: 17, data: [{ ok: true, data: { duplicate: false } }] },
	{ type: PacketType.EVENT, nsp: '/admin', id: 2, data: ['x', 'émoji 🎉 "quoted"\n'] },
	{ type: PacketType.DISCONNECT, nsp: '/' },
	{ type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'not authorised' } }
];

describe('the text-only socket.io encoder', () => {
	it('writes what socket.io’s own encoder writes, and its decoder reads it back', () => {
		const ours = new TextOnlyEncoder();
		const theirs = new Encoder();
		for (const packet of packets) {
			const text = ours.encode(packet);
			expect(text).toEqual(theirs.encode(packet));
			const decoder = new Decoder();
			let decoded: Packet | undefined;
			decoder.on('decoded', (p: Packet) => (decoded = p));
			decoder.add(text[0]!);
			expect(decoded).toEqual(packet);
		}
	});

	it('refuses a Buffer in development and tests instead of sending it as JSON', () => {
		const packet = { type: PacketType.EVENT, nsp: '/', data: ['file', Buffer.from('hi')] };
		expect(() => new TextOnlyEncoder().encode(packet)).toThrow(/not plain text/);
	});
});
