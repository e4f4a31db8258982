import type { PartEntry, SharedChoice } from '../shared/plan-parts';
import type { Cause, CheckId, Field, Role } from './words';

/** One part of a plan: `rev` counts saves, so the server can tell a save based on someone else's older text. */
export type FieldEntry = PartEntry;

/** A group's plan for one card; kept when the group moves on to another card. */
export interface Plan {
	cardId: string;
	dealtAt: number;
	fields: Partial<Record<Field, FieldEntry>>;
	cause: SharedChoice<Cause> | null;
}

export interface Hand {
	/** The card the group works on now; null before a deal (or when the deck had none left for it). */
	current: string | null;
	/** Every card it has been given, oldest first (a card appears twice only once the deck ran out). */
	history: string[];
	plans: Record<string, Plan>;
}

export interface Round {
	/** 1, 2, 3… */
	number: number;
	startedAt: number;
	minutes: number;
	endedAt: number | null;
	/** Per group: the card it role-plays and who plays what. */
	groups: Record<string, { cardId: string | null; roles: Record<string, Role> }>;
}

export interface Observation {
	round: number;
	groupId: string;
	cardId: string | null;
	observerId: string;
	checks: CheckId[];
	note: string;
	at: number;
}

export interface State {
	/** Keyed by group id. */
	hands: Record<string, Hand>;
	/** Cards any group has ever been given: a deal prefers cards the room has not seen. */
	seen: string[];
	/** The group whose plan the projector shows large. */
	spotlight: string | null;
	rounds: Round[];
	/** How often each person has played each role, so rotation is fair even when groups change. */
	roleCounts: Record<string, Record<Role, number>>;
	observations: Observation[];
	/** What the last deal could not do: groups given a card again, groups left without one. */
	lastDeal: { at: number; repeats: string[]; without: string[] } | null;
}

export const initialState = (): State => ({
	hands: {},
	seen: [],
	spotlight: null,
	rounds: [],
	roleCounts: {},
	observations: [],
	lastDeal: null
});

export const handOf = (state: State, groupId: string): Hand =>
	(state.hands[groupId] ??= { current: null, history: [], plans: {} });

/** Gives a group a card: its plan for that card starts empty, or resumes if it held the card before. */
export function give(state: State, groupId: string, cardId: string | null, at: number): void {
	const hand = handOf(state, groupId);
	hand.current = cardId;
	if (cardId === null) return;
	hand.history.push(cardId);
	hand.plans[cardId] ??= { cardId, dealtAt: at, fields: {}, cause: null };
	if (!state.seen.includes(cardId)) state.seen.push(cardId);
}

export const currentRound = (state: State): Round | null => {
	const last = state.rounds.at(-1);
	return last && last.endedAt === null ? last : null;
};
