import type { GoalType, Scores, Situation } from './schema';

/** One stored version of a goal. The coach's checks are worked out from it when needed, never stored. */
export interface Version {
	text: string;
	achievable: number | null;
	at: number;
}

/** One peer review. Only the goal's author (without the reviewer's name) and the trainer's export see it. */
export interface Review {
	reviewerId: string;
	/** Which version was reviewed (a second rotation after a revision reviews version 2). */
	version: 1 | 2;
	/** The rotation round it belongs to. */
	round: number;
	scores: Scores;
	comment: string;
	at: number;
}

export interface Entry {
	situation: Situation | null;
	goalType: GoalType | null;
	draft: { text: string; achievable: number | null };
	/** "g1", "g2"…, given at the first submit in log order, so a replay gives the same ids. */
	goalId: string | null;
	v1: Version | null;
	v2: Version | null;
}

/** Keyed by participant id (server-made, never shown). Plain data, so it serialises as is. */
export interface State {
	entries: Record<string, Entry>;
	nextGoal: number;
	/** goal id → author's participant id. */
	authors: Record<string, string>;
	/** reviewer's participant id → goal id, from the latest rotation. */
	assignments: Record<string, string>;
	rounds: number;
	/** goal id → its reviews, oldest first; the newest is the one the author sees. */
	reviews: Record<string, Review[]>;
	spotlight: string | null;
	showNames: boolean;
	/** goal id → SMART letters the trainer marked as not met, whatever the coach said. */
	notMet: Record<string, string[]>;
}

export const initialState = (): State => ({
	entries: {},
	nextGoal: 1,
	authors: {},
	assignments: {},
	rounds: 0,
	reviews: {},
	spotlight: null,
	showNames: false,
	notMet: {}
});

export const blankEntry = (): Entry => ({
	situation: null,
	goalType: null,
	draft: { text: '', achievable: null },
	goalId: null,
	v1: null,
	v2: null
});

export const latest = (entry: Entry): Version | null => entry.v2 ?? entry.v1;

export function latestReview(state: State, goalId: string | null): Review | null {
	return goalId ? (state.reviews[goalId]?.at(-1) ?? null) : null;
}
