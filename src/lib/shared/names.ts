export const NAME_MAX = 40;

export type NameCheck = { ok: true; name: string; key: string } | { ok: false; error: string };

// Control, format (bidi overrides, zero-width space) and line separators, and half of a surrogate
// pair (unreadable, and stored as replacement characters). The zero-width joiner and non-joiner are
// allowed: emoji sequences and several scripts (Persian, Hindi) need them.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** Whether a name holds a character that is invisible or changes how the text around it reads. */
export function hasHiddenCharacter(name: string): boolean {
	return INVISIBLE.test(name);
}

/** Shared by the phone (instant feedback) and the server (the rule that counts). */
export function checkDisplayName(raw: unknown): NameCheck {
	if (typeof raw !== 'string') return { ok: false, error: 'Please type your name.' };
	const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
	if (name.length === 0) return { ok: false, error: 'Please type your name.' };
	if (INVISIBLE.test(name))
		return { ok: false, error: 'Your name has a hidden character in it. Please retype it.' };
	if ([...name].length > NAME_MAX) {
		return { ok: false, error: `Please keep your name to ${NAME_MAX} characters or fewer.` };
	}
	return { ok: true, name, key: nameKey(name) };
}

/** Two names that differ only by case or accents-as-composed are the same person to the room. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/gu, ' ').trim();
}
