import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	deleteCopy,
	duplicateAgenda,
	getCopy,
	rowToPlan,
	saveCopy
} from '$lib/server/agendas/library';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { createTrainer } from '$lib/server/auth/trainers';
import { roomTrainers } from '$lib/server/db/schema';
import { UserError } from '$lib/server/errors';
import {
	addAgendaFacilitator,
	addRoomFacilitator,
	listAgendaFacilitators,
	listCoFacilitatedRooms,
	listRoomFacilitators,
	listSharedAgendas,
	NO_ACCOUNT,
	removeAgendaFacilitator,
	removeRoomFacilitator,
	startSession
} from '$lib/server/facilitators';
import { isRoomTrainer, roomForTrainer } from '$lib/server/rooms/access';
import type { ServerEvents } from '$lib/shared/events';
import {
	drained,
	expectOk,
	next,
	send,
	serverPerTest,
	type Client,
	type TestServer
} from '../helpers/server';

const t = serverPerTest();

let seq = 0;
/** A trainer with a name of their own (the helper names everyone "Test Trainer") and a session cookie. */
async function trainer(
	server: TestServer,
	name: string,
	email = `${name.toLowerCase()}-${++seq}@example.org`
) {
	const row = await createTrainer(server.db, { name, email, password: 'correct horse battery' });
	const { token } = await createSession(server.db, row.id);
	return { id: row.id, email, name, cookie: `${SESSION_COOKIE}=${token}` };
}

/** The UserError a call throws (its code and sentence), or fails the test. */
async function refusal(fn: () => unknown): Promise<{ code: string; message: string }> {
	try {
		await fn();
	} catch (err) {
		if (err instanceof UserError) return { code: err.code, message: err.message };
		throw err;
	}
	throw new Error('expected a refusal');
}

/** Counts the events a socket receives from now on. */
function listen(client: Client, events: (keyof ServerEvents)[]) {
	const heard: string[] = [];
	for (const e of events) client.on(e, () => heard.push(e));
	return heard;
}

