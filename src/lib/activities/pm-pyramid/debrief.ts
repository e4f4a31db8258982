import type { LinkView, OverlayLink, OverlayTier, TierView } from './projector';
import { linkName } from './steps';

export type Lens = 'gaps' | 'overkill' | 'linkage';

export interface DebriefPrompt {
	lens: Lens;
	title: string;
	question: string;
}

/** One short line per lens, saying what this pyramid (or the room) shows. */
export type Findings = Record<Lens, string>;

/** The three questions the trainer talks through (seed 003's debrief lenses, in our own words). */
export function debriefPrompts(): DebriefPrompt[] {
	return [
		{
			lens: 'gaps',
			title: 'Gaps',
			question:
				'Which step has nothing behind it where you work, and what does that cost the steps below?'
		},
		{
			lens: 'overkill',
			title: 'Overkill',
			question: 'Where do several practices or forms do the same job? Which one could go?'
		},
		{
			lens: 'linkage',
			title: 'Links',
			question:
				'Does each step feed the next? Could you trace one person’s objective back to the strategy?'
		}
	];
}

const steps = (xs: number[]) =>
	xs.length === 1 ? `step ${xs[0]! + 1}` : `steps ${xs.map((s) => s + 1).join(', ')}`;
const pairs = (xs: number[]) => xs.map(linkName).join(', ');

export function groupFindings(tiers: TierView[], links: LinkView[]): Findings {
	const empty = tiers.filter((t) => t.gap).map((t) => t.step);
	const paper = tiers.filter((t) => t.onlyMissing).map((t) => t.step);
	const crowded = tiers.filter((t) => t.overkill);
	// A link nobody has marked is not yet a verdict: it is named apart from the weak ones.
	const loose = links.filter((l) => l.marked && l.strength !== 'strong').map((l) => l.from);
	const unmarked = links.filter((l) => !l.marked).map((l) => l.from);
	const linkParts = [
		loose.length && `Weak or no link: ${pairs(loose)}`,
		unmarked.length && `not marked yet: ${pairs(unmarked)}`
	];
	const gapParts = [
		empty.length && `Empty: ${steps(empty)}`,
		paper.length && `only missing practices: ${steps(paper)}`
	];
	return {
		gaps: gapParts.filter(Boolean).join('; ') || 'Something in place at every step',
		overkill:
			crowded.length === 1
				? `Crowded: step ${crowded[0]!.step + 1} (${crowded[0]!.cards.length} cards)`
				: crowded.length
					? `Crowded: steps ${crowded.map((t) => `${t.step + 1} (${t.cards.length})`).join(', ')}`
					: 'No crowded step',
		linkage:
			unmarked.length === links.length
				? 'No link marked yet'
				: sentenceCase(linkParts.filter(Boolean).join('; ')) || 'Every link marked strong'
	};
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function overlayFindings(
	tiers: OverlayTier[],
	links: OverlayLink[],
	started: number
): Findings {
	if (started === 0) {
		const waiting = 'Waiting for the first cards';
		return { gaps: waiting, overkill: waiting, linkage: waiting };
	}
	const shared = tiers.filter((t) => t.gap).map((t) => t.step);
	const crowded = tiers.filter((t) => t.overkillIn > 0);
	// Same "more than half" rule as the overlay's gaps: a weak spot most of the room shares.
	const loose = links.filter((l) => (l.weak + l.none) * 2 > started).map((l) => l.from);
	const of = (n: number) => `${n} of ${started} group${started === 1 ? '' : 's'}`;
	return {
		gaps: shared.length
			? `Empty in most groups: ${steps(shared)}`
			: 'No step is empty in most groups',
		overkill: crowded.length
			? `Crowded: ${crowded.map((t) => `step ${t.step + 1} in ${of(t.overkillIn)}`).join(', ')}`
			: 'No crowded step in any group',
		linkage: loose.length
			? `Weak or no link in most groups: ${pairs(loose)}`
			: 'Most groups see strong links'
	};
}
