import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { AgendaPlan } from '$lib/shared/agenda';
import { initialRun, type RunState } from '$lib/shared/run';
import { initialSlides, type DeckInfo, type SlideState } from '$lib/shared/slides';
import type { VideoInfo } from '$lib/shared/video';
import type { ActivityRun, Participant, Room } from '../db/schema';
import { isUniqueViolation } from '../errors';
import { newId } from '../tokens';
import { generateRoomCode } from '../rooms/code';
import type { Q, Store } from './types';

// Rooms, their participants, activity runs and inputs. Reads are awaited; the live engines' writes
// are statements handed to `store.writes` (see types.ts), so each dialect commits them its own way.

/** Opens a room with a code no other open room has. The partial unique index settles any race. */
export async function createRoom(
	s: Store,
	input: {
		trainerId: string;
		agendaId: string;
		agenda: AgendaPlan;
		deck?: DeckInfo | null;
		video?: VideoInfo | null;
	},
	now = Date.now(),
	db: Q = s.db
): Promise<Room> {
	const { trainerId, agendaId, agenda } = input;
	const { rooms } = s.t;
	for (let attempt = 0; ; attempt++) {
		const code = generateRoomCode();
		const taken = await db
			.select({ id: rooms.id })
			.from(rooms)
			.where(and(eq(rooms.code, code), eq(rooms.status, 'open')))
			.limit(1);
		if (taken.length && attempt < 50) continue;
		const row: Room = {
			id: newId(),
			code,
			trainerId,
			agendaId,
			title: agenda.title,
			agenda,
			run: initialRun(agenda),
			status: 'open',
			createdAt: now,
			closedAt: null,
			dataDeletedAt: null,
			dataDeletedBy: null,
			deck: input.deck ?? null,
			video: input.video ?? null,
			slides: initialSlides()
		};
		try {
			await db.insert(s.t.rooms).values(row);
			return row;
		} catch (err) {
			// Another room took the code meanwhile (PostgreSQL's transaction is then over: the caller retries).
			if (!isUniqueViolation(err) || attempt >= 5 || s.dialect === 'postgres') throw err;
		}
	}
}

export async function findOpenRoomByCode(s: Store, code: string): Promise<Room | undefined> {
	const { rooms } = s.t;
	return first(
		await s.db
			.select()
			.from(rooms)
			.where(and(eq(rooms.code, code), eq(rooms.status, 'open')))
			.limit(1)
	);
}

export async function getRoom(s: Store, id: string, db: Q = s.db): Promise<Room | undefined> {
	return first(await db.select().from(s.t.rooms).where(eq(s.t.rooms.id, id)).limit(1));
}

export async function listTrainerRooms(s: Store, trainerId: string, limit = 50): Promise<Room[]> {
	const { rooms } = s.t;
	return s.db
		.select()
		.from(rooms)
		.where(eq(rooms.trainerId, trainerId))
		.orderBy(desc(rooms.createdAt))
		.limit(limit);
}

export function saveRun(s: Store, id: string, run: RunState) {
	return s.db.update(s.t.rooms).set({ run }).where(eq(s.t.rooms.id, id));
}

export function saveSlides(s: Store, id: string, slides: SlideState) {
	return s.db.update(s.t.rooms).set({ slides }).where(eq(s.t.rooms.id, id));
}

export function closeRoom(s: Store, id: string, run: RunState, now = Date.now()) {
	return s.db
		.update(s.t.rooms)
		.set({ status: 'closed', closedAt: now, run })
		.where(eq(s.t.rooms.id, id));
}

export async function activeParticipants(s: Store, roomId: string): Promise<Participant[]> {
	const { participants } = s.t;
	return s.db
		.select()
		.from(participants)
		.where(and(eq(participants.roomId, roomId), isNull(participants.removedAt)))
		.orderBy(participants.joinedAt);
}

export async function findParticipantBySeat(
	s: Store,
	seatTokenHash: string
): Promise<Participant | undefined> {
	const { participants } = s.t;
	return first(
		await s.db
			.select()
			.from(participants)
			.where(eq(participants.seatTokenHash, seatTokenHash))
			.limit(1)
	);
}

export function insertParticipant(s: Store, row: Participant) {
	return s.db.insert(s.t.participants).values(row);
}

export function markParticipantRemoved(s: Store, id: string, now = Date.now()) {
	return s.db.update(s.t.participants).set({ removedAt: now }).where(eq(s.t.participants.id, id));
}

/** The co-facilitators' trainer ids (not the owner), for the live room's trainer set. */
export async function coFacilitatorIds(s: Store, roomId: string): Promise<string[]> {
	const { roomTrainers } = s.t;
	const rows = await s.db
		.select({ trainerId: roomTrainers.trainerId })
		.from(roomTrainers)
		.where(eq(roomTrainers.roomId, roomId));
	return rows.map((r) => r.trainerId);
}

/** Whether this trainer co-facilitates the room (the owner is checked by the caller). */
export async function isRoomCoFacilitator(
	s: Store,
	roomId: string,
	trainerId: string
): Promise<boolean> {
	const { roomTrainers } = s.t;
	const rows = await s.db
		.select({ roomId: roomTrainers.roomId })
		.from(roomTrainers)
		.where(and(eq(roomTrainers.roomId, roomId), eq(roomTrainers.trainerId, trainerId)))
		.limit(1);
	return rows.length > 0;
}

// Activity runs and their inputs.

export function insertRun(s: Store, row: ActivityRun) {
	return s.db.insert(s.t.activityRuns).values(row);
}

export function updateRun(
	s: Store,
	id: string,
	set: Partial<Pick<ActivityRun, 'status' | 'groups' | 'updatedAt' | 'endedAt'>>
) {
	return s.db.update(s.t.activityRuns).set(set).where(eq(s.t.activityRuns.id, id));
}

export async function latestRun(s: Store, roomId: string): Promise<ActivityRun | undefined> {
	const { activityRuns } = s.t;
	return first(
		await s.db
			.select()
			.from(activityRuns)
			.where(eq(activityRuns.roomId, roomId))
			.orderBy(desc(activityRuns.launchedAt))
			.limit(1)
	);
}

/** The latest run that had groups, for "same groups as before". */
export async function latestGroupedRun(s: Store, roomId: string): Promise<ActivityRun | undefined> {
	const { activityRuns } = s.t;
	return first(
		await s.db
			.select()
			.from(activityRuns)
			.where(and(eq(activityRuns.roomId, roomId), ne(activityRuns.grouping, 'individual')))
			.orderBy(desc(activityRuns.launchedAt))
			.limit(1)
	);
}

export async function runInputs(s: Store, runId: string) {
	const { inputs } = s.t;
	return s.db.select().from(inputs).where(eq(inputs.activityId, runId)).orderBy(inputs.seq);
}

/** Whether a phone's input with this id is already stored in that run (a retry of an earlier run's input). */
export async function hasInput(
	s: Store,
	runId: string,
	participantId: string,
	clientInputId: string
): Promise<boolean> {
	const { inputs } = s.t;
	const rows = await s.db
		.select({ seq: inputs.seq })
		.from(inputs)
		.where(
			and(
				eq(inputs.activityId, runId),
				eq(inputs.participantId, participantId),
				eq(inputs.clientInputId, clientInputId)
			)
		)
		.limit(1);
	return rows.length > 0;
}

export function first<T>(rows: T[]): T | undefined {
	return rows[0];
}
