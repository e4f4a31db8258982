import { isoTime } from './format';
import type { SessionData } from './session';
import { DELETED_NOTE, slideTimeRows } from './tables';

export const JSON_FORMAT = 'workshop-companion/session@1';

/**
 * The whole session as data: the agenda and its clock, who took part, and for every activity its
 * settings, groups and ordered input log. Replaying the log through the type rebuilds the results,
 * which are included too so a reader needs no app.
 */
export function toJson(data: SessionData, now = Date.now()) {
	const { room } = data;
	return {
		format: JSON_FORMAT,
		exportedAt: isoTime(now),
		note: DELETED_NOTE(data),
		dataDeleted: data.deleted ? { at: isoTime(data.deleted.at), by: data.deleted.by } : null,
		session: {
			id: room.id,
			code: room.code,
			title: room.title,
			status: room.status,
			createdAt: isoTime(room.createdAt),
			closedAt: isoTime(room.closedAt),
			owner: { name: data.owner.name, email: data.owner.email },
			coFacilitators: data.coFacilitators.map((t) => ({ name: t.name, email: t.email })),
			agenda: room.agenda,
			run: room.run,
			deck: room.deck ?? null,
			/** Time on each slide shown (wall clock, until the next slide or the end), to see where a block ran long. */
			slides: slideTimeRows(data, now)
		},
		participants: data.people.map((p) => ({
			id: p.id,
			name: p.name,
			joinedAt: isoTime(p.joinedAt),
			removedAt: isoTime(p.removedAt)
		})),
		activities: data.runs.map((run) => ({
			runId: run.row.id,
			activityId: run.row.activityId,
			type: run.row.type,
			title: run.row.title,
			prompt: run.row.prompt,
			config: run.row.config,
			grouping: run.row.grouping,
			groups: run.row.groups,
			status: run.row.status,
			criteria: run.row.criteria,
			launchedAt: isoTime(run.row.launchedAt),
			endedAt: isoTime(run.row.endedAt),
			inputs: run.log.map((i) => ({
				seq: i.seq,
				at: isoTime(i.createdAt),
				participantId: i.participantId,
				trainerId: i.trainerId,
				groupId: i.groupId,
				inputId: i.clientInputId,
				kind: i.kind,
				payload: i.payload
			})),
			results: run.rows
		})),
		followUp: data.followUp
	};
}
