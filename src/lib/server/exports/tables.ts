import { blockTimings } from '$lib/shared/run';
import { slideTimes } from '$lib/shared/slides';
import { isoTime, type Cell } from './format';
import type { RunData, SessionData } from './session';

/**
 * The tables every download shares, as plain rows: CSV, XLSX and JSON differ only in encoding,
 * so a figure cannot disagree between two files of the same session. Keys are machine names
 * (headers.ts puts them in words); times are ISO 8601 strings, which the workbook turns into real
 * date-time cells and durations are numbers of minutes.
 */
export type Row = Record<string, Cell>;

export const DELETED_NOTE = (data: SessionData) =>
	data.deleted
		? `Participant data for this session was deleted on ${isoTime(data.deleted.at)} by ${data.deleted.by}. The agenda, timings and activity list remain; answers and names do not.`
		: null;

/** One row per acknowledged input, in the order the server accepted them. */
export function inputLogRows(data: SessionData): Row[] {
	const names = new Map(data.people.map((p) => [p.id, p.name]));
	const trainerNames = new Map([data.owner, ...data.coFacilitators].map((t) => [t.id, t.name]));
	const rows: Row[] = [];
	for (const run of data.runs) {
		const groups = new Map(run.row.groups.map((g) => [g.id, g.name]));
		for (const input of run.log) {
			const payload = input.participantId
				? input.payload
				: (input.payload as { input?: unknown }).input;
			rows.push({
				seq: input.seq,
				time: isoTime(input.createdAt),
				activity: run.row.title,
				runId: run.row.id,
				from: input.participantId
					? (names.get(input.participantId) ?? 'Former participant')
					: `Trainer: ${trainerNames.get(input.trainerId ?? '') ?? 'former trainer'}`,
				participantId: input.participantId,
				group: input.groupId ? (groups.get(input.groupId) ?? input.groupId) : null,
				kind: input.kind,
				inputId: input.clientInputId,
				input: JSON.stringify(payload)
			});
		}
	}
	return rows;
}

export function activitySummaryRows(data: SessionData): Row[] {
	return data.runs.map((run) => ({
		activity: run.row.title,
		type: run.label,
		launched: isoTime(run.row.launchedAt),
		ended: isoTime(run.row.endedAt),
		status: run.row.status,
		grouping: run.row.grouping,
		groups: run.row.groups.length,
		people: answeredBy(run),
		answers: run.log.filter((i) => i.participantId).length,
		criteria: run.row.criteria.join(', ')
	}));
}

/** People who sent at least one input. */
export function answeredBy(run: RunData): number {
	return new Set(run.log.flatMap((i) => (i.participantId ? [i.participantId] : []))).size;
}

export function timingRows(data: SessionData): Row[] {
	const { agenda: plan, run } = data.room;
	return blockTimings(plan, run, data.room.createdAt).map((t) => ({
		block: t.title,
		plannedStart: isoTime(t.plannedAt),
		plannedMinutes: t.plannedMinutes,
		actualStart: isoTime(t.startedAt),
		actualMinutes: t.actualMinutes,
		differenceMinutes: t.differenceMinutes
	}));
}

/** The end of the last slide's time: when the session closed or the agenda finished, else now. */
function slidesEnd(data: SessionData, now: number): number {
	return data.room.closedAt ?? data.room.run.finishedAt ?? now;
}

/** Time on each slide shown (wall clock, until the next slide or the end), in the order first shown. */
export function slideTimeRows(data: SessionData, now = Date.now()) {
	const { agenda, slides } = data.room;
	return slideTimes(slides.log, slidesEnd(data, now)).map((t) => ({
		block: t.block,
		blockTitle: agenda.blocks[t.block]?.title ?? null,
		page: t.page,
		seconds: Math.round(t.ms / 1000)
	}));
}

/** The same as a table for the workbook and the CSV: where a block ran long, slide by slide. */
export function slideRows(data: SessionData, now = Date.now()): Row[] {
	return slideTimeRows(data, now).map((t) => ({
		blockNumber: t.block + 1,
		block: t.blockTitle,
		slide: t.page,
		secondsOnSlide: t.seconds
	}));
}

export function participantRows(data: SessionData): Row[] {
	return data.people.map((p) => ({
		name: p.name,
		joined: isoTime(p.joinedAt),
		removed: isoTime(p.removedAt)
	}));
}

export function sessionFacts(data: SessionData, now = Date.now()): [string, Cell][] {
	const { room } = data;
	return [
		['Session', room.title],
		['Room code', room.code],
		['Trainer', data.owner.name],
		['Co-facilitators', data.coFacilitators.map((t) => t.name).join(', ') || null],
		['Created', isoTime(room.createdAt)],
		['Started', isoTime(room.run.startedAt)],
		['Finished', isoTime(room.run.finishedAt ?? room.closedAt)],
		['Status', room.status === 'open' ? 'live' : 'closed'],
		['Participants', data.people.length],
		['Exported', isoTime(now)],
		['Note', DELETED_NOTE(data)]
	];
}
