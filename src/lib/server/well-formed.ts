const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether any text in a value holds half of a surrogate pair. JavaScript keeps such a string, but
 * SQLite stores UTF-8, where it becomes replacement characters: what was applied in memory would
 * differ from what a replay after a restart reads back. Iterative, so no nesting can overflow it.
 */
export function hasLoneSurrogate(value: unknown): boolean {
	const stack: unknown[] = [value];
	let seen = 0;
	while (stack.length) {
		const v = stack.pop();
		// Schema-checked values are small; a bound keeps a pathological one from costing more than that.
		if (++seen > 100_000) return true;
		if (typeof v === 'string') {
			if (LONE_SURROGATE.test(v)) return true;
		} else if (Array.isArray(v)) {
			for (const inner of v) stack.push(inner);
		} else if (v && typeof v === 'object') {
			// for…in and hasOwn, not Object.entries: no array per key for every input checked.
			for (const k in v) {
				if (!Object.hasOwn(v, k)) continue;
				if (LONE_SURROGATE.test(k)) return true;
				stack.push((v as Record<string, unknown>)[k]);
			}
		}
	}
	return false;
}

export const UNREADABLE_TEXT =
	'There is a character in your text that could not be read. Please retype it.';
