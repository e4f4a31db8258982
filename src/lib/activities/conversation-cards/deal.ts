import type { State } from './state';

/** Fisher–Yates with the given source: the same seed gives the same order. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** Cards the room has never seen first, each tier in random order. */
function preferFresh(cards: string[], state: State, random: () => number): string[] {
	const shuffled = shuffle(cards, random);
	return [
		...shuffled.filter((c) => !state.seen.includes(c)),
		...shuffled.filter((c) => state.seen.includes(c))
	];
}

/** The card among `cards` this group held longest ago (all of them held before). */
function leastRecent(cards: string[], history: string[]): string | undefined {
	return [...cards].sort((a, b) => history.lastIndexOf(a) - history.lastIndexOf(b))[0];
}

export interface DealResult {
	cards: Map<string, string | null>;
	/** Groups that got a card they had before, because every card they had not had was taken. */
	repeats: string[];
	/** Groups left without a card: fewer cards than groups. */
	without: string[];
}

/**
 * A whole deal: every group a different card and, wherever the deck allows, one it has never
 * had. That is a matching problem (group ↔ card not had), solved with augmenting paths so that
 * one group's lucky pick never forces another into a repeat that a different assignment would
 * have avoided. Groups with no unseen card left get the free card they held longest ago; with
 * fewer cards than groups, the last groups get none.
 */
export function dealAll(
	state: State,
	groupIds: string[],
	deck: string[],
	random: () => number
): DealResult {
	const order = shuffle(groupIds, random);
	const had = new Map(order.map((g) => [g, state.hands[g]?.history ?? []]));
	const options = new Map(
		order.map((g) => [
			g,
			preferFresh(
				deck.filter((c) => !had.get(g)!.includes(c)),
				state,
				random
			)
		])
	);
	const owner = new Map<string, string>();

	const tryGroup = (g: string, visited: Set<string>): boolean => {
		for (const card of options.get(g)!) {
			if (visited.has(card)) continue;
			visited.add(card);
			const current = owner.get(card);
			if (current === undefined || tryGroup(current, visited)) {
				owner.set(card, g);
				return true;
			}
		}
		return false;
	};
	for (const g of order) tryGroup(g, new Set());

	const cards = new Map<string, string | null>([...owner].map(([card, g]) => [g, card]));
	const repeats: string[] = [];
	const without: string[] = [];
	for (const g of order) {
		if (cards.has(g)) continue;
		const taken = new Set([...cards.values()]);
		const spare = leastRecent(
			shuffle(
				deck.filter((c) => !taken.has(c)),
				random
			),
			had.get(g)!
		);
		cards.set(g, spare ?? null);
		(spare ? repeats : without).push(g);
	}
	return { cards, repeats, without };
}

/**
 * One card for one group (a swap, or a group drawing its own): not its current card, not held by
 * another group, and one it has never had where possible. Null when every other card is in use.
 */
export function pickOne(
	state: State,
	groupId: string,
	deck: string[],
	random: () => number
): { card: string; repeat: boolean } | null {
	const hand = state.hands[groupId];
	const inUse = new Set(Object.values(state.hands).flatMap((h) => (h.current ? [h.current] : [])));
	const free = deck.filter((c) => !inUse.has(c));
	const fresh = preferFresh(
		free.filter((c) => !hand?.history.includes(c)),
		state,
		random
	);
	if (fresh[0]) return { card: fresh[0], repeat: false };
	const again = leastRecent(shuffle(free, random), hand?.history ?? []);
	return again ? { card: again, repeat: true } : null;
}
