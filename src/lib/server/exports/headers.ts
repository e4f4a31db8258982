/**
 * Column headers in the words a facilitator uses. Tables and activities keep machine keys (the JSON
 * export is for programs and keeps them); CSVs and the workbook show these instead.
 */
const WORDS: Record<string, string> = {
	seq: 'No.',
	runId: 'Activity ID',
	participantId: 'Participant ID',
	inputId: 'Input ID',
	kind: 'Kind of input',
	from: 'From',
	plannedStart: 'Planned start',
	plannedMinutes: 'Planned minutes',
	actualStart: 'Actual start',
	actualMinutes: 'Actual minutes',
	differenceMinutes: 'Difference (minutes)',
	secondsOnSlide: 'Time on slide (seconds)',
	stepLabel: 'Step',
	step: 'Step number',
	ratedBy: 'Rated by',
	mergedInto: 'Merged into',
	likelyCause: 'Likely cause',
	chosenCause: 'Chosen cause',
	cardTitle: 'Card title',
	card: 'Card',
	stepsCovered: 'Steps covered',
	stepsCount: 'Number of steps covered',
	observerTicks: 'Observer ticks',
	observerNotes: 'Observer notes',
	type: 'Type',
	people: 'People who answered',
	groups: 'Groups',
	criteria: 'ILM criteria',
	saved: 'Saved'
};

/** "ratedBy" → "Rated by", "goal type" → "Goal type"; known keys from the table above. */
export function headerOf(key: string): string {
	const known = WORDS[key];
	if (known) return known;
	const words = /^[a-z][a-zA-Z0-9]*$/.test(key)
		? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
		: key;
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Headers for a table's columns, made unique if two keys read the same ("step" and "Step"). */
export function headersOf(columns: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return columns.map((c) => {
		const h = headerOf(c);
		const n = (seen.get(h.toLowerCase()) ?? 0) + 1;
		seen.set(h.toLowerCase(), n);
		return n === 1 ? h : `${h} (${n})`;
	});
}
