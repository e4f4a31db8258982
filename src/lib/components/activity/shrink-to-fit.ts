import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Makes a projector box's content fit the box without cutting anything: items are hidden until
 * the content is no taller and no wider than the box, and each list's "+N more" says how many it
 * holds back. A list is an element marked `data-fit-list`; its children are its items, except one
 * child marked `data-more`, which carries the count (plus `data-unsent`, items the view never sent).
 *
 * Fair across lists: the lists showing the most items give way first (every list is cut to the
 * same number of items, the most that fits), so a busy step gives way before a quiet one and the
 * room sees a few from every step rather than everything from one. Then no room is left empty:
 * every hidden item that fits is shown, the list showing the fewest served first, and a later,
 * shorter item may stand in for an earlier one that does not fit (the count says how many are
 * held back, whichever they are).
 *
 * Measured, not guessed: the box's height may follow its content (a centred stage), and a chip's
 * width, a wrapped label or a "+N more" moving to the next line all decide what fits. Each
 * measure is a layout, so it takes few: one when all fits (the usual case), else about five to
 * find the cut, then one per hidden item that could still fit. A box with a denser layout
 * (`options.dense`) is fitted again in it when the usual one would be cut or starve a list.
 */
export function shrinkToFit(box: HTMLElement, options: FitOptions = {}): void {
	box.removeAttribute('data-fit-dense');
	const loose = fit(box);
	if (!options.dense || (!loose.over && loose.starved === 0)) return;
	box.setAttribute('data-fit-dense', '');
	const dense = fit(box);
	// Cut either way: the denser one cuts less.
	if (score(dense) > score(loose) || dense.over) return;
	box.removeAttribute('data-fit-dense');
	fit(box);
}

export interface FitOptions {
	/**
	 * The box has a denser layout (its CSS under `[data-fit-dense]`: tighter lines and spacing, never
	 * smaller type), worth taking when the usual one would cut the box or leave a list showing none
	 * of its items. Taken only when it does better: the usual look stays whenever it is good enough.
	 */
	dense?: boolean;
}

/** What a fit came to: whether the box still overflows, how many items show, how many lists none. */
interface Outcome {
	over: boolean;
	shown: number;
	starved: number;
}
/** Not cut first, then the fewest lists with nothing shown, then the most items. */
const score = (o: Outcome) => (o.over ? -Infinity : o.shown - o.starved * 10_000);

function fit(box: HTMLElement): Outcome {
	const lists = [...box.querySelectorAll<HTMLElement>('[data-fit-list]')].map(fitList);
	for (const list of lists) {
		for (const item of list.items) item.style.display = '';
		list.count();
	}
	const over = () =>
		box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
	const outcome = (): Outcome => ({
		over: over(),
		shown: lists.reduce((n, l) => n + l.items.length - l.hidden, 0),
		starved: lists.filter((l) => l.items.length > 0 && l.hidden === l.items.length).length
	});
	if (lists.length === 0 || !over()) return outcome();
	// The most the box can be tall: it overflows now, so it is as tall as it gets (it may follow its
	// content, on a centred stage). And each item's size, all shown: see step 2.
	const room = box.clientHeight + 1;
	for (const list of lists) list.sizes = list.items.map((item) => item.getBoundingClientRect());

	// 1. The largest cap (every list shows at most its first `cap` items) that fits: the fullest
	// lists give way first, all by the same amount.
	let fits = 0;
	let tooMany = Math.max(...lists.map((l) => l.items.length));
	let tried = -1;
	while (tooMany - fits > 1) {
		const cap = (fits + tooMany) >> 1;
		for (const list of lists) list.cap(cap);
		tried = cap;
		if (over()) tooMany = cap;
		else fits = cap;
	}
	if (tried !== fits) {
		for (const list of lists) list.cap(fits);
		// Even with every item hidden (labels and counts only) the box overflows: nothing to give back.
		if (fits === 0 && over()) return outcome();
	}

	// 2. What room is left goes back item by item. A band's height depends on its own list only and
	// the bands stack, so an item costs what it adds to its band, and it fits while the costs stay
	// within the room left. An item that adds nothing is kept at once. Otherwise the list showing
	// the fewest items is served first (then the cheaper item, then the shorter band), so the fullest
	// list still gives way first. In each list the items are tried in order, and one that costs more
	// than the room left never fits (room only shrinks): the next one is tried instead, and any item
	// at least as wide and tall as a failed one is passed over unmeasured.
	let left = Math.max(0, room - contentHeight(box));
	const shown: { list: FitList; i: number }[] = [];
	const open = lists
		.filter((list) => list.hidden > 0)
		.map((list) => ({
			list,
			next: fits,
			/** The next item to show and what it would add to the band, or none left that could fit. */
			item: -1,
			cost: 0,
			height: list.band.getBoundingClientRect().height,
			failed: [] as DOMRect[]
		}));
	/** Finds the list's next item that could fit, keeping the free ones on the way. */
	const nextOf = (o: (typeof open)[number]) => {
		o.item = -1;
		while (o.next < o.list.items.length) {
			const i = o.next++;
			if (o.list.shown[i]) continue;
			const size = o.list.sizes[i]!;
			if (o.failed.some((f) => f.width <= size.width + 0.5 && f.height <= size.height + 0.5))
				continue;
			o.list.set(i, true);
			const height = o.list.band.getBoundingClientRect().height;
			const cost = height - o.height;
			if (cost <= 0.5) {
				left -= Math.max(0, cost);
				o.height = height;
				shown.push({ list: o.list, i });
				continue;
			}
			o.list.set(i, false);
			if (cost > left) o.failed.push(size);
			else {
				o.item = i;
				o.cost = cost;
				return;
			}
		}
	};
	for (const o of open) nextOf(o);
	const showing = (o: (typeof open)[number]) => o.list.items.length - o.list.hidden;
	for (;;) {
		let best: (typeof open)[number] | undefined;
		for (const o of open)
			if (
				o.item >= 0 &&
				(!best || (showing(o) - showing(best) || o.cost - best.cost || o.height - best.height) < 0)
			)
				best = o;
		if (!best) break;
		if (best.cost <= left) {
			best.list.set(best.item, true);
			shown.push({ list: best.list, i: best.item });
			left -= best.cost;
			best.height += best.cost;
		} else best.failed.push(best.list.sizes[best.item]!);
		nextOf(best);
	}
	// Heights are measured to fractions of a pixel and the box's to whole ones: should the sum be
	// off, the last items given back are taken back until the box fits.
	while (shown.length > 0 && over()) {
		const { list, i } = shown.pop()!;
		list.set(i, false);
	}
	return outcome();
}

