import type { EvidenceItem, PhoneContext } from '../contract';
import { EXAMPLE_LABEL, isExampleList, SCALE_LEVELS, type Config } from './schema';
import type { ScopeRatings, State } from './type';

/**
 * The checklist of the pair (or group) the learner rated with, every practice listed (an unrated
 * one is itself a finding), the ones they set marked. Their pair: the one they are in now, and any
 * pair whose ratings they set before being moved. Working alone, it is their own checklist.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const me = ctx.participantId;
	const levels = SCALE_LEVELS[ctx.config.scale];
	const setByMe = (s: ScopeRatings) => Object.values(s.ratings).some((r) => r.by === me);
	const keys = new Set(
		Object.entries(state.scopes)
			.filter(([, s]) => !s.solo && setByMe(s))
			.map(([k]) => k)
	);
	keys.add(ctx.groupId ?? me);
	const items: EvidenceItem[] = [];
	for (const key of keys) {
		const scope = state.scopes[key];
		// Someone else's solo checklist is private: only one's own key may be solo.
		if (!scope || Object.keys(scope.ratings).length === 0 || (scope.solo && key !== me)) continue;
		const lines: EvidenceItem['lines'] = ctx.config.items.map((text, index) => {
			const r = scope.ratings[index];
			// "3 out of 5" reads on paper where a bare "3" would not.
			const rating = !r
				? 'Not rated'
				: ctx.config.scale === 'five'
					? `${levels[r.level] ?? r.level + 1} out of 5`
					: (levels[r.level] ?? String(r.level));
			return {
				label: text,
				text: r && !scope.solo && r.by === me ? `${rating} (set by you)` : rating
			};
		});
		// Our placeholder practices say so on paper too: an assessor should not take them for the programme's.
		if (isExampleList(ctx.config.items)) lines.unshift({ text: EXAMPLE_LABEL });
		const name = ctx.groups.find((g) => g.id === key)?.name ?? 'Your earlier pair';
		items.push(
			scope.solo
				? { heading: 'Your practice checklist', kind: 'own', lines }
				: { heading: `${name}'s practice checklist`, kind: 'group', lines }
		);
	}
	return items;
}
