import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getActivityCatalog } from '$lib/server/content';
import { followUpAnswers, followUps, rooms } from '$lib/server/db/schema';
import { deleteParticipantData, purgeDate, purgeExpired } from '$lib/server/exports/data-care';
import { toJson } from '$lib/server/exports/json';
import { loadSession } from '$lib/server/exports/session';
import { followUpItems } from '$lib/server/followup/items';
import {
	followUpRows,
	packFollowUp,
	remindersIcs,
	sessionSummary
} from '$lib/server/followup/service';
import {
	answersOf,
	extendsRetention,
	findByToken,
	optIn,
	revoke,
	saveCheckIn,
	setFollowUpEnabled,
	type Holder
} from '$lib/server/store/followup';
import { DAY, FOLLOW_UP_END_DAYS } from '$lib/shared/follow-up';
import { expectOk, send, startServer, tempDbPath, type TestServer } from '../helpers/server';

// A real socket server and SQLite file: three phones write their "one thing" in the exit
// reflection, the trainer closes the session, then the follow-up store is used as the routes use it.

const TEXTS = [
	'Ask before I tell.',
	'Book monthly one-to-ones.',
	'Praise in public, specifically.'
];
let server: TestServer;
let cleanup: () => void;
let roomId: string;
const people: { id: string; name: string }[] = [];

beforeAll(async () => {
	const tmp = tempDbPath();
	cleanup = tmp.cleanup;
	server = await startServer(tmp.path, { catalog: getActivityCatalog });
	const trainer = await server.trainer();
	const room = await server.room(trainer.id);
	roomId = room.id;
	const remote = await server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId }));
	const run = expectOk(
		await send(remote, 'activity:launch', { roomId, activityId: 'exit-reflection' })
	);
	for (const [i, name] of ['Ana', 'Ben', 'Cy'].entries()) {
		const socket = await server.client();
		const joined = expectOk(await send(socket, 'room:join', { code: room.code, name }));
		people.push({ id: joined.seat.participantId, name });
		expectOk(
			await send(socket, 'activity:submit', {
				runId: run.runId,
				inputId: `r-${i}`,
				input: { kind: 'save', text: TEXTS[i]!, confidence: 5 + i }
			})
		);
	}
	expectOk(await send(remote, 'room:close', { roomId }));
});
afterAll(async () => {
	await server.stop();
	cleanup();
});

const participant = (i: number) =>
	server.db.db.query.participants
		.findFirst({ where: (p, { eq }) => eq(p.id, people[i]!.id) })
		.sync()!;
const answer = (progress: number, extra = {}) => ({
	progress,
	helped: ['A clear plan'],
	helpedNote: '',
	barriers: ['Workload'],
	barrierNote: 'Quarter end',
	confidence: 7,
	revisedGoal: '',
	...extra
});
const consent = { shareQuotes: true, shareWithTrainer: false, email: null };

describe('the follow-up token', () => {
	it('opens its own learner only; a wrong token opens nothing', async () => {
		const a = await optIn(server.db, participant(0));
		const b = await optIn(server.db, participant(1));
		expect(a).not.toBe(b);
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect((await findByToken(server.db, a))?.participant.name).toBe('Ana');
		expect((await findByToken(server.db, b))?.participant.name).toBe('Ben');
		expect(await findByToken(server.db, 'a'.repeat(32))).toBeUndefined();
		expect(await findByToken(server.db, '')).toBeUndefined();
		// Only the hash is stored, and the seat token is another secret altogether.
		const stored = server.db.db.select().from(followUps).all();
		expect(JSON.stringify(stored)).not.toContain(a);
		expect(stored.map((f) => f.tokenHash)).not.toContain(participant(0).seatTokenHash);
	});

	it('is revoked by the learner, and replaced (the old one then opens nothing) when they opt in again', async () => {
		const first = await optIn(server.db, participant(2));
		const second = await optIn(server.db, participant(2));
		expect(await findByToken(server.db, first)).toBeUndefined();
		const holder = (await findByToken(server.db, second))!;
		expect(holder.participant.name).toBe('Cy');
		await revoke(server.db, holder.followUp.id);
		expect(await findByToken(server.db, second)).toBeUndefined();
		const third = await optIn(server.db, participant(2));
		expect((await findByToken(server.db, third))?.participant.name).toBe('Cy');
	});

	it('opens nothing while the trainer has follow-up switched off', async () => {
		const token = await optIn(server.db, participant(0));
		await setFollowUpEnabled(server.db, roomId, false);
		expect(await findByToken(server.db, token)).toBeUndefined();
		await setFollowUpEnabled(server.db, roomId, true);
		expect((await findByToken(server.db, token))?.participant.name).toBe('Ana');
	});

	it('gives a calendar file whose two events are due 30 and 90 days after the close', async () => {
		const token = await optIn(server.db, participant(1));
		const holder = (await findByToken(server.db, token))!;
		const ics = remindersIcs(holder, `https://x.example/f/${token}`);
		const day = (d: number) =>
			new Date(holder.room.closedAt! + d * DAY).toISOString().slice(0, 10).replace(/-/g, '');
		expect(ics).toContain(`DTSTART;VALUE=DATE:${day(30)}`);
		expect(ics).toContain(`DTSTART;VALUE=DATE:${day(90)}`);
	});
});

