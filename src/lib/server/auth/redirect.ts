/**
 * Only paths on this site. Browsers strip tabs and newlines from a Location header and treat "\" as
 * "/", so "/\t/evil.example" would become "//evil.example": any control character or backslash is refused.
 */
export function safeNext(next: string | null, fallback = '/trainer'): string {
	// Control characters (C0 and DEL) and backslashes never belong in a redirect target.
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
	const base = 'http://app.invalid';
	try {
		const url = new URL(next, base);
		return url.origin === base ? url.pathname + url.search + url.hash : fallback;
	} catch {
		return fallback;
	}
}