/** An owner with a live room watched from their remote, a co-facilitator and a stranger. */
async function team() {
	const server = t.server;
	const owner = await trainer(server, 'Olive');
	const cofac = await trainer(server, 'Carl');
	const stranger = await trainer(server, 'Sam');
	const room = await server.room(owner.id, 'Team session');
	const remote = await server.client({ cookie: owner.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	return { server, owner, cofac, stranger, room, remote, live: server.realtime.engine };
}

describe('a co-facilitator on the live room', () => {
	it('added while the room is live, watches it and runs every control: agenda, activity, people', async () => {
		const { server, owner, cofac, room, remote, live } = await team();
		await addRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			email: cofac.email,
			live
		});
		const theirs = await server.client({ cookie: cofac.cookie });
		const watched = expectOk(await send(theirs, 'room:watch', { roomId: room.id }));
		expect(watched.room.title).toBe('Team session');

		// Their controls reach the owner's screen, and the owner's reach theirs.
		const ownerSees = next(remote, 'agenda:run', (u) => u.run.phase === 'running');
		expectOk(await send(theirs, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		await ownerSees;
		const theySee = next(theirs, 'agenda:run', (u) => u.run.current === 1);
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'next' } }));
		await theySee;
		expect(
			expectOk(
				await send(theirs, 'agenda:control', { roomId: room.id, control: { type: 'previous' } })
			).run.current
		).toBe(0);

		// People and activities.
		const phone = await server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Aisha' }));
		await next(theirs, 'room:roster', (r) => r.participants.length === 1);
		const launched = expectOk(
			await send(theirs, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		expect(
			expectOk(
				await send(theirs, 'activity:status', {
					roomId: room.id,
					runId: launched.runId,
					status: 'closed'
				})
			).status
		).toBe('closed');
		expectOk(
			await send(theirs, 'room:remove-participant', {
				roomId: room.id,
				participantId: joined.seat.participantId
			})
		);

		// And closing it.
		const closed = next(remote, 'room:closed');
		expectOk(await send(theirs, 'room:close', { roomId: room.id }));
		await closed;
	});

	it('added before the room is loaded, is in the trainer set read from disk (and after a restart)', async () => {
		const server = t.server;
		const owner = await trainer(server, 'Olive');
		const cofac = await trainer(server, 'Carl');
		const room = await server.room(owner.id);
		// No engine passed: only the table knows, as after adding from another process or before a restart.
		await addRoomFacilitator(server.db, { roomId: room.id, actorId: owner.id, email: cofac.email });
		const theirs = await server.client({ cookie: cofac.cookie });
		expectOk(await send(theirs, 'room:watch', { roomId: room.id }));

		const again = await t.restart();
		const { token } = await createSession(again.db, cofac.id);
		const afterRestart = await again.client({ cookie: `${SESSION_COOKIE}=${token}` });
		expect(expectOk(await send(afterRestart, 'room:watch', { roomId: room.id })).room.id).toBe(
			room.id
		);
		expect(
			expectOk(
				await send(afterRestart, 'agenda:control', { roomId: room.id, control: { type: 'start' } })
			).run.phase
		).toBe('running');
	});

	it('a stranger trainer is refused every trainer event, exactly like a missing room', async () => {
		const { server, stranger, room } = await team();
		const theirs = await server.client({ cookie: stranger.cookie });
		const refused = {
			ok: false,
			code: 'forbidden',
			error: 'You are not a trainer of that session.'
		};
		expect(await send(theirs, 'room:watch', { roomId: room.id })).toEqual(refused);
		expect(
			await send(theirs, 'agenda:control', { roomId: room.id, control: { type: 'start' } })
		).toEqual(refused);
		expect(await send(theirs, 'activity:launch', { roomId: room.id, activityId: 'solo' })).toEqual(
			refused
		);
		expect(await send(theirs, 'room:close', { roomId: room.id })).toEqual(refused);
		expect(await send(theirs, 'room:watch', { roomId: 'no-such-room' })).toEqual(refused);
	});

	it('once removed, their open socket hears nothing more from the room and their events are refused', async () => {
		const { server, owner, cofac, room, remote, live } = await team();
		await addRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			email: cofac.email,
			live
		});
		const theirs = await server.client({ cookie: cofac.cookie });
		expectOk(await send(theirs, 'room:watch', { roomId: room.id }));
		// Still watching: they hear the owner's control.
		const heardBefore = next(theirs, 'agenda:run', (u) => u.run.phase === 'running');
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		await heardBefore;

		const told = next(theirs, 'room:access-ended');
		await removeRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			trainerId: cofac.id,
			live
		});
		// Their screen is told why it stops, rather than going quiet.
		expect(await told).toEqual({
			roomId: room.id,
			message: expect.stringContaining('removed you from this session’s co-facilitators')
		});
		const heard = listen(theirs, ['agenda:run', 'room:roster', 'activity:trainer', 'room:closed']);

		// The owner carries on: a control, a phone joining, an activity. The owner hears all of it; they hear none.
		const ownerRun = next(remote, 'agenda:run', (u) => u.run.current === 1);
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'next' } }));
		await ownerRun;
		const phone = await server.client();
		const ownerRoster = next(remote, 'room:roster', (r) => r.participants.length === 1);
		expectOk(await send(phone, 'room:join', { code: room.code, name: 'Ben' }));
		await ownerRoster;
		const ownerActivity = next(remote, 'activity:trainer', (u) => u.activity !== null);
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' }));
		await ownerActivity;
		await drained(server, theirs);
		expect(heard).toEqual([]);

		// Whatever they send now is refused, watching again included.
		const refused = {
			ok: false,
			code: 'forbidden',
			error: 'You are not a trainer of that session.'
		};
		expect(
			await send(theirs, 'agenda:control', { roomId: room.id, control: { type: 'next' } })
		).toEqual(refused);
		expect(await send(theirs, 'room:watch', { roomId: room.id })).toEqual(refused);
		expect(await send(theirs, 'room:close', { roomId: room.id })).toEqual(refused);
		expect(heard).toEqual([]);
		expect(await roomForTrainer(server.db, room.id, cofac.id)).toBeUndefined();

		// Added back, they are in again at once.
		await addRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			email: cofac.email,
			live
		});
		expectOk(await send(theirs, 'room:watch', { roomId: room.id }));
	});

	it('removal is scoped to that room: the same socket keeps another room it co-facilitates', async () => {
		const { server, owner, cofac, room, live } = await team();
		const other = await server.room(owner.id, 'Other session');
		for (const roomId of [room.id, other.id])
			await addRoomFacilitator(server.db, { roomId, actorId: owner.id, email: cofac.email, live });
		const theirs = await server.client({ cookie: cofac.cookie });
		expectOk(await send(theirs, 'room:watch', { roomId: room.id }));
		expectOk(await send(theirs, 'room:watch', { roomId: other.id }));
		await removeRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			trainerId: cofac.id,
			live
		});
		const otherRun = next(theirs, 'agenda:run', (u) => u.roomId === other.id);
		const ownerSocket = await server.client({ cookie: owner.cookie });
		expectOk(
			await send(ownerSocket, 'agenda:control', { roomId: other.id, control: { type: 'start' } })
		);
		expect((await otherRun).run.phase).toBe('running');
		expect(
			(await send(theirs, 'agenda:control', { roomId: room.id, control: { type: 'start' } })).ok
		).toBe(false);
		expect(
			(await send(theirs, 'agenda:control', { roomId: other.id, control: { type: 'pause' } })).ok
		).toBe(true);
	});

	it('a co-facilitator who leaves loses the room the same way; the owner cannot be removed', async () => {
		const { server, owner, cofac, room, live } = await team();
		await addRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			email: cofac.email,
			live
		});
		const theirs = await server.client({ cookie: cofac.cookie });
		expectOk(await send(theirs, 'room:watch', { roomId: room.id }));
		expect(
			(
				await refusal(() =>
					removeRoomFacilitator(server.db, {
						roomId: room.id,
						actorId: cofac.id,
						trainerId: owner.id,
						live
					})
				)
			).message
		).toBe('The owner cannot be removed from their own session.');
		await removeRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: cofac.id,
			trainerId: cofac.id,
			live
		});
		expect(
			(await send(theirs, 'agenda:control', { roomId: room.id, control: { type: 'start' } })).ok
		).toBe(false);
		const ownerSocket = await server.client({ cookie: owner.cookie });
		expectOk(
			await send(ownerSocket, 'agenda:control', { roomId: room.id, control: { type: 'start' } })
		);
	});
});