/**
 * Every item shown, none held back, the usual layout: for paper. A print is laid out at the page's
 * width after the last fit, and no fit runs again for it, so the screen's cut would stay on paper.
 */
export function showAll(box: HTMLElement): void {
	box.removeAttribute('data-fit-dense');
	for (const list of [...box.querySelectorAll<HTMLElement>('[data-fit-list]')].map(fitList)) {
		for (const item of list.items) item.style.display = '';
		list.count();
	}
}

/** How tall the box's content is (its scrollHeight, unless the box is taller than its content). */
function contentHeight(box: HTMLElement): number {
	const top = box.getBoundingClientRect().top + box.clientTop - box.scrollTop;
	let bottom = top;
	for (const child of box.children)
		bottom = Math.max(
			bottom,
			child.getBoundingClientRect().bottom + parseFloat(getComputedStyle(child).marginBottom)
		);
	return bottom - top + parseFloat(getComputedStyle(box).paddingBottom);
}

/** One `data-fit-list`: which of its items show, and its "+N more" kept in step. */
function fitList(el: HTMLElement) {
	const items = [...el.children].filter((c): c is HTMLElement => !c.matches('[data-more]'));
	const more = el.querySelector<HTMLElement>(':scope > [data-more]');
	const shown = items.map(() => true);
	const list = {
		el,
		items,
		shown,
		hidden: 0,
		/** What the list's height adds to: its `data-fit-band` ancestor (else the list itself). */
		band: el.closest<HTMLElement>('[data-fit-band]') ?? el,
		/** Each item's size with all shown. */
		sizes: [] as DOMRect[],
		/** Shows or hides item `i` and updates the count. */
		set(i: number, show: boolean) {
			if (shown[i] === show) return;
			shown[i] = show;
			list.hidden += show ? -1 : 1;
			items[i]!.style.display = show ? '' : 'none';
			list.count();
		},
		/** Shows the first `cap` items, hides the rest. */
		cap(cap: number) {
			for (let i = 0; i < items.length; i++) {
				if (shown[i] === i < cap) continue;
				shown[i] = i < cap;
				items[i]!.style.display = i < cap ? '' : 'none';
			}
			list.hidden = Math.max(0, items.length - cap);
			list.count();
		},
		/** "+N more": the items hidden here and the ones the view never sent (past its own cap). */
		count() {
			if (!more) return;
			const total = list.hidden + Number(more.dataset.unsent ?? 0);
			const text = `+${total} more`;
			if (more.textContent !== text) more.textContent = text;
			const display = total > 0 ? '' : 'none';
			if (more.style.display !== display) more.style.display = display;
		}
	};
	return list;
}
type FitList = ReturnType<typeof fitList>;

/**
 * `{@attach fitted(() => view)}`: shrinks the box's lists to fit whenever what `track` reads
 * changes, the box changes size (a new screen, a header that wraps) or the fonts arrive. Once per
 * change: the size the box has after a fit (it may follow its content) is not a new size. When
 * the page is printed, every item shows.
 */
export function fitted(track: () => unknown, options: FitOptions = {}): Attachment<HTMLElement> {
	return (box) => {
		track();
		let fittedAt = '';
		const size = () => `${box.clientWidth}×${box.clientHeight}`;
		const run = () => {
			shrinkToFit(box, options);
			fittedAt = size();
		};
		// After the lists inside have taken the change.
		void tick().then(run);
		const observer = new ResizeObserver(() => {
			if (size() !== fittedAt) run();
		});
		observer.observe(box);
		// A box that follows its content keeps its size when the screen grows (full screen): the room
		// it may take has changed all the same.
		addEventListener('resize', run);
		// Printed, everything shows (see showAll); back on screen, the fit again.
		const paper = () => showAll(box);
		addEventListener('beforeprint', paper);
		addEventListener('afterprint', run);
		if (document.fonts && document.fonts.status !== 'loaded') void document.fonts.ready.then(run);
		return () => {
			observer.disconnect();
			removeEventListener('resize', run);
			removeEventListener('beforeprint', paper);
			removeEventListener('afterprint', run);
		};
	};
}
