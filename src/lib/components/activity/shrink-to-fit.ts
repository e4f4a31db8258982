import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Makes a projector box's content fit the box without cutting anything: while the content is
 * taller or wider than the box, the last item still shown in the fullest list is hidden, and that
 * list's "+N more" says how many it holds back. A list is an element marked `data-fit-list`; its
 * children are its items, except one child marked `data-more`, which carries the count. "Fullest"
 * is the list showing the most items (on a tie, the one whose `data-fit-band` ancestor is
 * tallest), so a busy step gives way first and a quiet one keeps all it has.
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
		// The list showing the most items gives one up (the taller on a tie): the room sees a few
		// from every step rather than everything from one.
		let fullest: { list: HTMLElement; shown: number; height: number } | null = null;
		for (const list of lists) {
			const shown = items(list).length - hidden.get(list)!;
			if (shown === 0) continue;
			const height = (list.closest<HTMLElement>('[data-fit-band]') ?? list).offsetHeight;
			if (!fullest || shown > fullest.shown || (shown === fullest.shown && height > fullest.height))
				fullest = { list, shown, height };
		}
		if (!fullest) break;
		const { list } = fullest;
		const n = hidden.get(list)! + 1;
		const all = items(list);
		all[all.length - n]!.style.display = 'none';
		hidden.set(list, n);
		show(list, n);
	}
	// A step that gave up an item while a taller one still overflowed may have room again: each
	// list takes back what it can, in order, without making the box overflow.
	for (let grew = true; grew;) {
		grew = false;
		for (const list of lists) {
			const n = hidden.get(list)!;
			if (n === 0) continue;
			const all = items(list);
			const item = all[all.length - n]!;
			item.style.display = '';
			show(list, n - 1);
			if (over()) {
				item.style.display = 'none';
				show(list, n);
			} else {
				hidden.set(list, n - 1);
				grew = true;
			}
		}
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
