import type { GroupInfo, PersonInfo } from '$lib/activities/contract';
import { pmPyramid, type Config } from '$lib/activities/pm-pyramid/type';
import { LiveActivity } from '$lib/server/activities/live-activity';
import type { ActivityRun } from '$lib/server/db/schema';

/** Eight people in two tables of four, and an open pyramid run for them (no engine, no store). */
export const people: PersonInfo[] = Array.from({ length: 8 }, (_, i) =>
	Object.freeze({ id: `p${i}`, name: `Person ${i}` })
);
export const groups: GroupInfo[] = [
	{ id: 'g1', name: 'Table 1', memberIds: ['p0', 'p1', 'p2', 'p3'] },
	{ id: 'g2', name: 'Table 2', memberIds: ['p4', 'p5', 'p6', 'p7'] }
];

export function pyramidRun(): LiveActivity {
	const row: ActivityRun = {
		id: 'run1',
		roomId: 'room1',
		activityId: 'pyramid',
		type: pmPyramid.type,
		title: 'Pyramid',
		prompt: null,
		config: pmPyramid.config.parse({}) as Config,
		grouping: 'groups',
		groups,
		groupSize: 4,
		criteria: [],
		status: 'open',
		launchedAt: 0,
		updatedAt: 0,
		endedAt: null
	};
	return new LiveActivity(row, pmPyramid);
}
