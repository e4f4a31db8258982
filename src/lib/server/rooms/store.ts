import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { AgendaPlan } from '$lib/shared/agenda';
import { initialRun, type RunState } from '$lib/shared/run';
import { initialSlides, type DeckInfo, type SlideState } from '$lib/shared/slides';
import type { VideoInfo } from '$lib/shared/video';
import type { Db } from '../db';
import {
	activityRuns,
	inputs,
	participants,
	rooms,
	type ActivityRun,
	type Participant,
	type Room
} from '../db/schema';
import { isUniqueViolation } from '../errors';
import { newId } from '../tokens';
import { allocateRoomCode } from './code';

/** Opens a room with a code no other open room has. The partial unique index settles any race. */
export function createRoom(
	db: Db,
	input: {
		trainerId: string;
		agendaId: string;
		agenda: AgendaPlan;
		deck?: DeckInfo | null;
		video?: VideoInfo | null;
	},
	now = Date.now()
): Room {
	const { trainerId, agendaId, agenda } = input;
	for (let attempt = 0; ; attempt++) {
		const code = allocateRoomCode((c) => !findOpenRoomByCode(db, c));
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
			db.insert(rooms).values(row).run();
			return row;
		} catch (err) {
			if (!isUniqueViolation(err) || attempt >= 5) throw err;
		}
	}
}

export function findOpenRoomByCode(db: Db, code: string): Room | undefined {
	return db
		.select()
		.from(rooms)
		.where(and(eq(rooms.code, code), eq(rooms.status, 'open')))
		.get();
}

export function getRoom(db: Db, id: string): Room | undefined {
	return db.select().from(rooms).where(eq(rooms.id, id)).get();
}

export function listTrainerRooms(db: Db, trainerId: string, limit = 50): Room[] {
	return db
		.select()
		.from(rooms)
		.where(eq(rooms.trainerId, trainerId))
		.orderBy(desc(rooms.createdAt))
		.limit(limit)
		.all();
}

export function saveRun(db: Db, id: string, run: RunState): void {
	db.update(rooms).set({ run }).where(eq(rooms.id, id)).run();
}

export function saveSlides(db: Db, id: string, slides: SlideState): void {
	db.update(rooms).set({ slides }).where(eq(rooms.id, id)).run();
}

export function closeRoom(db: Db, id: string, run: RunState, now = Date.now()): void {
	db.update(rooms).set({ status: 'closed', closedAt: now, run }).where(eq(rooms.id, id)).run();
}

export function activeParticipants(db: Db, roomId: string): Participant[] {
	return db
		.select()
		.from(participants)
		.where(and(eq(participants.roomId, roomId), isNull(participants.removedAt)))
		.orderBy(participants.joinedAt)
		.all();
}

export function findParticipantBySeat(db: Db, seatTokenHash: string): Participant | undefined {
	return db.select().from(participants).where(eq(participants.seatTokenHash, seatTokenHash)).get();
}

export function insertParticipant(db: Db, row: Participant): void {
	db.insert(participants).values(row).run();
}

export function markParticipantRemoved(db: Db, id: string, now = Date.now()): void {
	db.update(participants).set({ removedAt: now }).where(eq(participants.id, id)).run();
}

// Activity runs and their inputs.

export function insertRun(db: Db, row: ActivityRun): void {
	db.insert(activityRuns).values(row).run();
}

export function updateRun(
	db: Db,
	id: string,
	set: Partial<Pick<ActivityRun, 'status' | 'groups' | 'updatedAt' | 'endedAt'>>
): void {
	db.update(activityRuns).set(set).where(eq(activityRuns.id, id)).run();
}

export function latestRun(db: Db, roomId: string): ActivityRun | undefined {
	return db
		.select()
		.from(activityRuns)
		.where(eq(activityRuns.roomId, roomId))
		.orderBy(desc(activityRuns.launchedAt))
		.limit(1)
		.get();
}

/** The latest run that had groups, for "same groups as before". */
export function latestGroupedRun(db: Db, roomId: string): ActivityRun | undefined {
	return db
		.select()
		.from(activityRuns)
		.where(and(eq(activityRuns.roomId, roomId), ne(activityRuns.grouping, 'individual')))
		.orderBy(desc(activityRuns.launchedAt))
		.limit(1)
		.get();
}

export function runInputs(db: Db, runId: string) {
	return db.select().from(inputs).where(eq(inputs.activityId, runId)).orderBy(inputs.seq).all();
}

export type InputRow = typeof inputs.$inferInsert;

const INSERT_INPUT = `INSERT INTO inputs (room_id, participant_id, trainer_id, client_input_id, activity_id, group_id, kind, payload, created_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The hottest write (every phone's every input) as one statement compiled once per connection,
 * not a query built and prepared per call. Columns as in schema.ts; the payload is JSON text,
 * as drizzle's json mode stores it.
 */
const inputStatements = new WeakMap<
	object,
	{ one: (row: InputRow) => void; many: (rows: InputRow[]) => void }
>();

function inputStatement(db: Db) {
	let s = inputStatements.get(db.$client);
	if (!s) {
		const stmt = db.$client.prepare(INSERT_INPUT);
		const one = (row: InputRow) => {
			// Positional parameters: binding by name costs a lookup per column per row.
			stmt.run(
				row.roomId,
				row.participantId ?? null,
				row.trainerId ?? null,
				row.clientInputId,
				row.activityId ?? null,
				row.groupId ?? null,
				row.kind,
				JSON.stringify(row.payload),
				row.createdAt
			);
		};
		const many = db.$client.transaction((rows: InputRow[]) => {
			for (const row of rows) one(row);
		});
		s = { one, many };
		inputStatements.set(db.$client, s);
	}
	return s;
}

export function insertInput(db: Db, row: InputRow): void {
	inputStatement(db).one(row);
}

/** Several inputs in one transaction: one commit for the lot, all or nothing. */
export function insertInputs(db: Db, rows: InputRow[]): void {
	inputStatement(db).many(rows);
}

/** Whether a phone's input with this id is already stored in that run (a retry of an earlier run's input). */
export function hasInput(
	db: Db,
	runId: string,
	participantId: string,
	clientInputId: string
): boolean {
	return !!db
		.select({ seq: inputs.seq })
		.from(inputs)
		.where(
			and(
				eq(inputs.activityId, runId),
				eq(inputs.participantId, participantId),
				eq(inputs.clientInputId, clientInputId)
			)
		)
		.get();
}
