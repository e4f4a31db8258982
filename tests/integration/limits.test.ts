/**
 * Rate limits and the message cap, each with its message, and the legitimate use each must not
 * block: a phone flushing its queue of unsent answers, a fast tapper, a venue of phones resuming.
 * (Sign-in and sign-up limits are HTTP: tests/e2e/security.desktop.spec.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getActivityCatalog } from '$lib/server/content';
import {
	INPUT_BURST,
	INPUT_RATE_MESSAGE,
	INPUT_SUSTAINED,
	MAX_MESSAGE_BYTES
} from '$lib/server/realtime/limits';
import {
	ADDRESS_HOLD_MS,
	BUSY_MESSAGE,
	DEVICE_FIRST_HOLD_MS,
	DEVICE_FREE,
	DEVICE_MAX_HOLD_MS,
	type GuardClock
} from '$lib/server/realtime/join-guard';
import {
	expectOk,
	send,
	startServer,
	tempDbPath,
	type Client,
	type TestServer,
	sqliteOf
} from '../helpers/server';

let server: TestServer;
let tmp: ReturnType<typeof tempDbPath>;

async function fresh(opts: Parameters<typeof startServer>[1] = {}): Promise<TestServer> {
	tmp = tempDbPath();
	server = await startServer(tmp.path, opts);
	return server;
}
afterEach(async () => {
	await server.stop();
	tmp.cleanup();
});

/** A room with a trainer watching, an activity running, and one phone seated. */
async function roomWithPhone(activityId = 'lists') {
	const t = await server.trainer();
	const room = await server.room(t.id);
	const trainer = await server.client({ cookie: t.cookie });
	expectOk(await send(trainer, 'room:watch', { roomId: room.id }));
	const phone = await server.client();
	const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Tapper' }));
	const run = expectOk(await send(trainer, 'activity:launch', { roomId: room.id, activityId }));
	return { room, trainer, phone, runId: run.runId, seatToken: joined.seatToken };
}

let n = 0;
const add = (client: Client, runId: string) =>
	send(client, 'activity:submit', {
		runId,
		inputId: `i${++n}`,
		input: { kind: 'add', text: `Idea ${n}` }
	});
const inputs = () =>
	sqliteOf(server.db).prepare('select count(*) from inputs').pluck().get() as number;

/**
 * The server's clock, driven by the test: time moves only when the test says (the rate limits),
 * and the join guard's holds are recorded, answered at once or when the test releases them.
 */
function testClock() {
	let now = 1_000_000;
	const holds: number[] = [];
	const pending: (() => void)[] = [];
	let hold = false;
	return {
		holds,
		/** While on, held answers wait until release(); otherwise they are answered at once (the hold recorded). */
		holdAnswers(on: boolean) {
			hold = on;
		},
		advance(ms: number) {
			now += ms;
		},
		release() {
			for (const resolve of pending.splice(0)) resolve();
		},
		clock: {
			now: () => now,
			wait(ms: number) {
				holds.push(ms);
				return hold ? new Promise<void>((resolve) => pending.push(resolve)) : Promise.resolve();
			}
		} satisfies GuardClock
	};
}

