/** A projector view that took t ms to build and send waits WIDEN × t before the next. */
export const WIDEN = 5;
/** …but never more than this: on a starved machine the projector still moves every second. */
export const MAX_WAIT_MS = 1000;

/**
 * How long a room's next projector view waits after one that took `took` ms, when the one before
 * it took `before` (undefined for the first): at least `delayMs`, else WIDEN times the cheaper of
 * the two. One slow build (a garbage collection landing in it, the machine busy for a moment) does
 * not hold the next view back, which would keep every input of that longer window off the screen;
 * a view that has become dear (hundreds of groups' pyramids) widens from its second build on, so
 * the whole-room picture stays at most about a sixth of the server's time.
 */
export function trainerWait(took: number, before: number | undefined, delayMs: number): number {
	const cost = before === undefined ? took : Math.min(took, before);
	return Math.min(MAX_WAIT_MS, Math.max(delayMs, WIDEN * cost));
}