describe('check-ins', () => {
	let holders: Holder[];
	beforeAll(async () => {
		holders = [];
		for (const i of [0, 1, 2])
			holders.push((await findByToken(server.db, await optIn(server.db, participant(i))))!);
	});

	it('shows each learner their own "one thing" as written on the day', async () => {
		const data = (await loadSession(server.db, roomId))!;
		expect(followUpItems(data, people[1]!.id)).toEqual([
			expect.objectContaining({ kind: 'one-thing', text: TEXTS[1], confidenceThen: 6 })
		]);
	});

	it('a second visit edits the same check-in; the 30- and 90-day ones are kept apart', async () => {
		const key = followUpItems((await loadSession(server.db, roomId))!, people[0]!.id)[0]!.key;
		await saveCheckIn(server.db, holders[0]!, 30, { [key]: answer(1) }, consent);
		await saveCheckIn(
			server.db,
			holders[0]!,
			30,
			{ [key]: answer(3, { helpedNote: 'My manager asked' }) },
			consent
		);
		await saveCheckIn(server.db, holders[0]!, 90, { [key]: answer(4) }, consent);
		const rows = server.db.db
			.select()
			.from(followUpAnswers)
			.where(eq(followUpAnswers.participantId, people[0]!.id))
			.all();
		expect(rows.map((r) => [r.checkpoint, r.progress])).toEqual([
			[30, 3],
			[90, 4]
		]);
		expect((await answersOf(server.db, people[0]!.id)).get(30)?.[key]?.helpedNote).toBe(
			'My manager asked'
		);
	});

	it('the trainer sees counts only from three people, and names only of those who allowed it', async () => {
		const data = (await loadSession(server.db, roomId))!;
		const key = (i: number) => followUpItems(data, people[i]!.id)[0]!.key;
		await saveCheckIn(
			server.db,
			holders[1]!,
			30,
			{ [key(1)]: answer(2) },
			{ ...consent, shareWithTrainer: true }
		);
		let summary = await sessionSummary(server.db, (await loadSession(server.db, roomId))!);
		expect(summary.checkpoints[0]).toMatchObject({
			responded: 2,
			confidence: { shown: false, n: 2 },
			quotes: { shown: false }
		});
		await saveCheckIn(server.db, holders[2]!, 30, { [key(2)]: answer(2) }, consent);
		const after = (await loadSession(server.db, roomId))!;
		summary = await sessionSummary(server.db, after);
		expect(summary.checkpoints[0]).toMatchObject({
			responded: 3,
			progress: [
				{ type: 'One thing I will do differently', counts: { shown: true, value: [0, 0, 2, 1, 0] } }
			],
			confidence: { shown: true, value: { then: 6, now: 7 } },
			barriers: { shown: true, value: [{ barrier: 'Workload', count: 3 }] }
		});
		// Exports: rows only for Ben, who let the trainer see his check-ins.
		expect((await followUpRows(server.db, after)).map((r) => r.participant)).toEqual(['Ben']);
		expect(toJson(after).followUp).toEqual([
			expect.objectContaining({ participant: 'Ben', checkIn: '30 days', progress: 'Started' })
		]);
		// The learner's own pack has their follow-up whatever they chose.
		expect(
			(await packFollowUp(server.db, after, people[2]!.id))?.checkIns.map((c) => c.checkpoint)
		).toEqual([30]);
	});

	it('retention counts from the end of the last check-in window while follow-up is on', async () => {
		const room = server.db.db.select().from(rooms).where(eq(rooms.id, roomId)).get()!;
		expect(await extendsRetention(server.db, roomId)).toBe(true);
		expect(purgeDate(room, 30, true)).toBe(room.closedAt! + (FOLLOW_UP_END_DAYS + 30) * DAY);
		// 40 days after the close: past 30 days, but the follow-up keeps the data.
		expect(await purgeExpired(server.db, 30, room.closedAt! + 40 * DAY)).toEqual([]);
		expect(
			await purgeExpired(server.db, 30, room.closedAt! + (FOLLOW_UP_END_DAYS + 31) * DAY)
		).toEqual([roomId]);
		expect(server.db.db.select().from(followUpAnswers).all()).toEqual([]);
		expect(server.db.db.select().from(followUps).all()).toEqual([]);
	});
});

describe('deleting participant data', () => {
	it('deletes the follow-up with it', async () => {
		const trainer = await server.trainer();
		const room = await server.room(trainer.id);
		const remote = await server.client({ cookie: trainer.cookie });
		expectOk(await send(remote, 'room:watch', { roomId: room.id }));
		const run = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'exit-reflection' })
		);
		const phone = await server.client();
		const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Dee' }));
		expectOk(
			await send(phone, 'activity:submit', {
				runId: run.runId,
				inputId: 'x',
				input: { kind: 'save', text: 'Listen more.', confidence: 4 }
			})
		);
		expectOk(await send(remote, 'room:close', { roomId: room.id }));
		const p = server.db.db.query.participants
			.findFirst({ where: (q, { eq }) => eq(q.id, joined.seat.participantId) })
			.sync()!;
		const token = await optIn(server.db, p);
		const holder = (await findByToken(server.db, token))!;
		await saveCheckIn(server.db, holder, 30, { [`one-thing:${run.runId}`]: answer(1) }, consent);
		expect(
			server.db.db.select().from(followUpAnswers).where(eq(followUpAnswers.roomId, room.id)).all()
		).toHaveLength(1);
		await deleteParticipantData(server.db, room.id, 'Test Trainer');
		expect(
			server.db.db.select().from(followUpAnswers).where(eq(followUpAnswers.roomId, room.id)).all()
		).toEqual([]);
		expect(
			server.db.db.select().from(followUps).where(eq(followUps.roomId, room.id)).all()
		).toEqual([]);
		expect(await findByToken(server.db, token)).toBeUndefined();
	});
});
