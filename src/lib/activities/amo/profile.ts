import { DIMENSIONS, type Dimension, type Statement } from './statements';

export type Rating = 1 | 2 | 3 | 4 | 5;

/**
 * Score bands for a dimension's average on the 1–5 scale. 3 is "neither agree nor disagree", so an
 * average below 2.5 leans to disagreement (low) and 3.5 or more leans to agreement (high).
 */
export const BANDS = ['low', 'middle', 'high'] as const;
export type Band = (typeof BANDS)[number];
export const LOW_BELOW = 2.5;
export const HIGH_FROM = 3.5;

export function bandOf(mean: number): Band {
	if (mean < LOW_BELOW) return 'low';
	if (mean >= HIGH_FROM) return 'high';
	return 'middle';
}

export interface DimensionScore {
	dimension: Dimension;
	/** Average of the rated statements; null while none is rated. */
	mean: number | null;
	band: Band | null;
	rated: number;
	total: number;
}

export interface Profile {
	scores: DimensionScore[];
	/** The lowest-scoring dimension(s); empty when all three are level (no single weak spot). */
	weakest: Dimension[];
}

export function scoreDimension(
	dimension: Dimension,
	statements: Statement[],
	ratings: Readonly<Record<string, Rating>>
): DimensionScore {
	const own = statements.filter((s) => s.dimension === dimension);
	const values = own.map((s) => ratings[s.id]).filter((v): v is Rating => v !== undefined);
	const mean = values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
	return {
		dimension,
		mean,
		band: mean === null ? null : bandOf(mean),
		rated: values.length,
		total: own.length
	};
}

/** Ties count for each tied dimension: a person low on both A and M is weak on both. */
export function weakestOf(means: Record<Dimension, number>): Dimension[] {
	const lowest = Math.min(...DIMENSIONS.map((d) => means[d]));
	const weakest = DIMENSIONS.filter((d) => means[d] === lowest);
	return weakest.length === DIMENSIONS.length ? [] : weakest;
}

export function profileOf(
	statements: Statement[],
	ratings: Readonly<Record<string, Rating>>
): Profile {
	const scores = DIMENSIONS.map((d) => scoreDimension(d, statements, ratings));
	const means = Object.fromEntries(scores.map((s) => [s.dimension, s.mean ?? 0])) as Record<
		Dimension,
		number
	>;
	return { scores, weakest: weakestOf(means) };
}

/** "3.4": one decimal is as precise as a 1–5 agreement scale deserves. */
export function formatMean(mean: number | null): string {
	return mean === null ? '–' : mean.toFixed(1);
}