describe('activity inputs per participant', () => {
	it(`a burst of ${INPUT_BURST.limit} in a second passes; the next is refused with a message that says to wait`, async () => {
		const c = testClock();
		await fresh({ clock: c.clock });
		const { phone, runId } = await roomWithPhone('solo');
		// All in flight at once, so the whole burst lands in one window even on a busy machine.
		const burst = await Promise.all(
			Array.from({ length: INPUT_BURST.limit + 1 }, () => add(phone, runId))
		);
		expect(burst.filter((r) => r.ok)).toHaveLength(INPUT_BURST.limit);
		expect(burst.at(-1)).toEqual({ ok: false, code: 'rate-limited', error: INPUT_RATE_MESSAGE });
		expect(INPUT_RATE_MESSAGE).toMatch(/wait/);
		expect(inputs(), 'a refused input is not stored').toBe(INPUT_BURST.limit);
		// A second later (on the server's clock) the phone may answer again.
		c.advance(INPUT_BURST.windowMs);
		expect((await add(phone, runId)).ok).toBe(true);
	});

	it(`more than ${INPUT_SUSTAINED.limit} in ${INPUT_SUSTAINED.windowMs / 1000} s is refused, even spread under the burst limit`, async () => {
		const c = testClock();
		await fresh({ clock: c.clock });
		const { phone, runId } = await roomWithPhone('solo');
		let accepted = 0;
		for (let second = 0; second < 3; second++) {
			const results = await Promise.all(Array.from({ length: 15 }, () => add(phone, runId)));
			accepted += results.filter((r) => r.ok).length;
			if (second < 2) c.advance(INPUT_BURST.windowMs);
		}
		expect(accepted).toBe(INPUT_SUSTAINED.limit);
		expect(await add(phone, runId)).toMatchObject({ ok: false, code: 'rate-limited' });
	});

	it('a phone flushing a queue of 17 unsent answers on reconnect, one after another, is not blocked', async () => {
		await fresh();
		const { room, phone, runId, seatToken } = await roomWithPhone('solo');
		phone.disconnect();
		// Back online: resume the seat, then resend the queue in order, each after the last ack (the
		// AMO assessment's 17 inputs is the longest queue a phone builds in one activity).
		const again = await server.client();
		expectOk(await send(again, 'room:resume', { code: room.code, seatToken }));
		for (let i = 0; i < 17; i++)
			expect((await add(again, runId)).ok, `queued input ${i + 1}`).toBe(true);
	});

	it('a fast tapper, 8 a second for 4 seconds, is not blocked', async () => {
		const c = testClock();
		await fresh({ clock: c.clock });
		const { phone, runId } = await roomWithPhone('solo');
		for (let i = 0; i < 32; i++) {
			expect((await add(phone, runId)).ok, `tap ${i + 1}`).toBe(true);
			c.advance(125);
		}
	});

	it('the limit is per participant: one phone at its limit slows nobody else', async () => {
		await fresh();
		const { room, phone, runId } = await roomWithPhone('solo');
		await Promise.all(Array.from({ length: INPUT_BURST.limit + 5 }, () => add(phone, runId)));
		const other = await server.client();
		expectOk(await send(other, 'room:join', { code: room.code, name: 'Other' }));
		expect((await add(other, runId)).ok).toBe(true);
	});
});

describe('joining with wrong codes (room-code guessing): slowed down, never locked', () => {
	it('100 wrong codes from one address, then the right one from the same address joins, at once', async () => {
		const c = testClock();
		await fresh({ clock: c.clock });
		const { room, seatToken } = await roomWithPhone();
		const guesser = await server.client();
		for (let i = 0; i < 100; i++) {
			const res = await send(guesser, 'room:join', { code: 'ZZZ999', name: 'Guess' });
			expect(res, `guess ${i + 1}`).toMatchObject({ ok: false, code: 'not-found' });
		}
		// The guesser's answers were held back, longer and longer, up to the cap.
		expect(c.holds.slice(0, 4)).toEqual([
			DEVICE_FIRST_HOLD_MS,
			2 * DEVICE_FIRST_HOLD_MS,
			4 * DEVICE_FIRST_HOLD_MS,
			8 * DEVICE_FIRST_HOLD_MS
		]);
		expect(c.holds).toHaveLength(100 - DEVICE_FREE);
		expect(Math.max(...c.holds)).toBe(DEVICE_MAX_HOLD_MS);
		// The right code, from the guesser's own connection and from another phone at the same
		// address: joined, and not held back at all.
		const before = c.holds.length;
		const same = await send(guesser, 'room:join', { code: room.code, name: 'Guess' });
		expect(same.ok, same.ok ? '' : same.error).toBe(true);
		const neighbour = await server.client();
		const joined = await send(neighbour, 'room:join', { code: room.code, name: 'Neighbour' });
		expect(joined.ok, joined.ok ? '' : joined.error).toBe(true);
		expect(c.holds).toHaveLength(before);
		// Past the address's allowance, a new connection's wrong codes are held from the first.
		const another = await server.client();
		expect(await send(another, 'room:join', { code: 'ZZZ998', name: 'Guess' })).toMatchObject({
			ok: false,
			code: 'not-found'
		});
		expect(c.holds.at(-1)).toBe(ADDRESS_HOLD_MS);
		// Same address, a seat token: resuming is not guessing, never held.
		const back = await server.client();
		expect((await send(back, 'room:resume', { code: room.code, seatToken })).ok).toBe(true);
		expect(c.holds).toHaveLength(before + 1);
	});

	it('a connection has one held answer at a time; meanwhile other phones at the address join with the right code', async () => {
		const c = testClock();
		await fresh({ clock: c.clock });
		const { room } = await roomWithPhone();
		const guesser = await server.client();
		for (let i = 0; i < DEVICE_FREE; i++)
			await send(guesser, 'room:join', { code: 'ZZZ999', name: 'Guess' });
		c.holdAnswers(true);
		const held = send(guesser, 'room:join', { code: 'ZZZ999', name: 'Guess' });
		// A later answer on the same connection proves the held one was registered first.
		const second = await send(guesser, 'room:join', { code: 'ZZZ997', name: 'Guess' });
		expect(second).toEqual({ ok: false, code: 'rate-limited', error: BUSY_MESSAGE });
		const phone = await server.client();
		expect((await send(phone, 'room:join', { code: room.code, name: 'Phone' })).ok).toBe(true);
		c.release();
		expect(await held).toMatchObject({ ok: false, code: 'not-found' });
	});

	it('typos are not guessing: a few wrong codes, then the right one, joins with nothing held', async () => {
		const c = testClock();
		await fresh({ clock: c.clock });
		const { room } = await roomWithPhone();
		const phone = await server.client();
		// One character off (never the code itself: a room whose code ends in 2 made this a real join).
		const typo = room.code.slice(0, 5) + (room.code.endsWith('2') ? '3' : '2');
		for (const code of ['ABC', typo, 'ZZZZZZ'])
			expect((await send(phone, 'room:join', { code, name: 'Typo' })).ok).toBe(false);
		expect((await send(phone, 'room:join', { code: room.code, name: 'Typo' })).ok).toBe(true);
		expect(c.holds).toEqual([]);
	});
});

