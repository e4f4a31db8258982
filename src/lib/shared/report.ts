/**
 * What the session report shows (built by $lib/server/exports/report.ts, shown by the report
 * components): here so that components never import from $lib/server.
 */
import type { ActivityStatus, Grouping } from '$lib/activities/contract';
import type { AgendaPlan } from './agenda';
import type { Criterion } from './ilm';
import type { RunState } from './run';

export interface ReportSlide {
	/** Null: the whole room, as the projector showed it; else one group's view. */
	focusGroupId: string | null;
	caption: string;
	view: unknown;
}

export interface ReportRun {
	runId: string;
	title: string;
	prompt: string | null;
	type: string;
	label: string;
	status: ActivityStatus;
	grouping: Grouping;
	launchedAt: number;
	groups: { id: string; name: string; memberIds: string[]; members: string[] }[];
	answered: number;
	criteria: Criterion[];
	slides: ReportSlide[];
}

export interface ReportView {
	room: {
		id: string;
		code: string;
		title: string;
		status: 'open' | 'closed';
		createdAt: number;
		closedAt: number | null;
	};
	owner: string;
	coFacilitators: string[];
	plan: AgendaPlan;
	run: RunState;
	/** Time on each slide shown, in the order first shown; empty for a session without slides. */
	slideTimes: { block: number; blockTitle: string | null; page: number; seconds: number }[];
	people: { id: string; name: string; removed: boolean }[];
	runs: ReportRun[];
	deleted: { at: number; by: string } | null;
}