describe('the rules for a session', () => {
	it('finds people by email, case-insensitively, and explains every refusal', async () => {
		const { server, owner, cofac, stranger, room, live } = await team();
		const add = (actorId: string, email: string) => () =>
			addRoomFacilitator(server.db, { roomId: room.id, actorId, email, live });

		expect(await refusal(add(owner.id, 'nobody@example.org'))).toEqual({
			code: 'not-found',
			message: NO_ACCOUNT
		});
		expect(NO_ACCOUNT).toBe('No trainer account uses that email. Ask them to sign up first.');
		expect((await refusal(add(owner.id, 'not an email'))).code).toBe('invalid');
		expect(await refusal(add(owner.id, owner.email.toUpperCase()))).toEqual({
			code: 'invalid',
			message: 'That is your own account: you already run this session as its owner.'
		});

		const added = await addRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			email: `  ${cofac.email.toUpperCase()} `,
			live
		});
		expect(added).toEqual({ id: cofac.id, name: 'Carl', email: cofac.email });
		expect(await isRoomTrainer(server.db, { id: room.id, trainerId: owner.id }, cofac.id)).toBe(
			true
		);
		expect(await refusal(add(owner.id, cofac.email))).toEqual({
			code: 'invalid',
			message: `Carl (${cofac.email}) is already a co-facilitator of this session.`
		});

		// Only the owner manages the list: a co-facilitator is told who can; a stranger is not even told the room exists.
		expect(await refusal(add(cofac.id, stranger.email))).toEqual({
			code: 'forbidden',
			message: "Only the session's owner, Olive, can add or remove co-facilitators."
		});
		expect(await refusal(add(stranger.id, stranger.email))).toEqual({
			code: 'not-found',
			message: 'No such session among yours.'
		});

		const third = await trainer(server, 'Tess');
		await addRoomFacilitator(server.db, {
			roomId: room.id,
			actorId: owner.id,
			email: third.email,
			live
		});
		expect(
			(
				await refusal(() =>
					removeRoomFacilitator(server.db, {
						roomId: room.id,
						actorId: cofac.id,
						trainerId: third.id,
						live
					})
				)
			).code
		).toBe('forbidden');
		expect(
			await refusal(() =>
				removeRoomFacilitator(server.db, {
					roomId: room.id,
					actorId: owner.id,
					trainerId: stranger.id,
					live
				})
			)
		).toEqual({
			code: 'not-found',
			message: 'That trainer is no longer a co-facilitator of this session.'
		});

		const list = await listRoomFacilitators(server.db, room.id, cofac.id);
		expect(list.owner).toEqual({ id: owner.id, name: 'Olive', email: owner.email });
		expect(list.coFacilitators.map((c) => c.name)).toEqual(['Carl', 'Tess']);
		expect((await refusal(() => listRoomFacilitators(server.db, room.id, stranger.id))).code).toBe(
			'not-found'
		);

		// Their dashboard shows the session with the owner's name.
		expect(await listCoFacilitatedRooms(server.db, cofac.id)).toEqual([
			expect.objectContaining({
				id: room.id,
				title: 'Team session',
				status: 'open',
				ownerName: 'Olive'
			})
		]);
		expect(await listCoFacilitatedRooms(server.db, stranger.id)).toEqual([]);
	});
});

