import type { PhoneContext } from '../contract';
import type { Config } from './schema';
import { playing, type State } from './state';
import { ROLES, type CheckId, type Role, type Step } from './words';

export interface PhoneView {
	inGroup: boolean;
	/** The latest round this person's group took part in. */
	round: {
		number: number;
		startedAt: number;
		minutes: number;
		endedAt: number | null;
		/** null: in the group but given no part (alone in it, or joined after the round started). */
		role: Role | null;
		cast: { role: Role; names: string[] }[];
		/** The steps this round's coach ticked: the group's shared progress, also on the projector. */
		covered: Step[];
	} | null;
	/** Only on this round's coachee's phone. */
	coachee: { brief: string; takeaway: string } | null;
	/** Only on this round's observer's phone: their own ticks and note. */
	observer: { checks: CheckId[]; note: string } | null;
	/** Observations of this person as coach, every round they coached, newest first. Only ever on that coach's phone. */
	feedback: { round: number; checks: CheckId[]; note: string }[];
	/** This person's own take-aways from rounds they were coached, newest first. Private to them. */
	takeaways: { round: number; text: string }[];
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const me = ctx.participantId;
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const nameOf = (id: string) => (id === me ? 'You' : (names.get(id) ?? 'A former member'));
	const last = state.rounds.at(-1);
	const triad = ctx.groupId ? last?.triads[ctx.groupId] : undefined;
	const role = triad?.roles[me] ?? null;

	const feedback: PhoneView['feedback'] = [];
	const takeaways: PhoneView['takeaways'] = [];
	for (const round of [...state.rounds].reverse()) {
		for (const t of Object.values(round.triads)) {
			if (t.roles[me] === 'coach') {
				// In a four there are two observers: each observation is listed in member order.
				for (const observer of playing(t, 'observer')) {
					const o = t.observations[observer];
					if (o && (o.note || o.checks.length))
						feedback.push({ round: round.number, checks: [...o.checks], note: o.note });
				}
			}
			const mine = t.roles[me] === 'coachee' ? t.takeaways[me] : undefined;
			if (mine) takeaways.push({ round: round.number, text: mine.text });
		}
	}

	const own = role === 'observer' ? triad?.observations[me] : undefined;
	return {
		inGroup: ctx.groupId !== null,
		round:
			last && triad
				? {
						number: last.number,
						startedAt: last.startedAt,
						minutes: last.minutes,
						endedAt: last.endedAt,
						role,
						cast: ROLES.map((r) => ({ role: r, names: playing(triad, r).map(nameOf) })).filter(
							(c) => c.names.length
						),
						covered: [...triad.covered]
					}
				: null,
		coachee:
			role === 'coachee'
				? { brief: ctx.config.coacheeBrief, takeaway: triad?.takeaways[me]?.text ?? '' }
				: null,
		observer:
			role === 'observer' ? { checks: [...(own?.checks ?? [])], note: own?.note ?? '' } : null,
		feedback,
		takeaways
	};
}
