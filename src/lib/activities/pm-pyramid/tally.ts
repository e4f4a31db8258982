import type { Tag } from './steps';

/**
 * The all-groups overlay's practices, counted as groups change rather than from every card of
 * every group at each projector update: in a room of 500 groups (28,000 cards, most practices
 * named once) recounting them all was the projector's main cost, and each update then costs
 * about the groups that changed since the last one.
 */

/** One practice as the whole room wrote it at one step. */
export interface Practice {
	/** The words as first written (the key ignores case, spacing and end punctuation). */
	text: string;
	key: string;
	groups: number;
	cards: number;
	tags: Record<Tag, number>;
	/** In the step's shown list as last chosen. */
	shown: boolean;
}

/** One group's cards of one practice at one step. */
interface Entry {
	text: string;
	cards: number;
	tags: Readonly<Record<Tag, number>>;
}

/** What one group adds at one step: per practice (by key), its words, cards and tags. */
export type GroupTally = ReadonlyMap<string, Entry>;

type Tags = Record<Tag, number>;
const noTags = (): Tags => ({ 'works-well': 0, patchy: 0, missing: 0 });
/** Shared by every untagged entry and practice until a tag is counted in it (most have none); frozen, so a missed copy throws. */
const UNTAGGED: Readonly<Record<Tag, number>> = Object.freeze(noTags());

/** One group's cards at one step, counted by practice (`keyOf`: the card's words as compared). */
export function tallyOf<C extends { text: string; tag: Tag | null }>(
	cards: readonly C[],
	keyOf: (card: C) => string
): GroupTally {
	const out = new Map<
		string,
		{ text: string; cards: number; tags: Readonly<Record<Tag, number>> }
	>();
	for (const card of cards) {
		const key = keyOf(card);
		let entry = out.get(key);
		if (!entry) out.set(key, (entry = { text: card.text, cards: 0, tags: UNTAGGED }));
		entry.cards += 1;
		if (card.tag) {
			if (entry.tags === UNTAGGED) entry.tags = noTags();
			(entry.tags as Record<Tag, number>)[card.tag] += 1;
		}
	}
	return out;
}

/**
 * Most groups first, then most cards, then by their words (lower case, compared as code points:
 * in a room where most practices are named once nearly every comparison is a tie, and a
 * locale-aware comparison of thousands of them cost more than the rest of the view).
 */
export const byMostNamed = (a: Practice, b: Practice): number =>
	b.groups - a.groups || b.cards - a.cards || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The `k` smallest items by `cmp`, in order: one pass, and a comparison only against the k-th when full. */
export function firstOf<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): T[] {
	const top: T[] = [];
	for (const item of items) {
		if (top.length === k && cmp(item, top[k - 1]!) >= 0) continue;
		let i = top.length;
		while (i > 0 && cmp(item, top[i - 1]!) < 0) i--;
		top.splice(i, 0, item);
		if (top.length > k) top.pop();
	}
	return top;
}

const sameTags = (a: Readonly<Record<Tag, number>>, b: Readonly<Record<Tag, number>>) =>
	a['works-well'] === b['works-well'] && a.patchy === b.patchy && a.missing === b.missing;

/**
 * One step's practices across the room, and the first `shown` of them in order. The shown list
 * is kept between updates: a practice that gains a group or a card can only climb (it joins the
 * list if it now beats the last one shown); one that loses one while shown may fall below a
 * practice outside the list, so then the list is chosen again from all of them, which is rare.
 * The order never depends on tags, so a changed tag changes no list.
 */
export class StepTally {
	readonly practices = new Map<string, Practice>();
	#top: Practice[] = [];
	#stale = false;
	#unsorted = false;

	constructor(private readonly shown: number) {}

