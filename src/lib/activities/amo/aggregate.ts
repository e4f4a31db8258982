import { profileOf, type Band, type Profile, type Rating } from './profile';
import { DIMENSIONS, type Dimension, type Statement } from './statements';

export interface RoomDimension {
	dimension: Dimension;
	/** The room's average of each person's average, to one decimal. */
	mean: number;
	/** How many people's average falls in each band. */
	bands: Record<Band, number>;
}

/** What the projector may show: counts and averages of completed answers, nothing per person. */
export type RoomView =
	/** `held`: enough have finished, but the results wait for the trainer's reveal. */
	| { ready: false; completed: number; needed: number; held?: boolean }
	| {
			ready: true;
			completed: number;
			needed: number;
			dimensions: RoomDimension[];
			/** People for whom each dimension is the lowest (ties count for each). */
			weakest: Record<Dimension, number>;
			/** People whose three averages are level, so no dimension is the weakest. */
			level: number;
	  };

const round1 = (n: number) => Math.round(n * 10) / 10;

export function roomView(
	statements: Statement[],
	completedRatings: Readonly<Record<string, Rating>>[],
	needed: number
): RoomView {
	const completed = completedRatings.length;
	// Below the threshold even a count per band could single a person out, so nothing but progress.
	if (completed < needed) return { ready: false, completed, needed };

	const profiles: Profile[] = completedRatings.map((r) => profileOf(statements, r));
	const dimensions = DIMENSIONS.map((dimension, i): RoomDimension => {
		const bands: Record<Band, number> = { low: 0, middle: 0, high: 0 };
		let sum = 0;
		for (const p of profiles) {
			const score = p.scores[i];
			if (score?.mean == null || score.band == null) continue;
			bands[score.band] += 1;
			sum += score.mean;
		}
		return { dimension, mean: round1(sum / profiles.length), bands };
	});
	const weakest: Record<Dimension, number> = { ability: 0, motivation: 0, opportunity: 0 };
	let level = 0;
	for (const p of profiles) {
		if (p.weakest.length === 0) level += 1;
		for (const d of p.weakest) weakest[d] += 1;
	}
	return { ready: true, completed, needed, dimensions, weakest, level };
}
