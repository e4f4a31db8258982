import { describe, expect, it } from 'vitest';
import type { ActivityType } from '$lib/activities/contract';
import type { Catalog } from '$lib/server/activities/engine';
import { testCatalog, testList } from '../helpers/test-activity';
import {
	expectOk,
	send,
	startServer,
	tempDbPath,
	type Client,
	type TestServer
} from '../helpers/server';

/** Busy for `ms`: a phone view as slow to build as a big room's makes the flush long. */
function busy(ms: number): void {
	const end = performance.now() + ms;
	while (performance.now() < end);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const slowList: ActivityType<any, any, any, any, any> = {
	...testList,
	type: 'test-slow',
	phone: (state, ctx) => {
		busy(2);
		return testList.phone(state, ctx);
	}
};

const catalog: Catalog = () => {
	const map = new Map(testCatalog());
	const solo = map.get('solo')!;
	map.set('slow', { ...solo, id: 'slow', type: slowList });
	return map;
};

/** A room of `size` phones and its remote, on the slow activity's server; `test` runs inside. */
async function withRoom(
	size: number,
	test: (
		remote: Client,
		phones: Client[],
		roomId: string,
		ctx: { server: TestServer; ids: string[] }
	) => Promise<void>
): Promise<void> {
	const tmp = tempDbPath();
	const server = await startServer(tmp.path, { catalog });
	try {
		const trainer = await server.trainer();
		const room = await server.room(trainer.id);
		const remote = await server.client({ cookie: trainer.cookie });
		expectOk(await send(remote, 'room:watch', { roomId: room.id }));
		const phones: Client[] = [];
		const ids: string[] = [];
		for (let i = 0; i < size; i++) {
			const socket = await server.client();
			const joined = expectOk(
				await send(socket, 'room:join', { code: room.code, name: `Person ${i}` })
			);
			phones.push(socket);
			ids.push(joined.seat.participantId);
		}
		await test(remote, phones, room.id, { server, ids });
	} finally {
		await server.stop();
		tmp.cleanup();
	}
}

/** Resolves when every phone has had a whole view, each arrival noted in `arrivals`. */
function everyPhoneView(phones: Client[], arrivals: string[]): Promise<void[]> {
	return Promise.all(
		phones.map(
			(socket, i) =>
				new Promise<void>((done) =>
					socket.on('activity:phone', (view) => {
						if (!view) return;
						arrivals.push(`view ${i}`);
						done();
					})
				)
		)
	);
}

// The phones' updates go a few milliseconds at a time: what arrives meanwhile is answered in between.
describe('a long flush of phone updates', () => {
	it('answers an event that arrives while it goes before its last update is sent', async () => {
		await withRoom(40, async (remote, phones, roomId) => {
			const arrivals: string[] = [];
			const all = everyPhoneView(phones, arrivals);
			// The first phone to hear of the launch asks the server the time at once.
			const pong = new Promise<void>((done) => {
				let asked = false;
				for (const socket of phones)
					socket.on('activity:phone', (view) => {
						if (!view || asked) return;
						asked = true;
						void send(socket, 'clock:sync', { sentAt: Date.now() }).then((res) => {
							expectOk(res);
							arrivals.push('pong');
							done();
						});
					});
			});
			expectOk(await send(remote, 'activity:launch', { roomId, activityId: 'slow' }));
			await Promise.all([all, pong]);
			// 40 views at 2 ms each: 80 ms of building, in turns of a few milliseconds each.
			// Before: all 40 went in one stretch and the answer came after the last of them.
			const after = arrivals.slice(arrivals.indexOf('pong') + 1);
			expect(after.length).toBeGreaterThanOrEqual(8);
			expect(arrivals.filter((a) => a.startsWith('view'))).toHaveLength(40);
		});
	});

	it('sends the projector its update before the phones theirs', async () => {
		await withRoom(40, async (remote, phones, roomId) => {
			const launched = everyPhoneView(phones, []);
			const run = expectOk(await send(remote, 'activity:launch', { roomId, activityId: 'slow' }));
			await launched;
			for (const socket of phones) socket.off('activity:phone');
			// A trainer's action changes the projector's view and sends every phone a whole view
			// (40 at 2 ms each to build): both in the same flush.
			const arrivals: string[] = [];
			const all = everyPhoneView(phones, arrivals);
			const projector = new Promise<void>((done) =>
				remote.on('activity:trainer-patch', (patch) => {
					if (patch.runId !== run.runId) return;
					arrivals.push('projector');
					done();
				})
			);
			const action = { kind: 'banner', text: 'Back at 11:15' };
			expectOk(
				await send(remote, 'activity:act', {
					roomId,
					runId: run.runId,
					inputId: 'banner-1',
					input: action
				})
			);
			await Promise.all([all, projector]);
			// Before, the projector's update was built after the phones' first two turns and
			// queued behind their views: four or more of them reached their phones first.
			expect(arrivals.indexOf('projector')).toBeLessThanOrEqual(1);
			expect(arrivals.filter((a) => a.startsWith('view'))).toHaveLength(40);
		});
	});
});

// A burst's poll phase reads thousands of sockets, and acknowledges inputs as the writer commits
// them, before its turn ends: no timer fires meanwhile.
describe('a long turn of the event loop', () => {
	it('builds the projector’s view once its flush is late, at the next input, not at the turn’s end', async () => {
		await withRoom(2, async (remote, _phones, roomId, { server, ids }) => {
			const run = expectOk(await send(remote, 'activity:launch', { roomId, activityId: 'solo' }));
			const { activities } = server.realtime;
			activities.flush();
			await server.db.writes.drain();
			// What the flush hands to the write queue to announce, and whether the turn was over then.
			let turnOver = false;
			const announced: boolean[] = [];
			const afterCommit = server.db.writes.afterCommit.bind(server.db.writes);
			server.db.writes.afterCommit = (fn) => {
				announced.push(turnOver);
				afterCommit(fn);
			};
			const add = (i: number) =>
				activities.submit(roomId, ids[i]!, run.runId, `in-${i}`, {
					kind: 'add',
					text: `Card ${i}`
				});
			// The first input, committed: the projector's flush is due in 100 ms. What was announced
			// meanwhile (the room's roster after the joins, an earlier flush on a slow machine) is not
			// this test's business.
			await add(0);
			announced.length = 0;
			setImmediate(() => (turnOver = true));
			// 120 ms of reading other sockets in the same turn: the flush's timer cannot fire.
			busy(120);
			expect(announced).toEqual([]);
			const second = add(1);
			expect(announced.length).toBeGreaterThan(0);
			expect(announced.every((over) => !over)).toBe(true);
			await second;
		});
	});
});
