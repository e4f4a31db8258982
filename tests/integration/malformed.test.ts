import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEventName } from '$lib/shared/events';
import {
	expectOk,
	send,
	sendRaw,
	startServer,
	tempDbPath,
	type Client,
	type TestServer
} from '../helpers/server';

let server: TestServer;
let trainer: Client;
const tmp = tempDbPath();

beforeAll(async () => {
	server = await startServer(tmp.path);
	const t = await server.trainer();
	trainer = await server.client({ cookie: t.cookie });
});
afterAll(async () => {
	await server.stop();
	tmp.cleanup();
});

// Every client→server event in the contract. A new event must be added here (the type enforces it).
const events: Record<ClientEventName, true> = {
	'room:join': true,
	'room:resume': true,
	'room:watch': true,
	'room:remove-participant': true,
	'room:close': true,
	'agenda:control': true,
	'clock:sync': true,
	'activity:launch': true,
	'activity:status': true,
	'activity:move': true,
	'activity:submit': true,
	'activity:act': true,
	'slides:watch': true,
	'slides:control': true
};

const badPayloads: unknown[] = [
	undefined,
	null,
	42,
	'text',
	true,
	[],
	[1, 2],
	{},
	{
		code: 5,
		name: ['x'],
		roomId: {},
		participantId: null,
		seatToken: 7,
		sentAt: 'now',
		control: 'start'
	},
	{ roomId: 'r', control: { type: 'jump', index: -1 } },
	{ roomId: 'r', control: { type: 'extend', minutes: 1e9 } },
	{ roomId: 'r', control: { type: 'replan', minutes: Array(5000).fill(1) } },
	{ roomId: 'r', control: { type: 'explode' } },
	// Long, but under the 32 KB message cap (over it, the transport drops the connection: last test).
	{
		code: 'x'.repeat(8_000),
		name: 'y'.repeat(8_000),
		roomId: 'z'.repeat(8_000),
		sentAt: 1,
		seatToken: 'a'.repeat(5_000)
	},
	{ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
	{
		roomId: 'r',
		participantId: 'p',
		code: 'ABC234',
		name: 'n',
		seatToken: 't',
		sentAt: 1,
		extra: '<script>alert(1)</script>'
	}
];

describe('malformed payloads', () => {
	for (const event of Object.keys(events) as ClientEventName[]) {
		it(`${event}: every malformed payload gets an error acknowledgement`, async () => {
			for (const payload of badPayloads) {
				const res = (await sendRaw(trainer, event, payload)) as { ok: boolean; error?: string };
				expect(res.ok, `${event} with ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
				expect(typeof res.error).toBe('string');
				expect(res.error!.length).toBeGreaterThan(5);
			}
		});
	}

	it('an event without an acknowledgement callback, or an unknown event, does not crash the server', async () => {
		const raw = trainer as unknown as { emit(e: string, ...a: unknown[]): void };
		raw.emit('room:join', { code: 1 });
		raw.emit('no:such-event', { a: 1 });
		raw.emit('room:close');
		const clock = expectOk(await send(trainer, 'clock:sync', { sentAt: Date.now() }));
		expect(clock.serverTime).toBeGreaterThan(0);
	});

	it('says which field was wrong, in words', async () => {
		const res = (await sendRaw(trainer, 'room:join', { code: 5, name: 'x' })) as { error: string };
		expect(res.error).toBe('code: expected the room code as text.');
	});

	it('an oversized message is refused by the transport and the server stays up', async () => {
		const victim = await server.client();
		const dropped = new Promise<string>((resolve) =>
			victim.once('disconnect', (reason) => resolve(reason))
		);
		victim.emit('room:join', { code: 'ABC234', name: 'x'.repeat(200_000) }, () => {});
		expect(await dropped).toBe('transport close');
		const fresh = await server.client();
		expect(expectOk(await send(fresh, 'clock:sync', { sentAt: 1 })).serverTime).toBeGreaterThan(0);
	});
});
