import type { Config, Display } from './schema';

export interface Idea {
	/** participantId + ':' + the add input's id: two phones never collide, a replay rebuilds the same ids. */
	id: string;
	/**
	 * The card's public reference ("c1", "c2"…, counted per activity): what screens and inputs use.
	 * The id names its author, so it never leaves the server.
	 */
	ref: string;
	text: string;
	authorId: string;
	themeId: string | null;
	/** Server time it was added. */
	at: number;
	/** The ref of the card the trainer merged it into as a duplicate; it stays so its author sees where it went. */
	mergedInto: string | null;
	/** True when the trainer took it off the wall. */
	removed: boolean;
}

export interface Theme {
	id: string;
	name: string;
}

/** One dot. Its id is the voter's id + ':' + the input id, so a retried vote is never counted twice. */
export interface Vote {
	id: string;
	/** The card's ref. */
	ref: string;
}

export interface State {
	/** In the order added; merged and removed cards stay (flagged), deleted ones go. */
	ideas: Idea[];
	/** How many cards were ever added: the next card's ref is `c${added + 1}`. */
	added: number;
	/** Ids of cards their authors deleted, so a retried add does not bring one back. */
	deleted: string[];
	/** Their refs, so a late edit from another tab gets "deleted" rather than "not found". */
	deletedRefs: string[];
	themes: Theme[];
	/** Keyed by participant id. */
	votes: Record<string, Vote[]>;
	voting: boolean;
	/** What the projector shows. */
	display: Display;
}

export function initialState(config: Config): State {
	return {
		ideas: [],
		added: 0,
		deleted: [],
		deletedRefs: [],
		themes: config.themes.map((name, i) => ({ id: `preset-${i + 1}`, name })),
		votes: {},
		voting: false,
		display: 'wall'
	};
}

/** On the wall: not merged away, not taken off. */
export const isLive = (idea: Idea) => idea.mergedInto === null && !idea.removed;

/** Total dots on each live card, by ref. */
export function voteCounts(state: State): Map<string, number> {
	const counts = new Map<string, number>();
	for (const list of Object.values(state.votes))
		for (const v of list) counts.set(v.ref, (counts.get(v.ref) ?? 0) + 1);
	return counts;
}
