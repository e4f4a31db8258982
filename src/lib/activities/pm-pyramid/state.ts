import type { Step, Strength, Tag } from './steps';

export interface Card {
	/** The add input's client-made id: replaying the stored inputs rebuilds the same ids. */
	id: string;
	step: Step;
	text: string;
	/** null until someone in the group tags it. */
	tag: Tag | null;
	authorId: string;
	/** Server time of the last change to any field. */
	updatedAt: number;
}

/** One group's pyramid (or one person's, in an individual activity). */
export interface GroupWork {
	/** True when keyed by a participant (individual grouping, or nobody put them in a group). */
	solo: boolean;
	/** In the order added; a moved card goes to the end of its new step. */
	cards: Card[];
	/** links[i] is the link from step i to the next (links[4]: the cycle's 5→1); null until marked. */
	links: (Strength | null)[];
	/** Ids of deleted cards, so a late edit gets "deleted" rather than "not found". */
	deleted: string[];
	/**
	 * Changes applied so far (the reducer counts them): the projector rebuilds only the groups
	 * whose count moved since its last view, so 500 groups cost one group's work per input.
	 */
	rev: number;
}

export interface State {
	/** Keyed by group id, or by participant id when the sender has no group. */
	groups: Record<string, GroupWork>;
}

export const emptyLinks = (): (Strength | null)[] => [null, null, null, null, null];
