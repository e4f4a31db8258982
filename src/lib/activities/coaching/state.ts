import type { CheckId, Role, Step } from './words';

export interface Observation {
	checks: CheckId[];
	note: string;
	at: number;
}

/** One group's conversation in one round. */
export interface Triad {
	/** Who played what, fixed when the round started. */
	roles: Record<string, Role>;
	/** The GROW steps the coach ticked as covered, in GROW order. */
	covered: Step[];
	/** Keyed by observer id (a four has two observers). Only the coach of this round sees them. */
	observations: Record<string, Observation>;
	/** Keyed by coachee id. Only the coachee sees it; never exported or projected. */
	takeaways: Record<string, { text: string; at: number }>;
}

export interface Round {
	/** 1, 2, 3… */
	number: number;
	startedAt: number;
	minutes: number;
	endedAt: number | null;
	/** Keyed by group id: the groups with people in them when the round started. */
	triads: Record<string, Triad>;
}

export interface State {
	rounds: Round[];
	/** How often each person has played each role, so rotation is fair even when groups change. */
	roleCounts: Record<string, Record<Role, number>>;
}

export const initialState = (): State => ({ rounds: [], roleCounts: {} });

export const currentRound = (state: State): Round | null => {
	const last = state.rounds.at(-1);
	return last && last.endedAt === null ? last : null;
};

/** Everyone playing `role` in a triad, in member order. */
export const playing = (triad: Triad | undefined, role: Role): string[] =>
	triad
		? Object.entries(triad.roles)
				.filter(([, r]) => r === role)
				.map(([id]) => id)
		: [];