	/** One group's entry for one practice went from `before` to `after` (absent: undefined). */
	update(key: string, before: Entry | undefined, after: Entry | undefined): void {
		if (before === after) return;
		if (before && after && before.cards === after.cards && sameTags(before.tags, after.tags))
			return;
		let p = this.practices.get(key);
		if (!p) {
			if (!after) return;
			// Untagged until a tag is counted in it (most practices never get one): one object less each.
			p = { text: after.text, key, groups: 0, cards: 0, tags: UNTAGGED as Tags, shown: false };
			this.practices.set(key, p);
		}
		const groups = (after ? 1 : 0) - (before ? 1 : 0);
		const cards = (after?.cards ?? 0) - (before?.cards ?? 0);
		p.groups += groups;
		p.cards += cards;
		for (const tag of TAGS) {
			const change = (after?.tags[tag] ?? 0) - (before?.tags[tag] ?? 0);
			if (change === 0) continue;
			if (p.tags === UNTAGGED) p.tags = noTags();
			p.tags[tag] += change;
		}
		if (p.groups <= 0) this.practices.delete(key);
		if (groups < 0 || cards < 0 || p.groups <= 0) {
			if (p.shown) this.#stale = true;
		} else if (groups > 0 || cards > 0) this.#climbed(p);
	}

	/** The practices shown at this step, most named first. */
	top(): readonly Practice[] {
		if (this.#stale) {
			for (const p of this.#top) p.shown = false;
			this.#top = firstOf(this.practices.values(), this.shown, byMostNamed);
			for (const p of this.#top) p.shown = true;
			this.#stale = false;
			this.#unsorted = false;
		} else if (this.#unsorted) {
			this.#top.sort(byMostNamed);
			this.#unsorted = false;
		}
		return this.#top;
	}

	#climbed(p: Practice): void {
		if (this.#stale) return;
		if (p.shown) {
			this.#unsorted = true;
			return;
		}
		// A list shorter than `shown` holds every practice there is: this one joins it.
		if (this.#top.length < this.shown) {
			p.shown = true;
			this.#top.push(p);
			this.#unsorted = true;
			return;
		}
		const top = this.top();
		const last = top[top.length - 1]!;
		if (byMostNamed(p, last) >= 0) return;
		last.shown = false;
		p.shown = true;
		this.#top[this.#top.length - 1] = p;
		this.#unsorted = true;
	}
}

const TAGS: readonly Tag[] = ['works-well', 'patchy', 'missing'];
const NONE: GroupTally = new Map();

/** The room's steps, and which tallies of each group (one per step) are counted in them. */
export class OverlayTally {
	readonly #steps: StepTally[] = [];
	readonly #counted = new Map<string, readonly GroupTally[]>();

	constructor(private readonly shown: number) {}

	step(i: number): StepTally {
		return (this.#steps[i] ??= new StepTally(this.shown));
	}

	/** Counts each group's current tallies, and no longer counts groups not listed. */
	sync(groups: readonly { view: { id: string }; tallies: readonly GroupTally[] }[]): void {
		for (const {
			view: { id },
			tallies
		} of groups) {
			const was = this.#counted.get(id);
			if (was === tallies) continue;
			this.#replace(was ?? [], tallies);
			this.#counted.set(id, tallies);
		}
		if (this.#counted.size === groups.length) return;
		const present = new Set(groups.map((g) => g.view.id));
		this.#counted.forEach((was, id) => {
			if (present.has(id)) return;
			this.#replace(was, []);
			this.#counted.delete(id);
		});
	}

	/** Only what differs between a group's old and new tallies touches the room's counts. */
	#replace(was: readonly GroupTally[], now: readonly GroupTally[]): void {
		for (let i = 0; i < Math.max(was.length, now.length); i++) {
			const before = was[i] ?? NONE;
			const after = now[i] ?? NONE;
			if (before === after) continue;
			const step = this.step(i);
			// forEach, not for…of with [key, entry]: each of those pairs is an array to collect.
			before.forEach((entry, key) => step.update(key, entry, after.get(key)));
			after.forEach((entry, key) => {
				if (!before.has(key)) step.update(key, undefined, entry);
			});
		}
	}
}
