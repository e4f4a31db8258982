import type { ExportRow, ViewContext } from '../contract';
import type { Config } from './schema';
import type { State } from './state';
import { CAUSE_LABEL, CHECKLIST, FIELDS, ROLE_LABEL } from './words';

const cause = (c: keyof typeof CAUSE_LABEL | null | undefined) => (c ? CAUSE_LABEL[c] : null);

/**
 * One row per group per card it was given (its plan and chosen cause), then one per observation.
 * Every row has the same columns so a CSV has one header.
 */
export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const people = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const groupName = (id: string) => ctx.groups.find((g) => g.id === id)?.name ?? 'Former group';
	const cards = new Map(ctx.config.cards.map((c) => [c.id, c]));
	const known = ctx.groups.map((g) => g.id);
	const groupIds = [
		...known,
		...Object.keys(state.hands)
			.filter((id) => !known.includes(id))
			.sort()
	];
	const blank = { round: null, observer: null, ticked: null, note: null };
	const rows: ExportRow[] = [];

	for (const groupId of groupIds) {
		const hand = state.hands[groupId];
		if (!hand) continue;
		for (const plan of Object.values(hand.plans).sort((a, b) => a.dealtAt - b.dealtAt)) {
			const card = cards.get(plan.cardId);
			rows.push({
				item: 'plan',
				group: groupName(groupId),
				card: plan.cardId,
				cardTitle: card?.title ?? plan.cardId,
				current: hand.current === plan.cardId,
				likelyCause: cause(card?.likelyCause),
				trainerNote: card?.trainerNote ?? null,
				chosenCause: cause(plan.cause?.value),
				...Object.fromEntries(FIELDS.map((f) => [f, plan.fields[f]?.text ?? ''])),
				...blank
			});
		}
	}
	for (const o of state.observations) {
		const card = o.cardId ? cards.get(o.cardId) : undefined;
		const played = state.rounds.find((r) => r.number === o.round)?.groups[o.groupId]?.roles ?? {};
		const manager = Object.entries(played).find(([, r]) => r === 'manager')?.[0];
		rows.push({
			item: 'observation',
			group: groupName(o.groupId),
			card: o.cardId,
			cardTitle: card?.title ?? null,
			current: null,
			likelyCause: cause(card?.likelyCause),
			trainerNote: card?.trainerNote ?? null,
			chosenCause: null,
			...Object.fromEntries(FIELDS.map((f) => [f, null])),
			round: o.round,
			observer: people.get(o.observerId) ?? 'Former participant',
			ticked: CHECKLIST.filter((c) => o.checks.includes(c.id))
				.map((c) => c.label)
				.join('; '),
			note: `${manager ? `${ROLE_LABEL.manager}: ${people.get(manager) ?? 'Former participant'}. ` : ''}${o.note}`
		});
	}
	return rows;
}
