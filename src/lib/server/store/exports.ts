import { and, asc, count, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { FOLLOW_UP_END } from '$lib/shared/follow-up';
import type { Room } from '../db/schema';
import { first } from './rooms';
import type { Q, Store } from './types';

// What the exports, reports, evidence packs and data care read and delete.

/** Everything stored about one session, read in one go (inside the caller's transaction, if any). */
export async function sessionRows(s: Store, room: Room, db: Q = s.db) {
	const { activityRuns, inputs, participants, roomTrainers, trainers } = s.t;
	const roomId = room.id;
	const person = { id: trainers.id, name: trainers.name, email: trainers.email };
	const owner = first(
		await db.select(person).from(trainers).where(eq(trainers.id, room.trainerId)).limit(1)
	);
	const coFacilitators = await db
		.select(person)
		.from(roomTrainers)
		.innerJoin(trainers, eq(trainers.id, roomTrainers.trainerId))
		.where(eq(roomTrainers.roomId, roomId))
		.orderBy(asc(roomTrainers.addedAt));
	const people = await db
		.select()
		.from(participants)
		.where(eq(participants.roomId, roomId))
		.orderBy(asc(participants.joinedAt));
	const log = await db
		.select({
			seq: inputs.seq,
			participantId: inputs.participantId,
			trainerId: inputs.trainerId,
			clientInputId: inputs.clientInputId,
			groupId: inputs.groupId,
			kind: inputs.kind,
			payload: inputs.payload,
			createdAt: inputs.createdAt,
			activityId: inputs.activityId
		})
		.from(inputs)
		.where(eq(inputs.roomId, roomId))
		.orderBy(asc(inputs.seq));
	const runs = await db
		.select()
		.from(activityRuns)
		.where(eq(activityRuns.roomId, roomId))
		.orderBy(asc(activityRuns.launchedAt));
	return { owner, coFacilitators, people, log, runs };
}

/** A room's activity runs, titles only, in launch order. */
export async function runTitles(s: Store, roomId: string) {
	const { activityRuns } = s.t;
	return s.db
		.select({ id: activityRuns.id, title: activityRuns.title })
		.from(activityRuns)
		.where(eq(activityRuns.roomId, roomId))
		.orderBy(asc(activityRuns.launchedAt));
}

/** Every session started from one agenda, newest first. */
export async function roomsOfAgenda(s: Store, agendaId: string): Promise<Room[]> {
	const { rooms } = s.t;
	return s.db
		.select()
		.from(rooms)
		.where(eq(rooms.agendaId, agendaId))
		.orderBy(desc(rooms.createdAt));
}

/** What a deletion removes, counted, so the confirmation can name it before anything goes. */
export interface DataSummary {
	participants: number;
	answers: number;
	activities: number;
}

export async function dataSummary(s: Store, roomId: string, db: Q = s.db): Promise<DataSummary> {
	const { activityRuns, inputs, participants } = s.t;
	const n = (rows: { n: number }[]) => rows[0]?.n ?? 0;
	return {
		participants: n(
			await db.select({ n: count() }).from(participants).where(eq(participants.roomId, roomId))
		),
		answers: n(
			await db
				.select({ n: count() })
				.from(inputs)
				.where(and(eq(inputs.roomId, roomId), isNotNull(inputs.participantId)))
		),
		activities: n(
			await db.select({ n: count() }).from(activityRuns).where(eq(activityRuns.roomId, roomId))
		)
	};
}

/**
 * Deletes the people and everything they sent; keeps the agenda, its timings and which activities
 * ran (titles and settings), so the session's record still says what happened, without anyone in it.
 * One transaction: a crash half-way leaves the data whole, never half-deleted.
 */
export async function deleteParticipantData(
	s: Store,
	roomId: string,
	by: string,
	now = Date.now()
): Promise<DataSummary> {
	const { activityRuns, inputs, participants, rooms } = s.t;
	return s.transaction(async (tx) => {
		// The counts are read inside the transaction: they name exactly what goes.
		const summary = await dataSummary(s, roomId, tx);
		await tx.delete(inputs).where(eq(inputs.roomId, roomId));
		await tx.delete(participants).where(eq(participants.roomId, roomId));
		// Group names stay ("Group 2"); who was in them goes. Rewritten here, not in SQL, so both
		// databases do it the same way.
		const runs = await tx
			.select({ id: activityRuns.id, groups: activityRuns.groups })
			.from(activityRuns)
			.where(eq(activityRuns.roomId, roomId));
		for (const run of runs)
			await tx
				.update(activityRuns)
				.set({ groups: run.groups.map((g) => ({ id: g.id, name: g.name, memberIds: [] })) })
				.where(eq(activityRuns.id, run.id));
		await tx
			.update(rooms)
			.set({ dataDeletedAt: now, dataDeletedBy: by })
			.where(eq(rooms.id, roomId));
		return summary;
	});
}

/** Sessions whose participant data is past the retention cutoff and not deleted yet. */
export async function roomsPastRetention(s: Store, cutoff: number) {
	const { rooms } = s.t;
	// A session with follow-up opt-ins (and follow-up left on) keeps its data until the last check-in
	// window ends. The constant is written into the SQL: as a parameter PostgreSQL would type it int4.
	const followUpExtension = sql`(CASE WHEN EXISTS (SELECT 1 FROM follow_ups f WHERE f.room_id = ${rooms.id})
	AND NOT EXISTS (SELECT 1 FROM follow_up_off o WHERE o.room_id = ${rooms.id}) THEN ${sql.raw(String(FOLLOW_UP_END))} ELSE 0 END)`;
	return s.db
		.select({ id: rooms.id, status: rooms.status })
		.from(rooms)
		.where(
			and(
				isNull(rooms.dataDeletedAt),
				or(
					lt(sql`${rooms.closedAt} + ${followUpExtension}`, cutoff),
					and(isNull(rooms.closedAt), lt(rooms.createdAt, cutoff))
				)
			)
		);
}

/** A room no engine holds: closed, and any activity left open ended. */
export async function closeStoredRoom(s: Store, roomId: string, now: number): Promise<void> {
	const { activityRuns, rooms } = s.t;
	await s.db
		.update(rooms)
		.set({ status: 'closed', closedAt: sql`coalesce(${rooms.closedAt}, ${now})` })
		.where(eq(rooms.id, roomId));
	await s.db
		.update(activityRuns)
		.set({ endedAt: now, updatedAt: now })
		.where(and(eq(activityRuns.roomId, roomId), isNull(activityRuns.endedAt)));
}
