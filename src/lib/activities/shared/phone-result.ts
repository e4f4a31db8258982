/**
 * The results a phone may show once the trainer reveals them: the room's totals exactly as the
 * projector shows them (never anyone's own answer but the phone's owner's), drawn by one shared
 * component. A type without one makes the phone say "The results are on the screen".
 */
export interface PhoneResult {
	/** What the bars count, e.g. "How the room answered". */
	heading: string;
	rows: {
		label: string;
		count: number;
		/** This person's (or their group's) own pick: said in words, not only by colour. */
		mine?: boolean;
	}[];
	/** What the counts are out of, e.g. 24 (people) or 8 (conversations). */
	total: number;
	/** "people", "groups", "conversations". */
	unit: string;
	/** One more line, e.g. the card's likely cause against the group's choice. */
	note?: string;
}

/** Bars from counts per option, marking the person's own picks. */
export function countsResult(
	heading: string,
	labels: readonly string[],
	counts: readonly number[],
	total: number,
	unit: string,
	mine: readonly number[] = []
): PhoneResult {
	return {
		heading,
		rows: labels.map((label, i) => ({ label, count: counts[i] ?? 0, mine: mine.includes(i) })),
		total,
		unit
	};
}
