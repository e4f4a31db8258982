import type { ViewContext } from '../contract';
import {
	debriefPrompts,
	groupFindings,
	overlayFindings,
	type DebriefPrompt,
	type Findings
} from './debrief';
import type { Config } from './schema';
import { scopes } from './scopes';
import type { GroupWork, State } from './state';
import { linkCount, type Preset, type Strength, type Tag } from './steps';

/** A card as the room sees it: group work, so its text shows, but never who wrote it (nor its id). */
export interface ChipView {
	text: string;
	tag: Tag | null;
}

export interface TierView {
	step: number;
	label: string;
	cards: ChipView[];
	/** No card at this step. */
	gap: boolean;
	/** overkillAt cards or more at this step. */
	overkill: boolean;
	/** Cards here, every one tagged "missing": the step exists only on paper. */
	onlyMissing: boolean;
}

export interface LinkView {
	from: number;
	/** Unmarked links read as "none": nobody has claimed that the steps connect. */
	strength: Strength;
	marked: boolean;
}

export interface GroupView {
	id: string;
	name: string;
	cardCount: number;
	tiers: TierView[];
	links: LinkView[];
	findings: Findings;
}

/**
 * One practice as the whole room wrote it: the same words (ignoring case, spacing and end
 * punctuation) from several groups count once, with how many groups named it and how they tagged it.
 */
export interface PracticeView {
	text: string;
	/** Groups that put it at this step. */
	groups: number;
	/** How many of those groups' cards carry each tag (untagged cards are not counted). */
	tags: Record<Tag, number>;
}

export interface OverlayTier {
	step: number;
	label: string;
	total: number;
	/** The most common practices first (named by most groups, then most cards), at most PRACTICES_SHOWN. */
	practices: PracticeView[];
	/** Distinct practices at this step, shown or not: the projector says how many it left out. */
	distinct: number;
	perGroup: { id: string; name: string; count: number }[];
	/** Among the groups that have started (added at least one card). */
	emptyIn: number;
	overkillIn: number;
	/** Empty in more than half of the started groups: see `overlay()`. */
	gap: boolean;
}

export interface OverlayLink {
	from: number;
	strong: number;
	weak: number;
	/** "none" plus unmarked. */
	none: number;
}

export interface ProjectorView {
	steps: string[];
	preset: Config['preset'];
	overkillAt: number;
	groups: GroupView[];
	overlay: {
		started: number;
		cardCount: number;
		tiers: OverlayTier[];
		links: OverlayLink[];
		findings: Findings;
	};
	debrief: DebriefPrompt[];
}

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const { steps, overkillAt } = ctx.config;
	const groups = scopes(state, ctx).map(({ id, name, work }): GroupView => {
		const tiers = tiersOf(work, steps, overkillAt);
		const links = linksOf(work, linkCount(ctx.config.preset));
		return {
			id,
			name,
			cardCount: work.cards.length,
			tiers,
			links,
			findings: groupFindings(tiers, links)
		};
	});
	return {
		steps,
		preset: ctx.config.preset,
		overkillAt,
		groups,
		overlay: overlay(groups, steps, ctx.config.preset),
		debrief: debriefPrompts()
	};
}

function tiersOf(work: GroupWork, steps: string[], overkillAt: number): TierView[] {
	return steps.map((label, step) => {
		const here = work.cards.filter((c) => c.step === step);
		return {
			step,
			label,
			cards: here.map((c) => ({ text: c.text, tag: c.tag })),
			gap: here.length === 0,
			overkill: here.length >= overkillAt,
			onlyMissing: here.length > 0 && here.every((c) => c.tag === 'missing')
		};
	});
}

function linksOf(work: GroupWork, count: number): LinkView[] {
	return Array.from({ length: count }, (_, from) => {
		const set = work.links[from] ?? null;
		return { from, strength: set ?? 'none', marked: set !== null };
	});
}

/**
 * The all-groups picture. Only groups that have started count, so a table still finding its pens
 * does not make every step look like a gap. A step is an overlay gap when it is empty in more than
 * half of those groups (with one or two groups started, that means empty in all of them): a gap
 * most of the room shares is worth the debrief, one table's gap is that table's story.
 */
function overlay(groups: GroupView[], steps: string[], preset: Preset): ProjectorView['overlay'] {
	const started = groups.filter((g) => g.cardCount > 0);
	const tiers = steps.map((label, step): OverlayTier => {
		const perGroup = groups.map((g) => ({
			id: g.id,
			name: g.name,
			count: g.tiers[step]?.cards.length ?? 0
		}));
		const emptyIn = started.filter((g) => g.tiers[step]?.gap).length;
		return {
			step,
			label,
			total: perGroup.reduce((sum, g) => sum + g.count, 0),
			...practicesAt(groups, step),
			perGroup,
			emptyIn,
			overkillIn: started.filter((g) => g.tiers[step]?.overkill).length,
			gap: started.length > 0 && emptyIn * 2 > started.length
		};
	});
	const links = Array.from({ length: linkCount(preset) }, (_, from): OverlayLink => {
		const count = (s: Strength) => started.filter((g) => g.links[from]?.strength === s).length;
		return { from, strong: count('strong'), weak: count('weak'), none: count('none') };
	});
	const cardCount = groups.reduce((sum, g) => sum + g.cardCount, 0);
	return {
		started: started.length,
		cardCount,
		tiers,
		links,
		findings: overlayFindings(tiers, links, started.length)
	};
}

/** More than any screen shows in one tier; the projector fits what it can and counts the rest. */
export const PRACTICES_SHOWN = 24;

/** "Monthly 1:1s." and "monthly 1:1s" are one practice. */
const sameWords = (text: string) =>
	text
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/[.!?,;:]+$/, '')
		.trim();

function practicesAt(
	groups: GroupView[],
	step: number
): Pick<OverlayTier, 'practices' | 'distinct'> {
	const byWords = new Map<string, PracticeView & { cards: number; seen: Set<string> }>();
	for (const g of groups)
		for (const card of g.tiers[step]?.cards ?? []) {
			const key = sameWords(card.text);
			const p = byWords.get(key) ?? {
				text: card.text,
				groups: 0,
				tags: { 'works-well': 0, patchy: 0, missing: 0 },
				cards: 0,
				seen: new Set<string>()
			};
			if (!p.seen.has(g.id)) {
				p.seen.add(g.id);
				p.groups += 1;
			}
			p.cards += 1;
			if (card.tag) p.tags[card.tag] += 1;
			byWords.set(key, p);
		}
	const all = [...byWords.values()].sort(
		(a, b) => b.groups - a.groups || b.cards - a.cards || a.text.localeCompare(b.text)
	);
	return {
		practices: all
			.slice(0, PRACTICES_SHOWN)
			.map(({ text, groups, tags }) => ({ text, groups, tags })),
		distinct: all.length
	};
}
