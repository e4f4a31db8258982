import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { FOLLOW_UP_END } from '$lib/shared/follow-up';
import { activityRuns, inputs, participants, rooms } from '../db/schema';

const DAY = 24 * 60 * 60_000;

/** What a deletion removes, counted, so the confirmation can name it before anything goes. */
export interface DataSummary {
	participants: number;
	answers: number;
	activities: number;
}

export function dataSummary(db: Db, roomId: string): DataSummary {
	const count = (q: { n: number } | undefined) => q?.n ?? 0;
	return {
		participants: count(
			db
				.select({ n: sql<number>`count(*)` })
				.from(participants)
				.where(eq(participants.roomId, roomId))
				.get()
		),
		answers: count(
			db
				.select({ n: sql<number>`count(*)` })
				.from(inputs)
				.where(and(eq(inputs.roomId, roomId), sql`${inputs.participantId} IS NOT NULL`))
				.get()
		),
		activities: count(
			db
				.select({ n: sql<number>`count(*)` })
				.from(activityRuns)
				.where(eq(activityRuns.roomId, roomId))
				.get()
		)
	};
}

/**
 * Deletes the people and everything they sent; keeps the agenda, its timings and which activities
 * ran (titles and settings), so the session's record still says what happened, without anyone in it.
 * One transaction: a crash half-way leaves the data whole, never half-deleted.
 */
export function deleteParticipantData(
	db: Db,
	roomId: string,
	by: string,
	now = Date.now()
): DataSummary {
	return db.transaction((tx) => {
		// A transaction handle is the same query builder without $client, which dataSummary never
		// touches; the counts must be read inside the transaction, so it is passed as the Db.
		const summary = dataSummary(tx as unknown as Db, roomId);
		tx.delete(inputs).where(eq(inputs.roomId, roomId)).run();
		tx.delete(participants).where(eq(participants.roomId, roomId)).run();
		// Group names stay ("Group 2"); who was in them goes.
		tx.update(activityRuns)
			.set({
				groups: sql`(SELECT json_group_array(json_object(
					'id', json_extract(g.value, '$.id'), 'name', json_extract(g.value, '$.name'), 'memberIds', json('[]')
				)) FROM json_each(${activityRuns.groups}) AS g)`
			})
			.where(eq(activityRuns.roomId, roomId))
			.run();
		tx.update(rooms)
			.set({ dataDeletedAt: now, dataDeletedBy: by })
			.where(eq(rooms.id, roomId))
			.run();
		return summary;
	});
}

/** `RETENTION_DAYS`: a whole number of days, or null when unset (keep until a trainer deletes). */
export function retentionDays(env = process.env): number | null {
	const raw = env.RETENTION_DAYS?.trim();
	if (!raw) return null;
	const days = Number(raw);
	return Number.isInteger(days) && days > 0 ? days : null;
}

/** When a session's participant data goes under the retention period: counted from its closing (or, if never closed, its start). */
export function purgeDate(
	room: { createdAt: number; closedAt: number | null },
	days: number | null,
	/** Learners opted in to the follow-up: counted from the end of its last check-in window instead. */
	followUp = false
): number | null {
	return days === null
		? null
		: (room.closedAt ?? room.createdAt) + (followUp ? FOLLOW_UP_END : 0) + days * DAY;
}

/**
 * Deletes participant data of every session past the retention period. Open rooms count from
 * their creation, so a forgotten open room does not keep people's answers for ever.
 */
export function purgeExpired(
	db: Db,
	days: number,
	now = Date.now(),
	closeLive: (roomId: string) => void = () => {}
): string[] {
	const cutoff = now - days * DAY;
	const due = db
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
		)
		.all();
	for (const { id, status } of due) {
		// A live room is closed through the engine first (RoomEngine.close, which also ends its
		// activity), so its phones are told and stop sending. The updates below cover a room no
		// engine holds (no socket server running): closed, and any activity left open ended.
		if (status === 'open') closeLive(id);
		db.update(rooms)
			.set({ status: 'closed', closedAt: sql`coalesce(${rooms.closedAt}, ${now})` })
			.where(eq(rooms.id, id))
			.run();
		db.update(activityRuns)
			.set({ endedAt: now, updatedAt: now })
			.where(and(eq(activityRuns.roomId, id), isNull(activityRuns.endedAt)))
			.run();
		deleteParticipantData(db, id, `the ${days}-day retention period`, now);
	}
	return due.map((r) => r.id);
}

/** A session with follow-up opt-ins (and follow-up left on) keeps its data until the last check-in window ends. */
const followUpExtension = sql`(CASE WHEN EXISTS (SELECT 1 FROM follow_ups f WHERE f.room_id = ${rooms.id})
	AND NOT EXISTS (SELECT 1 FROM follow_up_off o WHERE o.room_id = ${rooms.id}) THEN ${FOLLOW_UP_END} ELSE 0 END)`;

let timer: ReturnType<typeof setInterval> | undefined;

/** Runs the purge at start-up and every hour; a no-op without RETENTION_DAYS. */
export function startRetention(db: Db, closeLive: (roomId: string) => void = () => {}): void {
	const days = retentionDays();
	if (days === null || timer) return;
	const run = () => {
		try {
			const purged = purgeExpired(db, days, Date.now(), closeLive);
			if (purged.length)
				console.log(
					`[retention] deleted participant data of ${purged.length} session(s) older than ${days} days`
				);
		} catch (err) {
			console.error('[retention] purge failed; will try again in an hour', err);
		}
	};
	run();
	timer = setInterval(run, 60 * 60_000);
	timer.unref();
}
