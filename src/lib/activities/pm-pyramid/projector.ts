import type { ViewContext } from '../contract';
import {
	debriefPrompts,
	groupFindings,
	overlayFindings,
	type DebriefPrompt,
	type Findings
} from './debrief';
import type { Config } from './schema';
import { freeze } from '$lib/shared/patch';
import { scopes, type Scope } from './scopes';
import type { Card, GroupWork, State } from './state';
import { linkCount, type Preset, type Strength, type Tag } from './steps';
import { OverlayTally, tallyOf, type GroupTally } from './tally';

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
	/**
	 * The most common practices first (named by most groups, then most cards), at most
	 * PRACTICES_SHOWN (all of them in the report's view).
	 */
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
	const { steps } = ctx.config;
	// The report's view lists every practice (its own tally: the live one keeps the screen's few).
	const cached = ctx.whole ? builtWhole : built;
	let room = cached.get(state);
	if (!room)
		cached.set(
			state,
			(room = {
				parts: new Map(),
				tally: new OverlayTally(ctx.whole ? Infinity : PRACTICES_SHOWN),
				lists: new Map()
			})
		);
	const cache = room.parts;
	const parts = scopes(state, ctx).map((scope) => groupPart(cache, scope, ctx.config));
	room.tally.sync(parts);
	const groups = kept(room.lists, 'groups', parts, (p) => p.view);
	return {
		steps,
		preset: ctx.config.preset,
		overkillAt: ctx.config.overkillAt,
		groups: groups as GroupView[],
		overlay: overlay(parts, room, steps, ctx.config.preset),
		debrief: DEBRIEF
	};
}

/**
 * The list last returned under `name` when it still holds the same items, else a new one, frozen.
 * A list of 500 groups' parts changes in a few places per update: kept, the diff against the view
 * last sent skips it whole; frozen, it is compared but never copied.
 */
function kept<T, U>(
	lists: Map<string, readonly unknown[]>,
	name: string,
	items: readonly T[],
	pick: (item: T) => U
): readonly U[] {
	const last = lists.get(name) as readonly U[] | undefined;
	if (last?.length === items.length) {
		let i = 0;
		while (i < items.length && last[i] === pick(items[i]!)) i++;
		if (i === items.length) return last;
	}
	const list = Object.freeze(items.map(pick));
	lists.set(name, list);
	return list;
}

/** One group's view and what the all-groups overlay takes from it, kept until the group changes. */
interface GroupPart {
	work: GroupWork;
	rev: number;
	name: string;
	config: Config;
	/** Deep-frozen: the diff against the last view sent shares it instead of walking and copying it. */
	view: GroupView;
	/** Per step: the cards it was built from. */
	byStep: Card[][];
	/** Per step: the group's practices as the overlay counts them (see tally.ts). */
	tallies: GroupTally[];
	/** Per step: the overlay's per-group count, frozen for the same reason as the view. */
	counts: { id: string; name: string; count: number }[];
}

/**
 * Built parts per run state (a state belongs to one run and lives as long as it does). The
 * reducer changes a group's work in place and counts each change in `rev`; a group that has not
 * started has no work yet (rev 0, a fresh blank each time).
 */
const built = new WeakMap<State, Built>();
const builtWhole = new WeakMap<State, Built>();

interface Built {
	parts: Map<string, GroupPart>;
	tally: OverlayTally;
	/** The lists of the last view, by name (see `kept`). */
	lists: Map<string, readonly unknown[]>;
}

const DEBRIEF = freeze(debriefPrompts());

function groupPart(cache: Map<string, GroupPart>, scope: Scope, config: Config): GroupPart {
	const { id, name, work } = scope;
	const hit = cache.get(id);
	if (
		hit &&
		hit.config === config &&
		hit.name === name &&
		hit.rev === work.rev &&
		(hit.work === work || work.rev === 0)
	)
		return hit;
	// One pass sorts the cards by step; the tiers and the overlay's words both read it.
	const byStep: WithChip[][] = config.steps.map(() => []);
	for (const card of work.cards) byStep[card.step]?.push(card);
	// An input changes one step (two when a card moves): the other steps' tier, tally and count
	// are the last part's, so a change builds a fifth of the part, and the overlay's sync skips
	// the steps whose tally is the same object.
	const last = hit && hit.config === config && hit.name === name ? hit : undefined;
	const kept = (step: number) => last !== undefined && sameCards(last.byStep[step], byStep[step]);
	const tiers = config.steps.map((label, step) =>
		kept(step)
			? last!.view.tiers[step]!
			: tierOf(byStep[step] ?? [], step, label, config.overkillAt)
	);
	const links = linksOf(work, linkCount(config.preset), last?.view.links);
	// Most edits (a card's words, a card added where there were some) change no finding.
	const findings =
		last && links === last.view.links && sameFindingsInput(last.view.tiers, tiers)
			? last.view.findings
			: groupFindings(tiers, links);
	const view = freeze<GroupView>({
		id,
		name,
		cardCount: work.cards.length,
		tiers,
		links,
		findings
	});
	const part: GroupPart = {
		work,
		rev: work.rev,
		name,
		config,
		view,
		byStep,
		// tierOf kept each card's chip, and with it the card's words as the overlay compares them.
		tallies: byStep.map((cards, step) =>
			kept(step) ? last!.tallies[step]! : tallyOf(cards, keyOf)
		),
		counts: tiers.map((t, step) =>
			kept(step) ? last!.counts[step]! : freeze({ id, name, count: t.cards.length })
		)
	};
	cache.set(id, part);
	return part;
}

