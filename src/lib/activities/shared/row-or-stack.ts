import type { Attachment } from 'svelte/attachments';

let pen: CanvasRenderingContext2D | null | undefined;

/** Each word's width in its own element's font, the widest: what a box needs to keep it whole. */
function widestWord(option: Element): number {
	pen ??= document.createElement('canvas').getContext('2d');
	if (!pen) return 0;
	let widest = 0;
	const walker = document.createTreeWalker(option, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const el = node.parentElement;
		if (!el) continue;
		const css = getComputedStyle(el);
		pen.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
		// A browser may break after a hyphen or a slash, never inside a word.
		for (const word of (node.textContent ?? '').split(/\s+|(?<=[-–—/])/))
			if (word) widest = Math.max(widest, pen.measureText(word).width);
	}
	return widest;
}

/**
 * `{@attach rowOrStack((s) => (stacked = s))}` on a row of equal options (a rating scale): says
 * whether the options must stack, one per line, because side by side the widest word of some label
 * would not fit its box and would be broken ("Strong|ly disagr|ee"). Measured from the labels in
 * their real fonts, so it holds for any label a trainer writes, any phone and any text size; a
 * container query could only guess a width for words it does not know.
 */
export function rowOrStack(onchange: (stacked: boolean) => void): Attachment<HTMLElement> {
	return (row) => {
		const check = () => {
			const options = [...row.children];
			if (options.length === 0) return;
			const rowCss = getComputedStyle(row);
			const gap = parseFloat(rowCss.columnGap) || 0;
			let widest = 0;
			for (const option of options) {
				const css = getComputedStyle(option);
				const chrome =
					parseFloat(css.paddingLeft) +
					parseFloat(css.paddingRight) +
					parseFloat(css.borderLeftWidth) +
					parseFloat(css.borderRightWidth);
				// A pixel to spare: the canvas and the page may round a word's width differently.
				widest = Math.max(widest, widestWord(option) + chrome + 1);
			}
			const room =
				row.clientWidth - parseFloat(rowCss.paddingLeft) - parseFloat(rowCss.paddingRight);
			onchange(options.length * widest + (options.length - 1) * gap > room);
		};
		// The row's width (a turned phone) and its options' (larger text) both change what fits.
		const observer = new ResizeObserver(check);
		observer.observe(row);
		for (const option of row.children) observer.observe(option);
		if (document.fonts && document.fonts.status !== 'loaded') void document.fonts.ready.then(check);
		return () => observer.disconnect();
	};
}
