import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Makes a projector box's content fit the box without cutting anything: while the content is
 * taller or wider than the box, the last item still shown in the fullest list is hidden, and that
 * list's "+N more" says how many it holds back. A list is an element marked `data-fit-list`; its
 * children are its items, except one child marked `data-more`, which carries the count. "Fullest"
 * is the list whose `data-fit-band` ancestor (or the list itself) is tallest, so the busiest tier
 * gives way first and a quiet one keeps all it has.
 */
export function shrinkToFit(box: HTMLElement): void {
	const lists = [...box.querySelectorAll<HTMLElement>('[data-fit-list]')];
	const items = (list: HTMLElement) =>
		[...list.children].filter((c): c is HTMLElement => !c.matches('[data-more]'));
	const hidden = new Map<HTMLElement, number>();
	for (const list of lists) {
		for (const item of items(list)) item.style.display = '';
		show(list, 0);
		hidden.set(list, 0);
	}
	const over = () =>
		box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
	while (over()) {
		let fullest: { list: HTMLElement; height: number } | null = null;
		for (const list of lists) {
			const shown = items(list).length - hidden.get(list)!;
			if (shown === 0) continue;
			const height = (list.closest<HTMLElement>('[data-fit-band]') ?? list).offsetHeight;
			if (!fullest || height > fullest.height) fullest = { list, height };
		}
		if (!fullest) return;
		const { list } = fullest;
		const n = hidden.get(list)! + 1;
		const all = items(list);
		all[all.length - n]!.style.display = 'none';
		hidden.set(list, n);
		show(list, n);
	}
}

function show(list: HTMLElement, n: number) {
	const more = list.querySelector<HTMLElement>(':scope > [data-more]');
	if (!more) return;
	// Items the view never sent (past its own cap) are held back too.
	const total = n + Number(more.dataset.unsent ?? 0);
	more.textContent = `+${total} more`;
	more.style.display = total > 0 ? '' : 'none';
}

/**
 * `{@attach fitted(() => view)}`: shrinks the box's lists to fit whenever what `track` reads
 * changes, the box changes size (a new screen, a header that wraps) or the fonts arrive.
 */
export function fitted(track: () => unknown): Attachment<HTMLElement> {
	return (box) => {
		track();
		const run = () => shrinkToFit(box);
		// After the lists inside have taken the change.
		void tick().then(run);
		const observer = new ResizeObserver(run);
		observer.observe(box);
		void document.fonts?.ready.then(run);
		return () => observer.disconnect();
	};
}
