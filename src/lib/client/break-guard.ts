import type { AgendaPlan } from '$lib/shared/agenda';
import type { Control, RunState } from '$lib/shared/run';

/** The block a control would move to, or null when it does not move the agenda. */
export function targetIndex(run: RunState, control: Control): number | null {
	if (control.type === 'jump') return control.index;
	if (control.type === 'next') return run.phase === 'ready' ? 0 : run.current + 1;
	if (control.type === 'previous') return run.current - 1;
	return null;
}

/**
 * Moving into a break closes an activity that is still collecting (the server does it so the break
 * takes every screen). The question the remote asks first, or null when there is nothing to ask.
 */
export function breakQuestion(
	plan: AgendaPlan,
	run: RunState,
	activity: { title: string; status: string } | null,
	control: Control
): string | null {
	if (!activity || activity.status !== 'open' || run.phase === 'finished') return null;
	const to = targetIndex(run, control);
	if (to === null || to === run.current || plan.blocks[to]?.kind !== 'break') return null;
	return `${activity.title} is still collecting answers: close it for the break? Its answers are kept.`;
}
