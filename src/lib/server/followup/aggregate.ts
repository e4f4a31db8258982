import {
	BARRIERS,
	CHECKPOINTS,
	MIN_ANSWERS,
	PROGRESS,
	type Checkpoint,
	type FollowUpSummary,
	type Held
} from '$lib/shared/follow-up';

export interface AnswerRow {
	participantId: string;
	checkpoint: Checkpoint;
	itemKey: string;
	progress: number;
	barriers: string[];
	helpedNote: string;
	barrierNote: string;
	confidence: number;
}

export interface LearnerInfo {
	participantId: string;
	shareQuotes: boolean;
	/** Item key → its type ("Performance goal", "One thing I will do differently") and confidence on the day. */
	items: Map<string, { type: string; confidenceThen: number | null }>;
}

export type { CheckpointSummary, FollowUpSummary, Held } from '$lib/shared/follow-up';

/** Thresholds count people, not answers: one person's three goals are still one person. */
const peopleIn = (rows: AnswerRow[]) => new Set(rows.map((r) => r.participantId)).size;
const round1 = (n: number) => Math.round(n * 10) / 10;
const held = <T>(n: number, value: () => T): Held<T> =>
	n >= MIN_ANSWERS ? { shown: true, n, value: value() } : { shown: false, n };

/** The trainer's picture of a session's (or several sessions') follow-up: counts and means only. */
export function summarise(learners: LearnerInfo[], answers: AnswerRow[]): FollowUpSummary {
	const byId = new Map(learners.map((l) => [l.participantId, l]));
	const mine = answers.filter((a) => byId.has(a.participantId));
	return {
		optedIn: learners.length,
		checkpoints: CHECKPOINTS.map((checkpoint) => {
			const rows = mine.filter((a) => a.checkpoint === checkpoint);
			const people = new Set(rows.map((r) => r.participantId));
			const typeOf = (r: AnswerRow) => byId.get(r.participantId)?.items.get(r.itemKey);
			const types = [...new Set(rows.map((r) => typeOf(r)?.type ?? 'Other'))].sort();
			const progress = types.map((type) => {
				const these = rows.filter((r) => (typeOf(r)?.type ?? 'Other') === type);
				return {
					type,
					counts: held(peopleIn(these), () =>
						PROGRESS.map((_, step) => these.filter((r) => r.progress === step).length)
					)
				};
			});
			const paired = rows.flatMap((r) => {
				const then = typeOf(r)?.confidenceThen;
				return then == null ? [] : [{ then, now: r.confidence, who: r.participantId }];
			});
			const mean = (xs: number[]) => round1(xs.reduce((s, x) => s + x, 0) / xs.length);
			const barrierPeople = new Set(rows.map((r) => r.participantId));
			const quotes = rows
				.filter((r) => byId.get(r.participantId)?.shareQuotes)
				.flatMap((r) => [r.helpedNote, r.barrierNote])
				.filter(Boolean)
				.sort((a, b) => a.localeCompare(b, 'en'));
			const quoters = new Set(
				rows.filter((r) => byId.get(r.participantId)?.shareQuotes).map((r) => r.participantId)
			);
			return {
				checkpoint,
				responded: people.size,
				progress,
				confidence: held(new Set(paired.map((p) => p.who)).size, () => ({
					then: mean(paired.map((p) => p.then)),
					now: mean(paired.map((p) => p.now))
				})),
				barriers: held(barrierPeople.size, () =>
					BARRIERS.map((barrier) => ({
						barrier,
						count: rows.filter((r) => r.barriers.includes(barrier)).length
					}))
						.filter((b) => b.count > 0)
						.sort((a, b) => b.count - a.count)
				),
				// Quotes need as many people behind them as any aggregate, so none can be traced to the one who wrote it.
				quotes: held(quoters.size, () => quotes)
			};
		})
	};
}