describe('the rules for an agenda copy', () => {
	it('co-facilitators edit and run it, only the owner deletes it or manages the list', async () => {
		const server = t.server;
		const db = server.db;
		const owner = await trainer(server, 'Olive');
		const cofac = await trainer(server, 'Carl');
		const other = await trainer(server, 'Tess');
		const stranger = await trainer(server, 'Sam');
		const copy = await duplicateAgenda(db, 'session-a', owner.id);
		expect(copy).toBeDefined();
		const agendaId = copy!.id;

		expect(
			(
				await refusal(() =>
					addAgendaFacilitator(db, {
						agendaId,
						actorId: owner.id,
						email: 'ghost@example.org'
					})
				)
			).message
		).toBe(NO_ACCOUNT);
		expect(await getCopy(db, agendaId, cofac.id)).toBeUndefined();
		await addAgendaFacilitator(db, {
			agendaId,
			actorId: owner.id,
			email: cofac.email.toUpperCase()
		});
		await addAgendaFacilitator(db, { agendaId, actorId: owner.id, email: other.email });
		expect(
			(
				await refusal(() =>
					addAgendaFacilitator(db, { agendaId, actorId: owner.id, email: cofac.email })
				)
			).message
		).toContain('already a co-facilitator of this agenda');
		expect(
			(
				await refusal(() =>
					addAgendaFacilitator(db, { agendaId, actorId: cofac.id, email: stranger.email })
				)
			).code
		).toBe('forbidden');
		expect(
			(
				await refusal(() =>
					addAgendaFacilitator(db, { agendaId, actorId: stranger.id, email: stranger.email })
				)
			).code
		).toBe('not-found');
		expect(
			(
				await refusal(() =>
					addAgendaFacilitator(db, {
						agendaId: 'session-a',
						actorId: owner.id,
						email: cofac.email
					})
				)
			).code
		).toBe('not-found');

		// "Shared with you", with the owner's name.
		expect(await listSharedAgendas(db, cofac.id)).toEqual([
			expect.objectContaining({ id: agendaId, ownerName: 'Olive' })
		]);
		expect(await listSharedAgendas(db, stranger.id)).toEqual([]);

		// A co-facilitator edits it.
		const row = (await getCopy(db, agendaId, cofac.id))!;
		const saved = await saveCopy(db, agendaId, cofac.id, {
			...rowToPlan(row),
			title: 'Edited by Carl'
		});
		expect(saved.ok).toBe(true);
		expect((await getCopy(db, agendaId, owner.id))!.title).toBe('Edited by Carl');
		expect(await saveCopy(db, agendaId, stranger.id, rowToPlan(row))).toEqual({
			ok: false,
			reason: 'not-found'
		});

		// A session Carl starts from it: Carl owns the room, Olive and Tess co-facilitate it.
		const room = await startSession(db, {
			trainerId: cofac.id,
			agendaId,
			agenda: rowToPlan((await getCopy(db, agendaId, cofac.id))!)
		});
		expect(room.trainerId).toBe(cofac.id);
		const roomTeam = db.db
			.select()
			.from(roomTrainers)
			.where(eq(roomTrainers.roomId, room.id))
			.all()
			.map((r) => r.trainerId);
		expect(roomTeam.sort()).toEqual([owner.id, other.id].sort());
		expect(await listCoFacilitatedRooms(db, owner.id)).toEqual([
			expect.objectContaining({ id: room.id, ownerName: 'Carl' })
		]);
		expect(await roomForTrainer(db, room.id, stranger.id)).toBeUndefined();

		// A session from a shipped file is the starter's alone.
		const solo = await startSession(db, {
			trainerId: owner.id,
			agendaId: 'session-a',
			agenda: rowToPlan(row)
		});
		expect(db.db.select().from(roomTrainers).where(eq(roomTrainers.roomId, solo.id)).all()).toEqual(
			[]
		);

		// Only the owner deletes, and manages the list; a co-facilitator may leave.
		expect(await deleteCopy(db, agendaId, cofac.id)).toBe(false);
		expect(
			(
				await refusal(() =>
					removeAgendaFacilitator(db, { agendaId, actorId: cofac.id, trainerId: other.id })
				)
			).code
		).toBe('forbidden');
		await removeAgendaFacilitator(db, { agendaId, actorId: cofac.id, trainerId: cofac.id });
		expect(await getCopy(db, agendaId, cofac.id)).toBeUndefined();
		expect(
			(await listAgendaFacilitators(db, agendaId, owner.id)).coFacilitators.map((c) => c.name)
		).toEqual(['Tess']);
		await removeAgendaFacilitator(db, { agendaId, actorId: owner.id, trainerId: other.id });
		expect((await listAgendaFacilitators(db, agendaId, owner.id)).coFacilitators).toEqual([]);
		// The room already started keeps its team.
		expect(await roomForTrainer(db, room.id, other.id)).toBeDefined();
		expect(await deleteCopy(db, agendaId, owner.id)).toBe(true);
	});
});