/** The same cards in the same order (cards are never changed in place: a change is a new card). */
function sameCards(a: readonly Card[] | undefined, b: readonly Card[] | undefined): boolean {
	if (a === undefined || b === undefined || a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * A card as the room sees it, with its words as the overlay compares them, kept on the card
 * (under a symbol, as the phone's cards are): see GroupPart.
 */
const CHIP = Symbol('projector chip');
const KEY = Symbol('compared words');
type WithChip = Card & { [CHIP]?: ChipView; [KEY]?: string };

const keyOf = (card: WithChip) => card[KEY]!;

/**
 * The reducer never changes a card in place (a change is a new card), so a kept chip stays right.
 * Chip and words are kept under two symbols rather than in one object: 28,000 objects fewer in
 * a room of 500 groups.
 */
function chipOf(card: WithChip): ChipView {
	let chip = card[CHIP];
	if (!chip) {
		chip = card[CHIP] = freeze({ text: card.text, tag: card.tag });
		card[KEY] = sameWords(card.text);
	}
	return chip;
}

function tierOf(here: WithChip[], step: number, label: string, overkillAt: number): TierView {
	return {
		step,
		label,
		cards: here.map(chipOf),
		gap: here.length === 0,
		overkill: here.length >= overkillAt,
		onlyMissing: here.length > 0 && here.every((c) => c.tag === 'missing')
	};
}

/** The group's links; the last part's list when none changed (the reducer sets links in place). */
function linksOf(work: GroupWork, count: number, last: LinkView[] | undefined): LinkView[] {
	if (last?.length === count) {
		let from = 0;
		while (from < count && sameLink(last[from]!, work.links[from] ?? null)) from++;
		if (from === count) return last;
	}
	return Array.from({ length: count }, (_, from) => {
		const set = work.links[from] ?? null;
		return { from, strength: set ?? 'none', marked: set !== null };
	});
}

const sameLink = (view: LinkView, set: Strength | null) =>
	view.marked === (set !== null) && view.strength === (set ?? 'none');

/** Whether two pyramids' tiers say the same to groupFindings: gaps, paper-only steps, crowding. */
function sameFindingsInput(a: readonly TierView[], b: readonly TierView[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x === y) continue;
		if (x.gap !== y.gap || x.onlyMissing !== y.onlyMissing || x.overkill !== y.overkill)
			return false;
		if (x.overkill && x.cards.length !== y.cards.length) return false;
	}
	return true;
}

/**
 * The all-groups picture. Only groups that have started count, so a table still finding its pens
 * does not make every step look like a gap. A step is an overlay gap when it is empty in more than
 * half of those groups (with one or two groups started, that means empty in all of them): a gap
 * most of the room shares is worth the debrief, one table's gap is that table's story.
 */
function overlay(
	parts: GroupPart[],
	room: Built,
	steps: string[],
	preset: Preset
): ProjectorView['overlay'] {
	const started: GroupView[] = [];
	let cardCount = 0;
	for (const { view } of parts) {
		cardCount += view.cardCount;
		if (view.cardCount > 0) started.push(view);
	}
	const tiers = steps.map((label, step): OverlayTier => {
		const perGroup = kept(
			room.lists,
			`perGroup ${step}`,
			parts,
			(p) => p.counts[step] ?? { id: p.view.id, name: p.view.name, count: 0 }
		) as OverlayTier['perGroup'];
		let total = 0;
		for (const g of perGroup) total += g.count;
		let emptyIn = 0;
		let overkillIn = 0;
		for (const g of started) {
			if (g.tiers[step]?.gap) emptyIn++;
			if (g.tiers[step]?.overkill) overkillIn++;
		}
		const { practices, distinct } = practicesAt(room.tally, step);
		return {
			step,
			label,
			total,
			practices,
			distinct,
			perGroup,
			emptyIn,
			overkillIn,
			gap: started.length > 0 && emptyIn * 2 > started.length
		};
	});
	const links = Array.from({ length: linkCount(preset) }, (_, from): OverlayLink => {
		const link = { from, strong: 0, weak: 0, none: 0 };
		for (const g of started) {
			const strength = g.links[from]?.strength;
			if (strength) link[strength]++;
		}
		return link;
	});
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
	tally: OverlayTally,
	step: number
): Pick<OverlayTier, 'practices' | 'distinct'> {
	const counted = tally.step(step);
	return {
		practices: counted.top().map(({ text, groups, tags }) => ({ text, groups, tags: { ...tags } })),
		distinct: counted.practices.size
	};
}
