import { describe, expect, it } from 'vitest';
import { expectOk, next, send, serverPerTest, sqliteOf } from '../helpers/server';
import { purgeExpired } from '$lib/server/exports/data-care';

const t = serverPerTest();

async function openRoom() {
	const trainer = await t.server.trainer();
	const room = await t.server.room(trainer.id, 'Session A');
	const projector = await t.server.client({ cookie: trainer.cookie });
	const watched = expectOk(await send(projector, 'room:watch', { roomId: room.id }));
	return { trainer, room, projector, watched };
}

describe('joining a room', () => {
	it('acknowledges the phone and shows the new name on the projector', async () => {
		const { room, projector, watched } = await openRoom();
		expect(watched.roster.participants).toEqual([]);
		const phone = await t.server.client();
		const roster = next(projector, 'room:roster', (r) => r.participants.length === 1);
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: '  Aisha  ' }));
		expect(joined.room).toEqual({ code: room.code, title: 'Session A', status: 'open' });
		expect(joined.seat.name).toBe('Aisha');
		expect(joined.seatToken).toMatch(/^[a-z2-7]{32}$/);
		const seen = await roster;
		expect(seen.participants.map((p) => [p.name, p.online])).toEqual([['Aisha', true]]);
	});

	it('accepts the code in lower case with spaces and dashes', async () => {
		const { room } = await openRoom();
		const phone = await t.server.client();
		const typed = `${room.code.slice(0, 3).toLowerCase()} - ${room.code.slice(3).toLowerCase()}`;
		expect((await send(phone, 'room:join', { code: typed, name: 'Ben' })).ok).toBe(true);
	});

	it('answers an unknown code with the code and where to look', async () => {
		await openRoom();
		const phone = await t.server.client();
		const res = await send(phone, 'room:join', { code: 'zzz-999', name: 'Ben' });
		expect(res).toEqual({
			ok: false,
			code: 'not-found',
			error: 'No live session with code ZZZ999 — check the code on the screen.'
		});
	});

	it('rejects empty, blank and over-long names with a message', async () => {
		const { room } = await openRoom();
		const phone = await t.server.client();
		for (const name of ['', '    ', 'x'.repeat(41)]) {
			const res = await send(phone, 'room:join', { code: room.code, name });
			expect(res.ok).toBe(false);
			if (!res.ok) expect(res.error).toMatch(/Please type your name|40 characters or fewer/);
		}
		expect((await send(phone, 'room:join', { code: room.code, name: 'x'.repeat(40) })).ok).toBe(
			true
		);
	});

	it('tells the second person with the same name to tell themselves apart', async () => {
		const { room, projector } = await openRoom();
		const [a, b] = [await t.server.client(), await t.server.client()];
		expectOk(await send(a, 'room:join', { code: room.code, name: 'Sam' }));
		const res = await send(b, 'room:join', { code: room.code, name: ' SAM ' });
		expect(res).toMatchObject({ ok: false, code: 'name-taken' });
		if (!res.ok) expect(res.error).toContain('Add an initial');
		expectOk(await send(b, 'room:join', { code: room.code, name: 'Sam K' }));
		const roster = await next(projector, 'room:roster', (r) => r.participants.length === 2);
		expect(roster.participants.map((p) => p.name)).toEqual(['Sam', 'Sam K']);
	});
});

describe('staying the same person', () => {
	it('a reconnect with the seat token lands on the same participant, never a duplicate', async () => {
		const { room, projector } = await openRoom();
		const phone = await t.server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Aisha' }));
		const offline = next(projector, 'room:roster', (r) => r.participants[0]?.online === false);
		phone.disconnect();
		await offline;

		const again = await t.server.client();
		const online = next(projector, 'room:roster', (r) => r.online === 1);
		const resumed = expectOk(
			await send(again, 'room:resume', { code: room.code, seatToken: joined.seatToken })
		);
		expect(resumed.seat).toEqual(joined.seat);
		const roster = await online;
		expect(roster.participants).toHaveLength(1);
		expect(roster.participants[0]!.id).toBe(joined.seat.participantId);
	});

	it('survives a server restart: same seat, same name', async () => {
		const { room } = await openRoom();
		const phone = await t.server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Chen' }));
		await t.restart();

		const back = await t.server.client();
		const resumed = expectOk(
			await send(back, 'room:resume', { code: room.code, seatToken: joined.seatToken })
		);
		expect(resumed.seat).toEqual({ participantId: joined.seat.participantId, name: 'Chen' });
		expect(resumed.room.title).toBe('Session A');
	});

	it('a wrong seat token is not anybody', async () => {
		const { room } = await openRoom();
		const phone = await t.server.client();
		const res = await send(phone, 'room:resume', { code: room.code, seatToken: 'a'.repeat(32) });
		expect(res).toMatchObject({ ok: false, code: 'not-found' });
	});
});

