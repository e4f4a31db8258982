/**
 * Whether a request is for a trainer page, endpoint or form action. SvelteKit routes on the decoded
 * path, so the raw pathname is not enough: `/%74rainer` matches the `/trainer` route while
 * `pathname.startsWith('/trainer')` says no. The matched route decides; for a path that matches no
 * route, its decoded, lower-cased spelling does, so `/TRAINER` or `/%2574rainer` are refused as
 * trainer paths rather than answered by whatever comes next.
 */
export function isTrainerRequest(routeId: string | null, pathname: string): boolean {
	if (routeId !== null) return underTrainer(routeId);
	let path = pathname;
	// Up to three rounds of decoding covers double and triple encoding; a malformed escape stops it.
	for (let round = 0; round < 3; round++) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(path);
		} catch {
			break;
		}
		if (decoded === path) break;
		path = decoded;
	}
	return underTrainer(path.toLowerCase().replace(/\/{2,}/g, '/'));
}

function underTrainer(path: string): boolean {
	return path === '/trainer' || path.startsWith('/trainer/');
}
