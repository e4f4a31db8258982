import { SCALE_PRESETS, type Config } from './schema';

/** One item as phones see it: no dimension and no scoring key, so the answer is not steered. */
export interface Item {
	id: string;
	text: string;
}

export interface ScalePoint {
	value: number;
	label: string;
}

export interface Dimension {
	id: string;
	name: string;
	description: string;
	/** Okabe–Ito colour; every use also carries the name and value as text. */
	colour: string;
}

/** Okabe–Ito, without yellow and black (too little contrast as fills on the light and dark themes). */
export const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;

export function itemId(index: number): string {
	return `q${index + 1}`;
}

export function itemsOf(config: Config): Item[] {
	return config.items.map((item, i) => ({ id: itemId(i), text: item.text }));
}

export function scaleOf(config: Config): ScalePoint[] {
	const labels: readonly string[] =
		typeof config.scale === 'string' ? SCALE_PRESETS[config.scale] : config.scale;
	return labels.map((label, i) => ({ value: i + 1, label }));
}

export function dimensionsOf(config: Config): Dimension[] {
	return config.dimensions.map((d, i) => ({
		id: d.id,
		name: d.name,
		description: d.description,
		colour: COLOURS[i % COLOURS.length]!
	}));
}

export interface DimensionScore {
	id: string;
	/** Average of the item scores (reverse items flipped), on the scale's own 1…n; null while none is rated. */
	mean: number | null;
	rated: number;
	total: number;
}

export interface Profile {
	scores: DimensionScore[];
	/** The highest-scoring dimension(s); ties name each; empty when all are level. */
	highest: string[];
}

/**
 * The scoring key: each item adds its rating to its dimension (a reverse item adds n + 1 − rating),
 * and a dimension's score is the average of its items, so dimensions with more items are not favoured.
 */
export function profileOf(config: Config, ratings: Readonly<Record<string, number>>): Profile {
	const top = scaleOf(config).length;
	const scores = config.dimensions.map((d): DimensionScore => {
		const values: number[] = [];
		let total = 0;
		config.items.forEach((item, i) => {
			if (item.dimension !== d.id) return;
			total += 1;
			const v = ratings[itemId(i)];
			if (v !== undefined) values.push(item.reverse ? top + 1 - v : v);
		});
		const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
		return { id: d.id, mean, rated: values.length, total };
	});
	return { scores, highest: highestOf(scores) };
}

export function highestOf(scores: DimensionScore[]): string[] {
	const rated = scores.filter((s): s is DimensionScore & { mean: number } => s.mean !== null);
	if (rated.length === 0) return [];
	const best = Math.max(...rated.map((s) => s.mean));
	// Compare after rounding away float noise (2.6666… from two routes must tie).
	const highest = rated.filter((s) => Math.abs(s.mean - best) < 1e-9).map((s) => s.id);
	return highest.length === scores.length ? [] : highest;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** "3.4": one decimal is as precise as a short rating scale deserves. */
export function formatScore(mean: number | null): string {
	return mean === null ? '–' : mean.toFixed(1);
}

export interface RoomDimension extends Dimension {
	/** The room's average of each person's score, to one decimal. */
	mean: number;
	/** People whose highest score is this dimension (ties count for each). */
	highest: number;
}

/** What the projector may show: counts and averages of completed answers, nothing per person. */
export type RoomView = { /** The trainer's note, shown under the picture. */ note: string } &
	/** `held`: enough have finished, but the results wait for the trainer's reveal. */
	(
		| { ready: false; completed: number; needed: number; held: boolean }
		| {
				ready: true;
				completed: number;
				needed: number;
				/** The scale's top value, for drawing bars. */
				top: number;
				dimensions: RoomDimension[];
				/** People whose scores are all level, so no dimension is the highest. */
				level: number;
		  }
	);

export function roomView(config: Config, completed: Readonly<Record<string, number>>[]): RoomView {
	const profiles = completed.map((r) => profileOf(config, r));
	const dimensions = dimensionsOf(config).map((d, i): RoomDimension => {
		const sum = profiles.reduce((s, p) => s + (p.scores[i]?.mean ?? 0), 0);
		return {
			...d,
			mean: round1(sum / profiles.length),
			highest: profiles.filter((p) => p.highest.includes(d.id)).length
		};
	});
	return {
		note: config.note,
		ready: true,
		completed: profiles.length,
		needed: config.minAnswers,
		top: scaleOf(config).length,
		dimensions,
		level: profiles.filter((p) => p.highest.length === 0).length
	};
}