describe('trainer controls', () => {
	it('removing a participant tells their phone and takes them off the roster', async () => {
		const { room, projector } = await openRoom();
		const phone = await t.server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Dev' }));
		const told = next(phone, 'seat:removed');
		const roster = next(projector, 'room:roster', (r) => r.participants.length === 0);
		expectOk(
			await send(projector, 'room:remove-participant', {
				roomId: room.id,
				participantId: joined.seat.participantId
			})
		);
		expect((await told).message).toBe('The trainer removed you from this session.');
		await roster;
		const res = await send(phone, 'room:resume', { code: room.code, seatToken: joined.seatToken });
		expect(res).toMatchObject({ ok: false, code: 'removed' });
	});

	it('closing the room tells every phone, and they can no longer join or resume', async () => {
		const { room, projector } = await openRoom();
		const phone = await t.server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Eve' }));
		const told = next(phone, 'room:closed');
		expectOk(await send(projector, 'room:close', { roomId: room.id }));
		expect((await told).message).toMatch(/closed this session/);
		expect(
			await send(phone, 'room:resume', { code: room.code, seatToken: joined.seatToken })
		).toMatchObject({ ok: false, code: 'closed' });
		expect(await send(phone, 'room:join', { code: room.code, name: 'Late' })).toMatchObject({
			ok: false,
			code: 'not-found'
		});
		expect(await send(projector, 'room:close', { roomId: room.id })).toMatchObject({
			ok: false,
			code: 'closed'
		});
	});

	it('a participant cannot call trainer events', async () => {
		const { room } = await openRoom();
		const phone = await t.server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Fay' }));
		const calls = [
			send(phone, 'room:watch', { roomId: room.id }),
			send(phone, 'room:remove-participant', {
				roomId: room.id,
				participantId: joined.seat.participantId
			}),
			send(phone, 'room:close', { roomId: room.id })
		];
		for (const res of await Promise.all(calls))
			expect(res).toMatchObject({ ok: false, code: 'unauthenticated' });
		expect(t.server.realtime.engine.room(room.id)?.status).toBe('open');
	});

	it("a trainer cannot watch or control another trainer's room", async () => {
		const { room } = await openRoom();
		const other = await t.server.trainer();
		const intruder = await t.server.client({ cookie: other.cookie });
		const calls = [
			send(intruder, 'room:watch', { roomId: room.id }),
			send(intruder, 'room:remove-participant', { roomId: room.id, participantId: 'x' }),
			send(intruder, 'room:close', { roomId: room.id })
		];
		for (const res of await Promise.all(calls))
			expect(res).toMatchObject({ ok: false, code: 'forbidden' });
		expect(t.server.realtime.engine.room(room.id)?.status).toBe('open');
	});

	it('a forged or expired session cookie is just a participant', async () => {
		const { room } = await openRoom();
		const forged = await t.server.client({ cookie: 'wc_session=forged' });
		expect(await send(forged, 'room:watch', { roomId: room.id })).toMatchObject({
			ok: false,
			code: 'unauthenticated'
		});
	});
});

describe('isolation', () => {
	it('two rooms do not hear each other', async () => {
		const one = await openRoom();
		const two = await openRoom();
		const heardByOne: string[] = [];
		one.projector.on('room:roster', (r) => heardByOne.push(...r.participants.map((p) => p.name)));
		const phoneOne = await t.server.client();
		const phoneTwo = await t.server.client();
		const closedInOne: string[] = [];
		phoneOne.on('room:closed', (e) => closedInOne.push(e.message));

		expectOk(await send(phoneTwo, 'room:join', { code: two.room.code, name: 'In two' }));
		expectOk(await send(phoneOne, 'room:join', { code: one.room.code, name: 'In one' }));
		await next(one.projector, 'room:roster', (r) => r.participants.length === 1);
		const twoClosed = next(phoneTwo, 'room:closed');
		expectOk(await send(two.projector, 'room:close', { roomId: two.room.id }));
		await twoClosed;
		// Room one's roster updates carried only its own participant, and its phone heard no close.
		expect(heardByOne).toEqual(['In one']);
		expect(closedInOne).toEqual([]);
		expect(one.room.code).not.toBe(two.room.code);
	});
});

describe('coalescing', () => {
	it('sends the projector a few roster updates for a burst of joins, the last one complete', async () => {
		const { room, projector } = await openRoom();
		let updates = 0;
		projector.on('room:roster', () => updates++);
		const phones = await Promise.all(Array.from({ length: 25 }, () => t.server.client()));
		const done = next(projector, 'room:roster', (r) => r.participants.length === 25);
		await Promise.all(
			phones.map((p, i) => send(p, 'room:join', { code: room.code, name: `Person ${i}` }))
		);
		expect((await done).online).toBe(25);
		expect(updates).toBeLessThan(10);
	});
});

describe('closing a room goes through one engine path', () => {
	const runRow = (runId: string) =>
		sqliteOf(t.server.db)
			.prepare('select status, ended_at as endedAt from activity_runs where id = ?')
			.get(runId) as { status: string; endedAt: number | null };

	it('retention closes a live room with an open activity: phones are told, the activity ends on disk, nothing answers after', async () => {
		const { room, projector } = await openRoom();
		const phone = await t.server.client();
		expectOk(await send(phone, 'room:join', { code: room.code, name: 'Aisha' }));
		const { runId } = expectOk(
			await send(projector, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		expect(runRow(runId)).toEqual({ status: 'open', endedAt: null });
		const told = next(phone, 'room:closed');
		// Retention, as the server's init hook wires it: the engine's close, with no socket handler involved.
		const purged = await purgeExpired(t.server.db, 1, Date.now() + 2 * 24 * 60 * 60_000, (id) =>
			t.server.realtime.engine.close(id)
		);
		expect(purged).toEqual([room.id]);
		expect((await told).message).toMatch(/closed/i);
		const ended = runRow(runId);
		expect(ended.status).toBe('closed');
		expect(ended.endedAt).toBeGreaterThan(0);
		expect(t.server.realtime.activities.current(room.id)).toBeNull();
		expect(
			await send(phone, 'activity:submit', {
				runId,
				inputId: 'late',
				input: { kind: 'add', text: 'x' }
			})
		).toMatchObject({ ok: false });
	});

	it('the trainer closing the room ends its open activity the same way', async () => {
		const { room, projector } = await openRoom();
		const { runId } = expectOk(
			await send(projector, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		expectOk(await send(projector, 'room:close', { roomId: room.id }));
		expect(runRow(runId).endedAt).toBeGreaterThan(0);
		expect(t.server.realtime.activities.current(room.id)).toBeNull();
	});
});
