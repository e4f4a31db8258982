import type { Findings } from './debrief';
import type { GroupView, LinkView, OverlayLink } from './projector';
import type { Strength } from './steps';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const linkText = (link: LinkView) => (link.marked ? link.strength : 'none · not marked');

/**
 * One connector for the whole room: solid only when most started groups call the link strong,
 * and the counts say the rest.
 */
export function overlayLink(
	link: OverlayLink,
	started: number
): { strength: Strength; text: string } {
	if (started === 0) return { strength: 'none', text: 'no links yet' };
	const strength: Strength =
		link.strong * 2 > started
			? 'strong'
			: (link.strong + link.weak) * 2 > started
				? 'weak'
				: 'none';
	// Only the counts there are: "weak 2 · none 6" reads faster than "strong 0 · weak 2 · none 6".
	const parts = (['strong', 'weak', 'none'] as const)
		.filter((s) => link[s] > 0)
		.map((s) => `${s} ${link[s]}`);
	return { strength, text: parts.join(' · ') || 'not marked' };
}

/** A group with nothing sent yet: every step a gap, no link marked. */
export function placeholderGroup(
	id: string,
	name: string,
	steps: string[],
	links: number
): GroupView {
	const findings: Findings = {
		gaps: 'Nothing at any step yet',
		overkill: 'No crowded step',
		linkage: 'No link marked yet'
	};
	return {
		id,
		name,
		cardCount: 0,
		tiers: steps.map((label, step) => ({
			step,
			label,
			cards: [],
			gap: true,
			overkill: false,
			onlyMissing: false
		})),
		links: Array.from({ length: links }, (_, from) => ({ from, strength: 'none', marked: false })),
		findings
	};
}
