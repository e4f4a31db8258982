import { z } from 'zod';
import { InputRejected } from '../contract';

/**
 * A text part several people may edit (a group's or a pair's plan): the server decides conflicts,
 * so a phone never erases a text its person has not seen. Shared by the conversation cards and
 * *plan a conversation*.
 */

/** What the person whose text was overwritten or merged is told, until they next edit this part. */
export interface PartNotice {
	kind: 'replaced' | 'merged';
	/** The participant whose text it was. */
	of: string;
	/** Who replaced or merged it. */
	by: string;
	/** Their text as it was, so nothing is lost even when it was replaced. */
	text: string;
}

export interface PartEntry {
	text: string;
	by: string;
	/** Counts saves: a phone sends the one its text is based on. */
	rev: number;
	at?: number;
	notice?: PartNotice | null;
}

/** How a phone settles a conflict it was shown: its own text over theirs, or both texts kept. */
export const RESOLUTIONS = ['mine', 'both'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** The fields an edit adds to a type's own `edit` input. */
export const editFields = {
	/**
	 * The save the phone's text was based on. Phones always send it; an input without it (a script,
	 * an old tab) overwrites blindly, as before this check existed.
	 */
	baseRev: z
		.number({ error: 'Refresh the page: this phone lost track of the plan.' })
		.int()
		.min(0)
		.max(1_000_000)
		.optional(),
	resolve: z.enum(RESOLUTIONS, { error: 'Choose keep both, keep mine or take theirs.' }).optional()
};

export interface PartEdit {
	text: string;
	baseRev?: number;
	resolve?: Resolution;
}

export const CONFLICT =
	'Someone else changed this part while you were typing, so your text is not saved. Choose keep both, keep mine or take theirs.';

/** Their text, then ours on a new line; one that already holds the other is kept alone. */
export function mergeTexts(theirs: string, mine: string): string {
	const a = theirs.trimEnd();
	const b = mine.trim();
	if (!b || a.includes(b)) return a;
	if (!a.trim() || b.includes(a.trim())) return mine;
	return `${a}\n${b}`;
}

/**
 * The part after `who`'s edit, or null when nothing changes. Refuses (before any change) a save
 * based on an older text someone else wrote, unless the phone says how to settle it; "keep both"
 * merges on the server, so the merged text is exactly what is stored and checked for length.
 */
export function editPart(
	current: PartEntry | undefined,
	edit: PartEdit,
	who: string,
	at: number,
	max: number
): PartEntry | null {
	const rev = current?.rev ?? 0;
	const theirs = current && current.by !== who && current.text !== edit.text;
	// A save based on an older text is ours coming back (fine) or someone else's (a conflict).
	const stale = edit.baseRev !== undefined && edit.baseRev !== rev;
	if (theirs && stale) throw new InputRejected(CONFLICT);
	if (edit.resolve && stale)
		throw new InputRejected(`${CONFLICT} It changed again since you looked.`);
	let text = edit.text;
	if (edit.resolve === 'both' && current) {
		text = mergeTexts(current.text, edit.text);
		if (text.length > max)
			throw new InputRejected(
				`Both texts together are longer than ${max} characters: shorten yours, then choose keep both again.`
			);
	}
	if (current?.text === text) return null;
	// The one whose text gave way is told; their own next edit clears it.
	let notice = current?.notice && current.notice.of !== who ? current.notice : null;
	if (edit.resolve && current && theirs && current.text.trim())
		notice = {
			kind: edit.resolve === 'mine' ? 'replaced' : 'merged',
			of: current.by,
			by: who,
			text: current.text
		};
	return { text, by: who, at, rev: rev + 1, notice };
}

/** A choice one member makes for the group (the likely cause), and what it was before. */
export interface SharedChoice<V> {
	value: V | null;
	by: string;
	at: number;
	/** The value before this change, so every other member's phone can say what changed. */
	from?: V | null;
}

export function choose<V>(
	current: SharedChoice<V> | null | undefined,
	value: V | null,
	who: string,
	at: number
): SharedChoice<V> {
	return { value, by: who, at, from: current?.value ?? null };
}

/** A part as a phone sees it. */
export interface PhonePart {
	text: string;
	/** Changes with every save: a phone sends it back with its next save. */
	rev: number;
	/** Who saved it last (a member of the group), null if nobody yet. */
	by: string | null;
	mine: boolean;
	/** Only on the phone of the person whose text was replaced or merged. */
	notice: { kind: PartNotice['kind']; by: string; text: string } | null;
}

export function phonePart(
	e: PartEntry | undefined,
	me: string,
	nameOf: (id: string) => string | null
): PhonePart {
	const n = e?.notice;
	return {
		text: e?.text ?? '',
		rev: e?.rev ?? 0,
		by: e ? nameOf(e.by) : null,
		mine: e?.by === me,
		notice: n && n.of === me ? { kind: n.kind, by: nameOf(n.by) ?? 'Someone', text: n.text } : null
	};
}

/** A group choice as a phone sees it: `changed` is set on the other members' phones. */
export interface PhoneChoice<V> {
	value: V | null;
	by: string | null;
	mine: boolean;
	/** Another member changed it (from `from`, null when it was not chosen before). */
	changed: { from: V | null } | null;
}

export function phoneChoice<V>(
	c: SharedChoice<V> | null | undefined,
	me: string,
	nameOf: (id: string) => string | null
): PhoneChoice<V> {
	return {
		value: c?.value ?? null,
		by: c ? nameOf(c.by) : null,
		mine: c?.by === me,
		changed: c && c.by !== me ? { from: c.from ?? null } : null
	};
}
