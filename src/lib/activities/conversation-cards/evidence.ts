import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config } from './schema';
import type { Plan, State } from './state';
import { CAUSE_LABEL, CHECKLIST, FIELD_LABEL, FIELDS, ROLE_LABEL, ROLES } from './words';

type Lines = EvidenceItem['lines'];

/**
 * The learner's part: plan parts they wrote and the cause they chose, their role each role-play
 * round, and the observations they wrote. Group: the plan of each card their group got, with the
 * card (its likely cause only once the trainer has revealed it, as on the phones). Their groups
 * are the one they are in now plus any they planned or played in before a move. Observations
 * written by others (about them or anyone) and other groups' plans are never read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const me = ctx.participantId;
	const cards = new Map(ctx.config.cards.map((c) => [c.id, c]));
	const title = (cardId: string | null) =>
		cardId ? (cards.get(cardId)?.title ?? cardId) : 'no card';
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const nameOf = (id: string) => (id === me ? 'you' : (names.get(id) ?? 'a former member'));
	const wrote = (p: Plan) => FIELDS.some((f) => p.fields[f]?.by === me) || p.cause?.by === me;

	const groupIds = new Set<string>();
	if (ctx.groupId) groupIds.add(ctx.groupId);
	for (const [id, hand] of Object.entries(state.hands))
		if (Object.values(hand.plans).some(wrote)) groupIds.add(id);
	for (const round of state.rounds)
		for (const [id, g] of Object.entries(round.groups)) if (g.roles[me]) groupIds.add(id);

	const own: Lines = [];
	const items: EvidenceItem[] = [];
	for (const groupId of groupIds) {
		const hand = state.hands[groupId];
		const name = ctx.groups.find((g) => g.id === groupId)?.name ?? 'Your earlier group';
		for (const plan of Object.values(hand?.plans ?? {}).sort((a, b) => a.dealtAt - b.dealtAt)) {
			const card = cards.get(plan.cardId);
			for (const f of FIELDS)
				if (plan.fields[f]?.by === me && plan.fields[f]?.text)
					own.push({
						label: `${title(plan.cardId)}, ${FIELD_LABEL[f]} (you wrote)`,
						text: plan.fields[f]!.text
					});
			if (plan.cause?.by === me && plan.cause.value)
				own.push({
					label: `${title(plan.cardId)}, likely cause (you chose)`,
					text: CAUSE_LABEL[plan.cause.value]
				});
			const lines: Lines = [];
			if (card)
				lines.push(
					{ label: 'Situation', text: card.situation },
					{ label: 'The employee says', text: card.employeeSays }
				);
			for (const f of FIELDS)
				lines.push({ label: FIELD_LABEL[f], text: plan.fields[f]?.text || 'Not written' });
			lines.push({
				label: 'Cause the group chose',
				text: plan.cause?.value ? CAUSE_LABEL[plan.cause.value] : 'Not chosen'
			});
			if (card && ctx.status === 'revealed')
				lines.push({ label: "The card's likely cause", text: CAUSE_LABEL[card.likelyCause] });
			const touched = FIELDS.some((f) => plan.fields[f]?.text) || plan.cause?.value;
			if (touched)
				items.push({
					heading: `${name}'s conversation plan: ${title(plan.cardId)}`,
					kind: 'group',
					lines
				});
		}
		for (const round of state.rounds) {
			const cast = round.groups[groupId];
			const role = cast?.roles[me];
			if (!cast || !role) continue;
			const who = ROLES.map(
				(r) =>
					[
						r,
						Object.entries(cast.roles)
							.filter(([, x]) => x === r)
							.map(([id]) => nameOf(id))
					] as const
			)
				.filter(([, ids]) => ids.length)
				.map(([r, ids]) => `${ROLE_LABEL[r]}: ${ids.join(', ')}`)
				.join('; ');
			own.push({
				label: `Role-play round ${round.number} (${title(cast.cardId)})`,
				text: `You played the ${ROLE_LABEL[role].toLowerCase()}. ${who}.`
			});
		}
	}
	for (const o of state.observations
		.filter((x) => x.observerId === me)
		.sort((a, b) => a.round - b.round)) {
		const label = `Round ${o.round}, you observed`;
		for (const c of CHECKLIST.filter((c) => o.checks.includes(c.id)))
			own.push({ label, text: c.label });
		if (o.note) own.push({ label: `Round ${o.round}, your note`, text: o.note });
	}
	if (own.length)
		items.unshift({
			heading: 'Your part in the difficult-conversation practice',
			kind: 'own',
			lines: own
		});
	return items;
}
