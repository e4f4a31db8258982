import type { State as GoalState } from '$lib/activities/goal-setting/state';
import { latest } from '$lib/activities/goal-setting/state';
import { GOAL_TYPE_NAME } from '$lib/activities/goal-setting/wording';
import type { State as ReflectionState } from '$lib/activities/exit-reflection/type';
import type { FollowUpItem } from '$lib/shared/follow-up';
import type { SessionData } from '../exports/session';

/**
 * What a learner wrote on the day that the follow-up asks about: their goals (latest version) and
 * their "one thing I will do differently" with its confidence. Nothing new is asked of them.
 */
export function followUpItems(
	data: Pick<SessionData, 'runs'>,
	participantId: string
): FollowUpItem[] {
	const items: FollowUpItem[] = [];
	for (const run of data.runs) {
		const state = run.live?.state;
		if (!state) continue;
		if (run.row.type === 'goal-setting') {
			const entry = (state as GoalState).entries[participantId];
			const version = entry && latest(entry);
			if (!entry || !version) continue;
			items.push({
				key: `goal:${run.row.id}`,
				kind: 'goal',
				type: entry.goalType ? GOAL_TYPE_NAME[entry.goalType] : 'Goal',
				text: version.text,
				confidenceThen: null
			});
		} else if (run.row.type === 'exit-reflection') {
			const own = (state as ReflectionState).reflections[participantId];
			if (!own) continue;
			items.push({
				key: `one-thing:${run.row.id}`,
				kind: 'one-thing',
				type: 'One thing I will do differently',
				text: own.text,
				confidenceThen: own.confidence
			});
		}
	}
	return items;
}
