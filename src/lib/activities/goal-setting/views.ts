import type { ExportRow, PhoneContext, ViewContext } from '../contract';
import { promptAt } from './reduce';
import type { Config, GoalType, Scores, Situation } from './schema';
import { coach, CRITERIA, CRITERION_NAME, passes, type Checks, type Criterion } from './smart';
import { latest, latestReview, type Entry, type State, type Version } from './state';
import { GOAL_TYPE_NAME } from './wording';

export interface Rate {
	pass: number;
	of: number;
}

/** One version of a goal with the coach's verdict and its reason per letter (the spotlight shows why). */
export interface GoalVersionCard {
	text: string;
	checks: Checks;
	reasons: Record<Criterion, string>;
}

function versionCard(v: Version, goalType: GoalType | null): GoalVersionCard {
	const reasons = {} as Record<Criterion, string>;
	for (const c of coach(v.text, v.achievable, goalType)) reasons[c.criterion] = c.reason;
	return { text: v.text, checks: passes(v.text, v.achievable, goalType), reasons };
}

/** One goal as the trainer's screens see it; `author` is null unless the trainer shows names. */
export interface GoalCard {
	id: string;
	goalType: GoalType | null;
	/** The prompt's name, or "Their own situation" (own situations may describe real colleagues). */
	situation: string;
	author: string | null;
	before: GoalVersionCard;
	after: GoalVersionCard | null;
	reviewed: boolean;
	/** Letters the trainer marked as not met (the spotlight shows them failed, with the coach's reason). */
	notMet: Criterion[];
}

export interface ProjectorView {
	submitted: number;
	reviewed: number;
	revised: number;
	/** Rotations so far; the current round's reviewers hold `assigned` goals. */
	rounds: number;
	assigned: number;
	/** Per SMART letter: first versions (before) and revisions (after), from the coach's checks. */
	rates: { criterion: Criterion; before: Rate; after: Rate }[];
	goals: GoalCard[];
	spotlight: GoalCard | null;
	showNames: boolean;
	/** Pass rates show while collecting (else only once the trainer shows results). */
	live: boolean;
}

export interface GoalTypeOption {
	type: GoalType;
	name: string;
	when: string;
}

/** What the author sees of a review: the scores and comment, never who wrote it. */
export interface ReviewView {
	version: 1 | 2;
	scores: Scores;
	comment: string;
}

export interface PhoneView {
	prompts: { id: string; name: string; situation: string }[];
	ownSituation: boolean;
	goalTypes: GoalTypeOption[];
	mine: {
		situation: Situation | null;
		goalType: GoalType | null;
		draft: { text: string; achievable: number | null };
		goalId: string | null;
		v1: Version | null;
		v2: Version | null;
		/** With a reviewer now, review not yet back. */
		inReview: boolean;
		review: ReviewView | null;
	};
	/** The goal this phone was given to review (its author's name is never included). */
	toReview: {
		goalId: string;
		situation: string;
		goalType: GoalType | null;
		text: string;
		achievable: number | null;
		mine: { scores: Scores; comment: string } | null;
	} | null;
}

const ownLabel = 'Their own situation';

export function situationLabel(config: Config, s: Situation | null, withOwnText: boolean): string {
	if (!s) return '';
	if (s.kind === 'own') return withOwnText ? `${ownLabel}: ${s.text}` : ownLabel;
	const p = promptAt(config, s.promptId);
	return p ? (withOwnText ? `${p.name}. ${p.situation}` : p.name) : '';
}

