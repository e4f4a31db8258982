import type { EvidenceItem, PhoneContext } from '../contract';
import type { Config } from './schema';
import { playing, type State } from './state';
import { CHECKLIST, ROLE_LABEL, ROLES, STEP_LABEL, type CheckId } from './words';

type Lines = EvidenceItem['lines'];

const ticked = (checks: CheckId[]) =>
	CHECKLIST.filter((c) => checks.includes(c.id)).map((c) => c.label);

/**
 * The rounds the learner played, read from the roles fixed when each round started (not their group
 * now). Own: their role each round; as coach, the steps they ticked and the observers' feedback
 * (written for them, as their phone shows it); as observer, their own ticks and note; as coachee,
 * their own take-away. Group: per group, who played what and the steps covered. Other coachees'
 * take-aways and feedback meant for other coaches are never read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const me = ctx.participantId;
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const nameOf = (id: string) => (id === me ? 'you' : (names.get(id) ?? 'a former member'));
	const own: Lines = [];
	const byGroup = new Map<string, Lines>();
	for (const round of state.rounds) {
		for (const [groupId, t] of Object.entries(round.triads)) {
			const role = t.roles[me];
			if (!role) continue;
			const r = `Round ${round.number}`;
			own.push({ label: r, text: `You were the ${ROLE_LABEL[role].toLowerCase()}` });
			const covered = t.covered.length
				? t.covered.map((s) => STEP_LABEL[s]).join(', ')
				: 'none ticked';
			if (role === 'coach') {
				own.push({ label: `${r}, GROW steps you covered`, text: covered });
				for (const observer of playing(t, 'observer')) {
					const o = t.observations[observer];
					if (!o) continue;
					for (const label of ticked(o.checks))
						own.push({ label: `${r}, observer saw`, text: label });
					if (o.note) own.push({ label: `${r}, observer's note to you`, text: o.note });
				}
			}
			if (role === 'observer') {
				const o = t.observations[me];
				for (const label of ticked(o?.checks ?? []))
					own.push({ label: `${r}, you ticked`, text: label });
				if (o?.note) own.push({ label: `${r}, your note to the coach`, text: o.note });
			}
			const takeaway = role === 'coachee' ? t.takeaways[me] : undefined;
			if (takeaway) own.push({ label: `${r}, your take-away`, text: takeaway.text });

			const cast = ROLES.filter((x) => playing(t, x).length)
				.map((x) => `${ROLE_LABEL[x]}: ${playing(t, x).map(nameOf).join(', ')}`)
				.join('; ');
			const lines = byGroup.get(groupId) ?? [];
			lines.push({ label: r, text: cast }, { label: `${r}, GROW steps covered`, text: covered });
			byGroup.set(groupId, lines);
		}
	}
	if (own.length === 0) return [];
	const items: EvidenceItem[] = [
		{ heading: 'Your coaching practice (GROW)', kind: 'own', lines: own }
	];
	for (const [groupId, lines] of byGroup) {
		const name = ctx.groups.find((g) => g.id === groupId)?.name ?? 'Your earlier group';
		items.push({ heading: `${name}'s coaching rounds`, kind: 'group', lines });
	}
	return items;
}
