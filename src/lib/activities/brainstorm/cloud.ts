import type { WordCount } from './words';

export interface CloudWord extends WordCount {
	/** Font size in em: 0.9 for the rarest shown, up to 3 for the most used. */
	size: number;
	/** The few most used words get the accent colour. */
	strong: boolean;
}

/**
 * Lays the words out for a plain flex-wrap cloud: the biggest in the middle, the rest alternating
 * to either side, so the eye lands on the most used word first.
 */
export function cloudLayout(words: WordCount[]): CloudWord[] {
	if (!words.length) return [];
	const max = words[0]!.count;
	const min = words.at(-1)!.count;
	const span = Math.max(1, max - min);
	const out: CloudWord[] = [];
	words.forEach((w, i) => {
		const sized = {
			...w,
			size: Math.round((0.9 + (2.1 * (w.count - min)) / span) * 100) / 100,
			strong: i < 3 && w.count > 1
		};
		if (i % 2 === 0) out.push(sized);
		else out.unshift(sized);
	});
	return out;
}
