import { blockActivities, nextInBlock, type AgendaPlan } from '$lib/shared/agenda';
import type { ActivityHeader, CatalogEntry } from '$lib/shared/events';
import type { RunState } from '$lib/shared/run';

/**
 * The title of the current block's next activity, for the projector's "next" line: null when the
 * block has none left, or while one of them is still collecting answers (it is on screen then).
 */
export function nextActivityTitle(
	plan: AgendaPlan | null | undefined,
	run: RunState | null | undefined,
	activity: ActivityHeader | null,
	catalog: readonly CatalogEntry[]
): string | null {
	if (!plan || !run || activity?.status === 'open') return null;
	const ids = blockActivities(plan.blocks[run.current]);
	const next = nextInBlock(ids, activity);
	return (next && catalog.find((c) => c.id === next)?.title) ?? null;
}