describe(`socket messages are capped at ${MAX_MESSAGE_BYTES / 1024} KB`, () => {
	it('the largest legitimate messages pass: a launch with 20 practices of 140 three-byte characters, a goal of 500 emoji', async () => {
		await fresh({ catalog: getActivityCatalog });
		const t = await server.trainer();
		const room = await server.room(t.id);
		const trainer = await server.client({ cookie: t.cookie });
		const items = Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(140, '€'));
		const launched = await send(trainer, 'activity:launch', {
			roomId: room.id,
			activityId: 'ten-practices',
			setup: { items }
		});
		expect(launched.ok, launched.ok ? '' : launched.error).toBe(true);
		// What the launch schema allows at most (20 × 200), even if the type then says no: answered, not dropped.
		const widest = await send(trainer, 'activity:launch', {
			roomId: room.id,
			activityId: 'ten-practices',
			setup: { items: Array(20).fill('€'.repeat(200)) }
		});
		expect(widest).toMatchObject({ ok: false, code: 'invalid' });
		expect(trainer.connected).toBe(true);

		const phone = await server.client();
		expectOk(await send(phone, 'room:join', { code: room.code, name: 'Goalie' }));
		const goals = expectOk(
			await send(trainer, 'activity:launch', { roomId: room.id, activityId: 'goal-setting' })
		);
		const draft = await send(phone, 'activity:submit', {
			runId: goals.runId,
			inputId: 'g1',
			input: { kind: 'draft', text: '😀'.repeat(500), achievable: 3 }
		});
		expect(draft.ok, draft.ok ? '' : draft.error).toBe(true);
	});

	it('a message just over the cap drops only that connection; one just under is answered', async () => {
		await fresh();
		const { phone } = await roomWithPhone();
		const envelope = JSON.stringify(['clock:sync', { sentAt: 1, pad: '' }]).length + 5;
		const under = await server.client();
		const res = await (
			under as unknown as {
				timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean }> };
			}
		)
			.timeout(5000)
			.emitWithAck('clock:sync', { sentAt: 1, pad: 'x'.repeat(MAX_MESSAGE_BYTES - envelope - 20) });
		expect(res.ok, 'answered (refused for the extra field, but answered)').toBe(false);
		expect(under.connected).toBe(true);

		const over = await server.client();
		const dropped = new Promise<string>((resolve) =>
			over.once('disconnect', (reason) => resolve(reason))
		);
		over.emit('clock:sync', { sentAt: 1, pad: 'x'.repeat(MAX_MESSAGE_BYTES) } as never, () => {});
		expect(await dropped).toBe('transport close');
		expect(phone.connected).toBe(true);
		expect(expectOk(await send(phone, 'clock:sync', { sentAt: 1 })).serverTime).toBeGreaterThan(0);
	});
});
