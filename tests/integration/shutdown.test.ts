import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { expectOk, send, serverPerTest, type Client } from '../helpers/server';

const t = serverPerTest();

describe('stopping the server (Ctrl-C, SIGTERM, a service restart)', () => {
	it('leaves every phone and projector trying to reconnect, as after a crash', async () => {
		const trainer = await t.server.trainer();
		const room = await t.server.room(trainer.id);
		// A phone as the app makes it: socket.io's own reconnection on.
		const phone: Client = connect(t.server.url, { transports: ['websocket'], forceNew: true });
		try {
			await new Promise<void>((resolve) => phone.once('connect', () => resolve()));
			expectOk(await send(phone, 'room:join', { code: room.code, name: 'Ana' }));
			const reason = new Promise<string>((resolve) => phone.once('disconnect', resolve));
			await t.restart();
			// "io server disconnect" is the one reason socket.io never reconnects after: every screen
			// stayed on "Reconnecting…" once the server was back, until someone reloaded it.
			expect(await reason).not.toBe('io server disconnect');
			expect(phone.active).toBe(true);
		} finally {
			phone.disconnect();
		}
	});
});
