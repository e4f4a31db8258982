import type { PhoneContext } from '../contract';
import { workKey } from './reduce';
import type { Config } from './schema';
import type { Card, GroupWork, State } from './state';
import { freeze } from '$lib/shared/patch';
import { linkCount, MAX_CARDS_PER_GROUP, type Step, type Strength, type Tag } from './steps';

export interface PhoneCard {
	id: string;
	step: Step;
	text: string;
	tag: Tag | null;
	/** This participant wrote it (other authors stay unnamed on the phone too). */
	mine: boolean;
	updatedAt: number;
}

export interface PhoneView {
	steps: string[];
	overkillAt: number;
	maxCards: number;
	/** The sender's group's cards only, in the group's order. */
	cards: PhoneCard[];
	/** links[i]: step i → the next (links[4]: the cycle's 5→1); null until someone in the group marks it. */
	links: (Strength | null)[];
}

/**
 * A group's cards as its phones see them, built once per change of the group's work (`rev`) and
 * frozen: each card in two versions (written by this phone or not), so a group's phones share
 * the objects and the diff against the view last sent skips every card nobody touched.
 * The reducer never changes a card in place (a changed card is a new object), so what was built
 * for a card object stays right for it: a rebuild compares the card list with the last one by
 * identity and reads only the cards that are new. Reading every card again cost a cache miss
 * per card, as much as the rest of the view in a room of 500 groups.
 * Kept on the state's own objects under symbols (JSON, exports and structured clones skip
 * symbol keys): a WeakMap per card made every lookup and every collection dearer, and a holder
 * object per card was 28,000 objects more in a room of 500 groups.
 */
const BUILT = Symbol('phone cards');
const MINE = Symbol('phone card, as its author sees it');
const THEIRS = Symbol('phone card, as the others see it');
type Kept<T, V> = T & { [BUILT]?: V };
type Versioned = Card & { [MINE]?: PhoneCard; [THEIRS]?: PhoneCard };
interface Built {
	rev: number;
	/** The work's cards when built, each with its two versions: same card at the same place, nothing to build. */
	cards: Versioned[];
	/** Each reader's list (their own cards marked), frozen: the diff neither walks into nor copies a card. */
	readers: Map<string, readonly PhoneCard[]>;
	/** The links as phones see them, for `linkCount` links. */
	links?: { count: number; list: readonly (Strength | null)[] };
}

function versioned(card: Versioned): void {
	if (card[MINE]) return;
	card[MINE] = phoneCard(card, true);
	card[THEIRS] = phoneCard(card, false);
}

/** One literal, not `{ ...base, mine }`: a hidden class per card otherwise (see withRev in patch.ts). */
function phoneCard(card: Card, mine: boolean): PhoneCard {
	const { id, step, text, tag, updatedAt } = card;
	return freeze<PhoneCard>({ id, step, text, tag, updatedAt, mine });
}

function built(work: Kept<GroupWork, Built>): Built {
	const last = work[BUILT];
	if (last?.rev === work.rev) return last;
	const cards: Versioned[] = work.cards.slice();
	for (let i = 0; i < cards.length; i++) if (last?.cards[i] !== cards[i]) versioned(cards[i]!);
	return (work[BUILT] = { rev: work.rev, cards, readers: new Map() });
}

function cardsFor(kept: Built, reader: string): PhoneCard[] {
	let list = kept.readers.get(reader);
	if (!list) {
		// Its cards are frozen already: freezing the list itself keeps it deep-frozen, without a
		// walk over every card (a cache miss each).
		list = Object.freeze(kept.cards.map((c) => (c.authorId === reader ? c[MINE]! : c[THEIRS]!)));
		kept.readers.set(reader, list);
	}
	return list as PhoneCard[];
}

function linksFor(kept: Built, work: GroupWork, count: number): (Strength | null)[] {
	if (kept.links?.count !== count)
		kept.links = {
			count,
			list: Object.freeze(Array.from({ length: count }, (_, i) => work.links[i] ?? null))
		};
	return kept.links.list as (Strength | null)[];
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const work = state.groups[workKey(ctx)];
	const kept = work ? built(work) : undefined;
	return {
		steps: ctx.config.steps,
		overkillAt: ctx.config.overkillAt,
		maxCards: MAX_CARDS_PER_GROUP,
		cards: kept ? cardsFor(kept, ctx.participantId) : [],
		links: kept
			? linksFor(kept, work!, linkCount(ctx.config.preset))
			: Array.from({ length: linkCount(ctx.config.preset) }, () => null)
	};
}
