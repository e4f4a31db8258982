/**
 * Short English stop-word list: the glue words that would otherwise top every cloud.
 * Kept small on purpose; "team", "staff" and "time" stay, because they say something here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a an the and or but nor so yet of to in on at by for from with without into onto over under about as ' +
		'is are was were be been being am do does did done have has had can could will would should may might must shall ' +
		'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
		'this that these those there here what which who whom whose when where why how ' +
		'all any some each every more most other such no not only own same than too very just also ' +
		'if then else up down out off again once get got give make let etc e.g eg ie via per ' +
		"it's don't can't won't isn't aren't i'm we're they're you're"
	).split(' ')
);

export interface WordCount {
	word: string;
	count: number;
}

/**
 * Lower-case words of two or more letters. Apostrophes stay inside words ("don't"); hyphens split
 * them, so "thank-you" and "thank you" both count for "thank".
 */
export function wordsOf(text: string): string[] {
	const found =
		text
			.toLowerCase()
			.replace(/’/g, "'")
			.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
	return found.filter((w) => w.length >= 2 && !/^\d+$/.test(w) && !STOP_WORDS.has(w));
}

/**
 * How many cards use each word (a word counts once per card, so one card repeating "thanks"
 * cannot fill the cloud). Most used first, then alphabetical, at most `limit` words.
 */
export function wordCounts(texts: string[], limit = 40): WordCount[] {
	const counts = new Map<string, number>();
	for (const text of texts)
		for (const w of new Set(wordsOf(text))) counts.set(w, (counts.get(w) ?? 0) + 1);
	return [...counts]
		.map(([word, count]) => ({ word, count }))
		.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
		.slice(0, limit);
}
