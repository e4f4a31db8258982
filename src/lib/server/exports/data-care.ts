import { FOLLOW_UP_END } from '$lib/shared/follow-up';
import type { Store } from '../store';
import { closeStoredRoom, deleteParticipantData, roomsPastRetention } from '../store/exports';

export { dataSummary, deleteParticipantData, type DataSummary } from '../store/exports';

const DAY = 24 * 60 * 60_000;

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
export async function purgeExpired(
	s: Store,
	days: number,
	now = Date.now(),
	closeLive: (roomId: string) => void | Promise<void> = () => {}
): Promise<string[]> {
	const due = await roomsPastRetention(s, now - days * DAY);
	for (const { id, status } of due) {
		// A live room is closed through the engine first (RoomEngine.close, which also ends its
		// activity), so its phones are told and stop sending. The updates below cover a room no
		// engine holds (no socket server running): closed, and any activity left open ended.
		if (status === 'open') await closeLive(id);
		await closeStoredRoom(s, id, now);
		await deleteParticipantData(s, id, `the ${days}-day retention period`, now);
	}
	return due.map((r) => r.id);
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Runs the purge at start-up and every hour; a no-op without RETENTION_DAYS. */
export function startRetention(
	s: Store,
	closeLive: (roomId: string) => void | Promise<void> = () => {}
): void {
	const days = retentionDays();
	if (days === null || timer) return;
	const run = async () => {
		try {
			const purged = await purgeExpired(s, days, Date.now(), closeLive);
			if (purged.length)
				console.log(
					`[retention] deleted participant data of ${purged.length} session(s) older than ${days} days`
				);
		} catch (err) {
			console.error('[retention] purge failed; will try again in an hour', err);
		}
	};
	void run();
	timer = setInterval(() => void run(), 60 * 60_000);
	timer.unref();
}
