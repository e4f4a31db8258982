import type { AgendaPlan } from './agenda';
import type { VideoInfo, VideoState } from './video';

/**
 * Slides in the run of show: a block names its slides as text ("3", "6-14", "25–26", "27–34, 44"),
 * parsed here into page ranges; the server owns where the room is in them, like the clock.
 */

export type SlideRange = readonly [from: number, to: number];

export type SlideRefResult = { ok: true; ranges: SlideRange[] } | { ok: false; error: string };

/** No deck has more pages than this (uploads over it are refused), so no range may point past it. */
export const MAX_DECK_PAGES = 500;

/** "3", "6-14", "25–26" (en dash), "27—34", "27 to 34", separated by commas, semicolons or "and". */
export function parseSlideRef(text: string): SlideRefResult {
	const trimmed = text.trim();
	if (!trimmed) return { ok: false, error: 'no slides named' };
	const ranges: SlideRange[] = [];
	for (const raw of trimmed.split(/\s*(?:,|;|\band\b|&)\s*/i)) {
		const part = raw.trim();
		if (!part) return { ok: false, error: `“${text}” has an empty part between commas` };
		const m = /^(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?$/i.exec(part);
		if (!m) return { ok: false, error: `“${part}” is not a slide number or a range like 6–14` };
		const from = Number(m[1]);
		const to = m[2] === undefined ? from : Number(m[2]);
		if (from < 1) return { ok: false, error: 'slides are numbered from 1' };
		if (to < from) return { ok: false, error: `“${part}” runs backwards: write ${to}–${from}` };
		if (to > MAX_DECK_PAGES)
			return { ok: false, error: `slide ${to} is past the ${MAX_DECK_PAGES}-page limit` };
		ranges.push([from, to]);
	}
	return { ok: true, ranges };
}

/** The pages a reference names, in order, each once. */
export function pagesOf(ranges: readonly SlideRange[]): number[] {
	const seen = new Set<number>();
	const out: number[] = [];
	for (const [from, to] of ranges)
		for (let p = from; p <= to; p++)
			if (!seen.has(p)) {
				seen.add(p);
				out.push(p);
			}
	return out;
}

/** A problem with a block's slides against a deck of `pageCount` pages (null: no deck, only the syntax). */
export function slideRefProblem(text: string | undefined, pageCount: number | null): string | null {
	if (text === undefined || !text.trim()) return null;
	const parsed = parseSlideRef(text);
	if (!parsed.ok) return `slides: ${parsed.error}`;
	if (pageCount === null) return null;
	const past = pagesOf(parsed.ranges).filter((p) => p > pageCount);
	if (past.length === 0) return null;
	return `slides: ${past.length === 1 ? `slide ${past[0]} is` : `slides ${past[0]}–${past.at(-1)} are`} past the end of the deck (${pageCount} pages)`;
}

/**
 * The deck pages block `index` shows: its reference parsed and cut to the deck. A block with no
 * reference or a broken one shows no slides (the editor and content:check warn about it).
 */
export function blockPages(plan: AgendaPlan, index: number, pageCount: number): number[] {
	const text = plan.blocks[index]?.resources?.slides;
	if (!text) return [];
	const parsed = parseSlideRef(text);
	if (!parsed.ok) return [];
	return pagesOf(parsed.ranges).filter((p) => p <= pageCount);
}

/** What a room's screens show of the deck. `block`/`slide` say where; a block change resets to its first slide. */
export interface SlidePosition {
	/** The agenda block the position belongs to; another block means its first slide. */
	block: number;
	/** Index into that block's pages. */
	slide: number;
	/** B and W, as in PowerPoint: the screen goes black or white, the position stays. */
	blank: 'black' | 'white' | null;
}

/** A room's deck as its screens need it: where to fetch it and its size. */
export interface DeckInfo {
	hash: string;
	pages: number;
	bytes: number;
	name: string;
}

/** One entry per page shown: when it appeared. Time on a slide runs to the next entry. */
export interface SlideLogEntry {
	block: number;
	page: number;
	at: number;
}

export interface SlideState {
	position: SlidePosition;
	log: SlideLogEntry[];
	/** Phones show the current slide too (a per-session switch, off by default; absent in older rows). */
	follow?: boolean;
	/** A video block's talk: playing or paused, shown or put aside for the slides. */
	video?: VideoState;
}

export const initialSlides = (): SlideState => ({
	position: { block: 0, slide: 0, blank: null },
	log: []
});

/** The slide index within the current block, however the block was reached. */
export function slideIndex(position: SlidePosition, current: number, count: number): number {
	if (position.block !== current || count === 0) return 0;
	return Math.min(Math.max(0, position.slide), count - 1);
}

/** The whole view of the deck for the trainer's screens. */
export interface SlideView {
	roomId: string;
	deck: DeckInfo | null;
	position: SlidePosition;
	/** Whether seated phones show the current slide. */
	follow: boolean;
	/** The session's attached video file (null: video blocks play their YouTube link, if any). */
	videoFile: VideoInfo | null;
	/** Play/pause and shown/hidden of the current video block's video. */
	video: VideoState;
}

/**
 * The slide a following phone shows: the page and a version (the deck's hash, shortened) so a new
 * deck never shows an old picture. Null when following is off, the screen is blanked or the block has no slides.
 */
export interface PhoneSlide {
	page: number;
	v: string;
}

export type SlideControl =
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'goto'; block: number; slide: number }
	| { type: 'blank'; blank: 'black' | 'white' | null }
	| { type: 'follow'; follow: boolean }
	| { type: 'video'; action: 'play' | 'pause' | 'show' | 'hide' };