function card(
	state: State,
	config: Config,
	id: string,
	names: Map<string, string>
): GoalCard | null {
	const pid = state.authors[id];
	const entry = pid ? state.entries[pid] : undefined;
	if (!pid || !entry?.v1) return null;
	return {
		id,
		goalType: entry.goalType,
		situation: situationLabel(config, entry.situation, false),
		author: state.showNames ? (names.get(pid) ?? 'Someone who left') : null,
		before: versionCard(entry.v1, entry.goalType),
		after: entry.v2 ? versionCard(entry.v2, entry.goalType) : null,
		reviewed: (state.reviews[id]?.length ?? 0) > 0,
		notMet: CRITERIA.filter((c) => state.notMet?.[id]?.includes(c))
	};
}

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const goals = Object.keys(state.authors)
		.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
		.flatMap((id) => card(state, ctx.config, id, names) ?? []);
	const rate = (list: Checks[], c: Criterion): Rate => ({
		pass: list.filter((x) => x[c]).length,
		of: list.length
	});
	const before = goals.map((g) => g.before.checks);
	const after = goals.flatMap((g) => (g.after ? [g.after.checks] : []));
	return {
		submitted: goals.length,
		reviewed: goals.filter((g) => g.reviewed).length,
		revised: after.length,
		rounds: state.rounds,
		assigned: Object.keys(state.assignments).length,
		rates: CRITERIA.map((c) => ({ criterion: c, before: rate(before, c), after: rate(after, c) })),
		goals,
		spotlight: goals.find((g) => g.id === state.spotlight) ?? null,
		showNames: state.showNames,
		live: ctx.config.results === 'live'
	};
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const { config } = ctx;
	const entry: Entry | undefined = state.entries[ctx.participantId];
	const goalId = entry?.goalId ?? null;
	const review = latestReview(state, goalId);
	const assigned = state.assignments[ctx.participantId];
	const authorEntry = assigned ? state.entries[state.authors[assigned] ?? ''] : undefined;
	const shown = authorEntry ? latest(authorEntry) : null;
	const myReview = assigned
		? state.reviews[assigned]?.findLast(
				(r) => r.reviewerId === ctx.participantId && r.round === state.rounds
			)
		: undefined;
	// Copies throughout, so a view never aliases the live state that later inputs change.
	return structuredClone({
		prompts: config.prompts.map((p, i) => ({ id: `p${i + 1}`, ...p })),
		ownSituation: config.ownSituation,
		goalTypes: config.goalTypes.map((g) => ({
			type: g.type,
			name: GOAL_TYPE_NAME[g.type],
			when: g.when
		})),
		mine: {
			situation: entry?.situation ?? null,
			goalType: entry?.goalType ?? null,
			draft: entry?.draft ?? { text: '', achievable: null },
			goalId,
			v1: entry?.v1 ?? null,
			v2: entry?.v2 ?? null,
			inReview: goalId !== null && !review && Object.values(state.assignments).includes(goalId),
			review: review
				? { version: review.version, scores: review.scores, comment: review.comment }
				: null
		},
		toReview:
			assigned && authorEntry && shown
				? {
						goalId: assigned,
						situation: situationLabel(config, authorEntry.situation, true),
						goalType: authorEntry.goalType,
						text: shown.text,
						achievable: shown.achievable,
						mine: myReview ? { scores: myReview.scores, comment: myReview.comment } : null
					}
				: null
	});
}

/** The coach's checks in words, as the review's columns beside them ("yes", "partly", "no"). */
const checkColumns = (prefix: string, checks: Checks | null): ExportRow =>
	Object.fromEntries(
		CRITERIA.map((c) => [
			`${prefix} ${CRITERION_NAME[c].letter}`,
			checks ? (checks[c] ? 'yes' : 'no') : null
		])
	);

export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	return Object.entries(state.entries).map(([pid, entry]) => {
		const review = latestReview(state, entry.goalId);
		return {
			participant: names.get(pid) ?? 'Unknown participant',
			situation: situationLabel(ctx.config, entry.situation, true) || null,
			'goal type': entry.goalType ? GOAL_TYPE_NAME[entry.goalType] : null,
			'version 1': entry.v1?.text ?? null,
			'version 1 achievable (1-5)': entry.v1?.achievable ?? null,
			...checkColumns(
				'v1 coach',
				entry.v1 ? passes(entry.v1.text, entry.v1.achievable, entry.goalType) : null
			),
			'version 2': entry.v2?.text ?? null,
			'version 2 achievable (1-5)': entry.v2?.achievable ?? null,
			...checkColumns(
				'v2 coach',
				entry.v2 ? passes(entry.v2.text, entry.v2.achievable, entry.goalType) : null
			),
			...Object.fromEntries(
				CRITERIA.map((c) => [`review ${CRITERION_NAME[c].letter}`, review?.scores[c] ?? null])
			),
			'review comment': review?.comment ?? null,
			'reviewed version': review?.version ?? null,
			reviewer: review ? (names.get(review.reviewerId) ?? 'Unknown participant') : null,
			'draft (not submitted)': entry.v1 ? null : entry.draft.text || null
		};
	});
}
