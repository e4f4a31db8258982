/**
 * A turn of the event loop's time budget for a long list of small jobs (phones' updates,
 * committed announcements): `spent()` says, after each job, whether the turn has run past `ms`,
 * so the rest goes in the next turn and the acks waiting behind it go in between. The clock is
 * read once every eight jobs: most jobs take microseconds.
 */
export function timeSlice(ms: number): () => boolean {
	const until = performance.now() + ms;
	let jobs = 0;
	return () => (++jobs & 7) === 0 && performance.now() > until;
}
