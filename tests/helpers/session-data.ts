import type { ExportRow } from '$lib/activities/contract';
import type { SessionData } from '$lib/server/exports/session';
import type { ActivityRun } from '$lib/server/db/schema';
import { initialRun } from '$lib/shared/run';
import { initialSlides } from '$lib/shared/slides';
import type { AgendaPlan } from '$lib/shared/agenda';

/**
 * A closed session as the exports see it, built in memory: enough to test how a table is encoded
 * (cells, headers, sheets) without a server. Integration tests use a real one.
 */
export function sessionData(
	runs: { title: string; rows: ExportRow[] }[],
	start = Date.UTC(2026, 11, 6, 9, 0)
): SessionData {
	const agenda: AgendaPlan = {
		title: 'Session A',
		start: '10:00',
		blocks: [
			{ title: 'Welcome', minutes: 10, kind: 'talk' },
			{ title: 'Your performance-management job', minutes: 30, kind: 'activity' }
		]
	} as AgendaPlan;
	const run = initialRun(agenda);
	run.startedAt = start;
	run.finishedAt = start + 45 * 60_000;
	run.phase = 'finished' as typeof run.phase;
	run.blocks[0] = {
		...run.blocks[0]!,
		startedAt: start,
		endedAt: start + 12 * 60_000,
		spentMs: 12 * 60_000
	};
	run.blocks[1] = {
		...run.blocks[1]!,
		startedAt: start + 12 * 60_000,
		endedAt: start + 45 * 60_000,
		spentMs: 33 * 60_000
	};
	return {
		room: {
			id: 'room-1',
			code: 'ABC123',
			trainerId: 't1',
			agendaId: 'a1',
			title: 'PM Session A',
			agenda,
			run,
			status: 'closed',
			createdAt: start - 60_000,
			closedAt: start + 50 * 60_000,
			dataDeletedAt: null,
			dataDeletedBy: null,
			deck: null,
			slides: initialSlides()
		} as SessionData['room'],
		owner: { id: 't1', name: 'Dana Trainer', email: 'dana@example.org' },
		coFacilitators: [],
		people: [
			{
				id: 'p1',
				roomId: 'room-1',
				name: 'Zoë',
				nameKey: 'zoë',
				seatTokenHash: 'h1',
				joinedAt: start + 1000,
				removedAt: null
			},
			{
				id: 'p2',
				roomId: 'room-1',
				name: 'Łukasz',
				nameKey: 'łukasz',
				seatTokenHash: 'h2',
				joinedAt: start + 2000,
				removedAt: null
			}
		],
		runs: runs.map((r, i) => ({
			row: {
				id: `run-${i + 1}`,
				roomId: 'room-1',
				activityId: `activity-${i + 1}`,
				type: 'open-question',
				title: r.title,
				prompt: null,
				config: {},
				grouping: 'individual',
				groups: [],
				groupSize: 4,
				status: 'closed',
				launchedAt: start + (i + 1) * 60_000,
				criteria: [],
				endedAt: start + (i + 5) * 60_000
			} as unknown as ActivityRun,
			type: undefined,
			label: 'Open question',
			live: null,
			log: r.rows.map((_, j) => ({
				seq: j + 1,
				participantId: 'p1',
				trainerId: null,
				clientInputId: `in-${i}-${j}`,
				groupId: null,
				kind: 'answer',
				payload: { text: 'x' },
				createdAt: start + (i + 1) * 60_000 + j * 1000
			})),
			rows: r.rows
		})),
		deleted: null,
		followUp: []
	};
}
