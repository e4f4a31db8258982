import { activityTypes } from '$lib/activities/registry';
import type { AnyActivityType, ExportRow, PersonInfo, ViewContext } from '$lib/activities/contract';
import type { ActivityRun, Participant, Room } from '../db/schema';
import type { Q, Store } from '../store';
import { sessionRows } from '../store/exports';
import { getRoom } from '../store/rooms';
import { LiveActivity, replayInputs } from '../activities/live-activity';
import { followUpRows } from '../followup/service';
import type { Row } from './tables';

export interface StoredInputRow {
	seq: number;
	participantId: string | null;
	trainerId: string | null;
	clientInputId: string;
	groupId: string | null;
	kind: string;
	payload: unknown;
	createdAt: number;
}

export interface RunData {
	row: ActivityRun;
	/** Undefined if the app no longer knows the run's type: its inputs are still exported raw. */
	type: AnyActivityType | undefined;
	label: string;
	live: LiveActivity | null;
	log: StoredInputRow[];
	rows: ExportRow[];
}

export interface SessionData {
	room: Room;
	owner: { id: string; name: string; email: string };
	coFacilitators: { id: string; name: string; email: string }[];
	/** Everyone who joined, removed people included: their acknowledged inputs are part of the record. */
	people: Participant[];
	runs: RunData[];
	deleted: { at: number; by: string } | null;
	/** The 30- and 90-day check-ins of learners who let the trainer see them (one row per answer). */
	followUp: Row[];
}

/**
 * Everything a session's exports, report and evidence packs are made from, read in one go and
 * rebuilt by the same replay the live engine uses: exports show exactly what was acknowledged.
 */
export async function loadSession(
	s: Store,
	roomId: string,
	db: Q = s.db
): Promise<SessionData | undefined> {
	const room = await getRoom(s, roomId, db);
	return room && sessionOf(s, room, db);
}

/** The same, for a room already read (e.g. by the access check). */
export async function sessionOf(s: Store, room: Room, db: Q = s.db): Promise<SessionData> {
	const { owner, coFacilitators, people, log, runs: runRows } = await sessionRows(s, room, db);
	const persons: PersonInfo[] = people.map((p) => ({ id: p.id, name: p.name }));
	const byRun = new Map<string, StoredInputRow[]>();
	for (const { activityId, ...input } of log) {
		if (!activityId) continue;
		let list = byRun.get(activityId);
		if (!list) byRun.set(activityId, (list = []));
		list.push(input);
	}
	const runs = runRows.map((row): RunData => {
		const type = activityTypes.get(row.type);
		const runLog = byRun.get(row.id) ?? [];
		const live = type ? replayInputs(new LiveActivity(row, type), runLog) : null;
		return {
			row,
			type,
			label: type?.label ?? row.type,
			live,
			log: runLog,
			rows: live && type ? type.exportRows(live.state, viewContext(row, persons)) : []
		};
	});
	const data = {
		room,
		owner: owner ?? { id: room.trainerId, name: 'Former trainer', email: '' },
		coFacilitators,
		people,
		runs,
		deleted: room.dataDeletedAt
			? { at: room.dataDeletedAt, by: room.dataDeletedBy ?? 'a trainer' }
			: null
	};
	return { ...data, followUp: await followUpRows(s, data) };
}

export function viewContext(row: ActivityRun, people: PersonInfo[]): ViewContext<unknown> {
	return { config: row.config, status: row.status, groups: row.groups, participants: people };
}

export function personsOf(data: SessionData): PersonInfo[] {
	return data.people.map((p) => ({ id: p.id, name: p.name }));
}

/** Participants' inputs only: trainer actions (dealing cards…) are controls, not answers. */
export function answersOf(run: RunData): StoredInputRow[] {
	return run.log.filter((i) => i.participantId !== null);
}
