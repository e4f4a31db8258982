import type { ReportSlide, ReportView } from '$lib/shared/report';
import { sortCriteria } from '$lib/shared/ilm';
import { personsOf, viewContext, type SessionData } from './session';
import { answeredBy, slideTimeRows } from './tables';

// The report's shape is shared with the page's components (which may not import server code).
export type { ReportRun, ReportSlide, ReportView } from '$lib/shared/report';

/**
 * What the report page shows: the agenda's timing and, for every activity, the projector's own
 * view with its results revealed, for the whole room and then group by group.
 */
export function reportView(data: SessionData, now = Date.now()): ReportView {
	const people = personsOf(data);
	const names = new Map(people.map((p) => [p.id, p.name]));
	return {
		room: {
			id: data.room.id,
			code: data.room.code,
			title: data.room.title,
			status: data.room.status,
			createdAt: data.room.createdAt,
			closedAt: data.room.closedAt
		},
		owner: data.owner.name,
		coFacilitators: data.coFacilitators.map((t) => t.name),
		plan: data.room.agenda,
		run: data.room.run,
		slideTimes: slideTimeRows(data, now),
		people: data.people.map((p) => ({ id: p.id, name: p.name, removed: p.removedAt !== null })),
		deleted: data.deleted,
		runs: data.runs.map((run) => {
			const ctx = { ...viewContext(run.row, people), status: 'revealed' as const, whole: true };
			const whole = run.live && run.type ? run.type.projector(run.live.state, ctx) : null;
			const slides: ReportSlide[] =
				whole === null
					? []
					: [
							{
								focusGroupId: null,
								caption: run.row.grouping === 'individual' ? 'The room' : 'All groups',
								view: whole
							}
						];
			// Group by group: the same view, focused as the trainer's G key did on the projector.
			if (whole !== null && run.type?.groupFocus && run.row.groups.length > 1) {
				for (const g of run.row.groups)
					slides.push({ focusGroupId: g.id, caption: g.name, view: whole });
			}
			return {
				runId: run.row.id,
				title: run.row.title,
				prompt: run.row.prompt,
				type: run.row.type,
				label: run.label,
				status: run.row.status,
				grouping: run.row.grouping,
				launchedAt: run.row.launchedAt,
				groups: run.row.groups.map((g) => ({
					...g,
					members: g.memberIds.map((id) => names.get(id) ?? 'Former participant')
				})),
				answered: answeredBy(run),
				criteria: sortCriteria(run.row.criteria),
				slides
			};
		})
	};
}
