import type { ExportRow, ViewContext } from '../contract';
import type { Config } from './schema';
import { playing, type State } from './state';
import { CHECKLIST, STEP_LABEL, STEPS } from './words';

/**
 * One row per round per group (trainer-only export): who played what, the steps covered, what the
 * observers ticked and their notes. Coachees' take-aways are private and never exported.
 */
export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const people = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const name = (id: string) => people.get(id) ?? 'Former participant';
	const groupName = (id: string) => ctx.groups.find((g) => g.id === id)?.name ?? 'Former group';
	const rows: ExportRow[] = [];
	for (const round of state.rounds) {
		for (const [groupId, t] of Object.entries(round.triads)) {
			const observers = playing(t, 'observer');
			const obs = observers.flatMap((id) =>
				t.observations[id] ? [{ id, ...t.observations[id] }] : []
			);
			rows.push({
				round: round.number,
				group: groupName(groupId),
				minutes: round.minutes,
				coach: playing(t, 'coach').map(name).join(', '),
				coachee: playing(t, 'coachee').map(name).join(', '),
				observers: observers.map(name).join(', '),
				stepsCovered: t.covered.map((s) => STEP_LABEL[s]).join(', '),
				stepsCount: t.covered.length,
				...Object.fromEntries(STEPS.map((s) => [s, t.covered.includes(s)])),
				observerTicks: CHECKLIST.filter((c) => obs.some((o) => o.checks.includes(c.id)))
					.map((c) => c.label)
					.join('; '),
				observerNotes: obs
					.filter((o) => o.note)
					.map((o) => (obs.length > 1 ? `${name(o.id)}: ${o.note}` : o.note))
					.join(' | ')
			});
		}
	}
	return rows;
}