/** What a following phone shows now (see PhoneSlide), from the room's plan, clock and deck. */
export function phoneSlide(
	plan: AgendaPlan,
	run: { phase: string; current: number },
	deck: DeckInfo | null,
	slides: SlideState
): PhoneSlide | null {
	if (!deck || !slides.follow || slides.position.blank) return null;
	if (run.phase !== 'running' && run.phase !== 'paused') return null;
	const { block } = slides.position;
	if (block !== run.current) return null;
	const pages = blockPages(plan, block, deck.pages);
	const page = pages[slideIndex(slides.position, block, pages.length)];
	return page === undefined ? null : { page, v: deck.hash.slice(0, 16) };
}

/**
 * Where a step lands: inside the block, or into the neighbouring block (its first slide going
 * forward, its last going back), as PowerPoint does across sections.
 */
export function stepTarget(
	plan: AgendaPlan,
	current: number,
	position: SlidePosition,
	pageCount: number,
	direction: 1 | -1
): { block: number; slide: number } | null {
	const pages = blockPages(plan, current, pageCount);
	const at = slideIndex(position, current, pages.length);
	const inside = at + direction;
	if (pages.length > 0 && inside >= 0 && inside < pages.length)
		return { block: current, slide: inside };
	const block = current + direction;
	if (block < 0 || block >= plan.blocks.length) return null;
	if (direction === 1) return { block, slide: 0 };
	return { block, slide: Math.max(0, blockPages(plan, block, pageCount).length - 1) };
}

/** Seconds on each page shown, in the order first shown (for the timing report and exports). */
export function slideTimes(
	log: readonly SlideLogEntry[],
	end: number
): { block: number; page: number; ms: number }[] {
	const out = new Map<string, { block: number; page: number; ms: number }>();
	log.forEach((entry, i) => {
		const until = log[i + 1]?.at ?? end;
		const key = `${entry.block}:${entry.page}`;
		const row = out.get(key) ?? { block: entry.block, page: entry.page, ms: 0 };
		row.ms += Math.max(0, until - entry.at);
		out.set(key, row);
	});
	return [...out.values()];
}
