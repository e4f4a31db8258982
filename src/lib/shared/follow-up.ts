/**
 * The follow-up after a workshop: what is asked at 30 and 90 days, and when each check-in is
 * current. Pure, so the server, the pages and the tests share one definition.
 */

export const DAY = 24 * 60 * 60_000;
export const CHECKPOINTS = [30, 90] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

/** The 30-day check-in is current until day 60, the 90-day one until day 150, counted from the close. */
const SWITCH_DAY = 60;
/** After the last check-in window the link still opens (read-only); retention counts from here. */
export const FOLLOW_UP_END_DAYS = 150;
export const FOLLOW_UP_END = FOLLOW_UP_END_DAYS * DAY;

/** The same scale at 30 and 90 days, so the two can be compared. */
export const PROGRESS = [
	'Not started yet',
	'Planned how',
	'Started',
	'Doing it regularly',
	'Part of how I work now'
] as const;

export const HELPED = [
	'My manager',
	'A colleague',
	'A clear plan',
	'Time set aside',
	'Workshop notes',
	'Reminders'
] as const;

export const BARRIERS = [
	'No time',
	'Workload',
	'Little support from my manager',
	'Team resistance',
	'Priorities changed',
	'Not sure how',
	'Forgot about it'
] as const;

export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 10;
export const NOTE_MAX = 200;
export const GOAL_MAX = 500;
/** The same privacy threshold as the AMO room view's default `minAnswers`: no aggregate from fewer. */
export const MIN_ANSWERS = 3;

export interface Window {
	/** The check-in this visit fills in. */
	checkpoint: Checkpoint;
	/** When it is due (close + 30 or 90 days). */
	dueAt: number;
	/** Before its due date: still allowed, the page says it is early. */
	early: boolean;
	/** After the last window: the page shows the answers but takes no more. */
	ended: boolean;
}

/** Which check-in is current `now` for a session closed at `closedAt`: opening early or late works. */
export function currentWindow(closedAt: number, now: number): Window {
	const elapsed = now - closedAt;
	const checkpoint: Checkpoint = elapsed < SWITCH_DAY * DAY ? 30 : 90;
	const dueAt = closedAt + checkpoint * DAY;
	return { checkpoint, dueAt, early: now < dueAt, ended: elapsed >= FOLLOW_UP_END };
}

/** One of the day's items the learner is asked about. */
export interface FollowUpItem {
	key: string;
	kind: 'goal' | 'one-thing';
	/** The goal's type (performance, learning…) or "one thing" for the exit reflection. */
	type: string;
	/** As written on the day. */
	text: string;
	/** Confidence on the day, 1–10 (the exit reflection asks it); null for goals. */
	confidenceThen: number | null;
}

export interface ItemAnswer {
	progress: number;
	helped: string[];
	helpedNote: string;
	barriers: string[];
	barrierNote: string;
	confidence: number;
	revisedGoal: string;
	updatedAt: number;
}

/** The learner's follow-up as their evidence pack shows it. */
export interface PackFollowUp {
	items: FollowUpItem[];
	checkIns: { checkpoint: Checkpoint; answers: Record<string, ItemAnswer> }[];
}

// The trainer's follow-up summary as the pages show it (built by $lib/server/followup/aggregate).
/** An aggregate, or why there is none: fewer than MIN_ANSWERS answers could point at a person. */
export type Held<T> = { shown: true; n: number; value: T } | { shown: false; n: number };

export interface CheckpointSummary {
	checkpoint: Checkpoint;
	responded: number;
	/** Per item type: how many answers at each step of the progress scale. */
	progress: { type: string; counts: Held<number[]> }[];
	/** Items with a confidence on the day (the "one thing"): mean then and now, same people. */
	confidence: Held<{ then: number; now: number }>;
	/** Barriers by how many answers named them, most first; only those named at all. */
	barriers: Held<{ barrier: string; count: number }[]>;
	/** Free lines of learners who allowed it, without names, in alphabetical order. */
	quotes: Held<string[]>;
}

export interface FollowUpSummary {
	optedIn: number;
	checkpoints: CheckpointSummary[];
}
