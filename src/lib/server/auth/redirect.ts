/** Only same-site paths: "/trainer" yes; "//evil.example" and "https://…" never. */
export function safeNext(next: string | null, fallback = '/trainer'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}
