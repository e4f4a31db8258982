/** Initials only, never names: the person being discussed is not in the room. */
export const INITIALS_MAX = 4;
export const INITIALS_MESSAGE = `Initials only, please: up to ${INITIALS_MAX} letters, like JS.`;

/** Spaces and dots are dropped ("j. s." → "JS") so people can type initials however they like. */
export function cleanInitials(raw: string): string {
	return raw.normalize('NFC').replace(/[\s.]/gu, '').toLocaleUpperCase('en');
}

/** Letters only (any script), counted as characters rather than UTF-16 units. */
export function initialsValid(clean: string): boolean {
	return [...clean].length <= INITIALS_MAX && /^\p{L}*$/u.test(clean);
}
