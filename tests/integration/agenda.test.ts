import { describe, expect, it } from 'vitest';
import { expectOk, next, send, sessionCookieFor, serverPerTest } from '../helpers/server';

const t = serverPerTest();

async function liveRoom() {
	const trainer = await t.server.trainer();
	const room = await t.server.room(trainer.id);
	const remote = await t.server.client({ cookie: trainer.cookie });
	const watched = expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phone = await t.server.client();
	const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Aisha' }));
	return { trainer, room, remote, watched, phone, joined };
}

describe('agenda controls', () => {
	it('start: the trainer gets the run state, phones get the current block without private notes', async () => {
		const { room, remote, phone, watched, joined } = await liveRoom();
		expect(watched.plan.blocks[0]!.notes).toContain('Private');
		expect(watched.run.phase).toBe('ready');
		expect(joined.agenda).toMatchObject({ phase: 'ready', index: 0, count: 3 });

		const heardByRemote = next(remote, 'agenda:run');
		const heardByPhone = next(phone, 'agenda:now');
		const ack = expectOk(
			await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } })
		);
		expect(ack.run.phase).toBe('running');
		expect((await heardByRemote).run.since).toBe(ack.run.since);

		const view = await heardByPhone;
		expect(view).toMatchObject({ phase: 'running', index: 0, nextTitle: 'Break' });
		expect(view.block).toEqual({
			title: 'Welcome',
			kind: 'talk',
			task: 'Say hello to your neighbour.'
		});
		expect(JSON.stringify(view)).not.toContain('Private');
	});

	it('pause, resume, +5, next and jump are broadcast; the break reaches phones with its timing', async () => {
		const { room, remote, phone } = await liveRoom();
		const control = (c: object) =>
			send(remote, 'agenda:control', { roomId: room.id, control: c as never });
		expectOk(await control({ type: 'start' }));
		expect(expectOk(await control({ type: 'pause' })).run.phase).toBe('paused');
		expect(expectOk(await control({ type: 'resume' })).run.phase).toBe('running');
		expect(expectOk(await control({ type: 'extend', minutes: 5 })).run.blocks[0]!.extraMs).toBe(
			5 * 60_000
		);
		const onBreak = next(phone, 'agenda:now', (v) => v.index === 1);
		expectOk(await control({ type: 'next' }));
		const view = await onBreak;
		expect(view.block?.kind).toBe('break');
		expect(view.timing.lengthMs).toBe(15 * 60_000);
		expect(typeof view.timing.since).toBe('number');
		expect(expectOk(await control({ type: 'jump', index: 2 })).run.current).toBe(2);
	});

	it('a control that makes no sense gets a clear error and changes nothing', async () => {
		const { room, remote } = await liveRoom();
		expect(
			await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'pause' } })
		).toEqual({
			ok: false,
			code: 'invalid',
			error: 'The clock is not running.'
		});
		expect(t.server.realtime.engine.room(room.id)!.run.phase).toBe('ready');
	});

	it('a participant, or another trainer, cannot move the clock', async () => {
		const { room, phone } = await liveRoom();
		const other = await t.server.trainer();
		const intruder = await t.server.client({ cookie: other.cookie });
		expect(
			await send(phone, 'agenda:control', { roomId: room.id, control: { type: 'start' } })
		).toMatchObject({ ok: false, code: 'unauthenticated' });
		expect(
			await send(intruder, 'agenda:control', { roomId: room.id, control: { type: 'start' } })
		).toMatchObject({ ok: false, code: 'forbidden' });
		expect(t.server.realtime.engine.room(room.id)!.run.phase).toBe('ready');
	});

	it('the clock survives a server restart exactly: same block, same banked time, still paused', async () => {
		const { room, remote, joined } = await liveRoom();
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'next' } }));
		const paused = expectOk(
			await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'pause' } })
		).run;
		await t.restart();

		const trainerAgain = await t.server.client({
			cookie: await sessionCookieFor(t.server, room.id)
		});
		const watched = expectOk(await send(trainerAgain, 'room:watch', { roomId: room.id }));
		expect(watched.run).toEqual(paused);
		const phone = await t.server.client();
		const resumed = expectOk(
			await send(phone, 'room:resume', { code: room.code, seatToken: joined.seatToken })
		);
		expect(resumed.agenda).toMatchObject({ phase: 'paused', index: 1, block: { title: 'Break' } });
	});

	it('closing the room ends the run, so every block that ran has an end', async () => {
		const { room, remote } = await liveRoom();
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expectOk(await send(remote, 'room:close', { roomId: room.id }));
		const run = t.server.realtime.engine.room(room.id)!.run;
		expect(run.phase).toBe('finished');
		expect(run.blocks[0]!.endedAt).toBe(run.finishedAt);
	});
});

describe('review fixes', () => {
	// Wrong codes and resuming seats: tests/integration/limits.test.ts (with a clock the test drives).
	it('signing out ends the trainer powers of sockets already open with that session', async () => {
		const { room, remote, trainer } = await liveRoom();
		const sessionId = t.server.sessionIdOf(trainer.cookie);
		const gone = new Promise((resolve) => remote.once('disconnect', resolve));
		t.server.realtime.endSession(sessionId);
		await gone;
		expect(t.server.realtime.engine.room(room.id)!.status).toBe('open');
	});
});
