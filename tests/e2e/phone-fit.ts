import { devices, expect, type Browser, type Page } from '@playwright/test';

/** The edges people bring: a 320 px phone (iPhone SE), and a 360 px phone with text at 200 %. */
export const SIZES = [
	{ name: '320px', viewport: { width: 320, height: 568 }, bigText: false },
	{ name: '200pct-text', viewport: { width: 360, height: 640 }, bigText: true }
] as const;
export type Size = (typeof SIZES)[number];

/**
 * A phone of that size in its own context. Large text is the root font size at 200 %, as a phone's
 * accessibility text setting does to a page: everything in rem and em grows, pixel sizes don't.
 */
export async function sizedPhone(browser: Browser, size: Size): Promise<Page> {
	const context = await browser.newContext({ ...devices['Pixel 7'], viewport: size.viewport });
	if (size.bigText)
		await context.addInitScript(() => {
			const big = () => document.documentElement?.style.setProperty('font-size', '200%');
			big();
			document.addEventListener('DOMContentLoaded', big);
		});
	return context.newPage();
}

/**
 * Fails when the page scrolls sideways or cuts anything off: an element reaching past either edge
 * of the screen, or a box that hides (or scrolls) content wider or taller than itself. Measured
 * against the device's width, since a mobile browser widens innerWidth as it zooms out.
 */
export async function expectFits(page: Page, what: string): Promise<void> {
	const width = page.viewportSize()!.width;
	const problems = await page.evaluate((width) => {
		const out: string[] = [];
		const name = (el: Element) => {
			const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
			const cls =
				typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
			return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
		};
		const page = document.documentElement.scrollWidth;
		if (page > width) out.push(`the page is ${page}px wide`);
		for (const el of document.body.querySelectorAll('*')) {
			if (el.closest('.visually-hidden, .skip-link, option, script, style')) continue;
			const css = getComputedStyle(el);
			if (css.display === 'none' || css.visibility === 'hidden') continue;
			const box = el.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			if (box.right > width + 1 || box.left < -1)
				out.push(`${name(el)} reaches ${Math.round(box.left)}..${Math.round(box.right)}px`);
			// Form fields scroll their own text; 1 px boxes are screen-reader-only text (SvelteKit's announcer).
			if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || box.width <= 1 || box.height <= 1)
				continue;
			const clipsX = css.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
			const clipsY = /hidden|clip/.test(css.overflowY) && el.scrollHeight > el.clientHeight + 1;
			if (clipsX)
				out.push(`${name(el)} cuts its content: ${el.scrollWidth}px in ${el.clientWidth}px`);
			if (clipsY)
				out.push(`${name(el)} cuts its content: ${el.scrollHeight}px tall in ${el.clientHeight}px`);
			if (css.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)
				out.push(`${name(el)} ends in an ellipsis`);
		}
		return [...new Set(out)].slice(0, 12);
	}, width);
	expect.soft(problems, `${what} at ${width}px`).toEqual([]);
}

/** The text sizes on a phone: nothing under 14 px (in CSS pixels before any text scaling). */
export async function smallestText(page: Page): Promise<{ px: number; text: string }> {
	return page.evaluate(() => {
		let min = { px: Infinity, text: '' };
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			const text = (node.textContent ?? '').trim();
			if (!el || !text || el.closest('.visually-hidden, .skip-link, script, style, option, svg'))
				continue;
			const css = getComputedStyle(el);
			if (css.display === 'none' || css.visibility === 'hidden' || el.getClientRects().length === 0)
				continue;
			const px = parseFloat(css.fontSize);
			if (px < min.px) min = { px, text: text.slice(0, 40) };
		}
		return min;
	});
}

/**
 * What a status stuck to the bottom of the screen paints over the page right now: a background,
 * a border or shadow, or words. An idle status must paint nothing (the page shows through), and a
 * "✓ Saved" should be gone after a few seconds; an error stays until it is dealt with.
 */
export async function stickyBottomPaint(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const clear = 'rgba(0, 0, 0, 0)';
		for (const bar of document.body.querySelectorAll('*')) {
			const css = getComputedStyle(bar);
			if (!/sticky|fixed/.test(css.position) || css.bottom === 'auto') continue;
			for (const el of [bar, ...bar.querySelectorAll('*')]) {
				const s = getComputedStyle(el);
				const box = el.getBoundingClientRect();
				if (box.width === 0 || box.height === 0) continue;
				// Hidden, or faded out by itself or a parent.
				if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
				const words = [...el.childNodes].some(
					(n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()
				);
				const edge = s.boxShadow !== 'none' || parseFloat(s.borderTopWidth) > 0;
				if (s.backgroundColor !== clear || edge || words)
					out.push(
						`<${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}> "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.height)}px tall`
					);
			}
		}
		return out;
	});
}

/**
 * Words split across two lines ("Strong|ly", "Embedd|ed") in the elements `within` selects: a box
 * too narrow for its own words. A word wider than the page's column (a name or an answer someone
 * typed) may break; nothing else. Words are letters and digits: a break at a hyphen or a slash is a
 * line break, not a broken word.
 */
export async function brokenWords(page: Page, within = 'body'): Promise<string[]> {
	return page.evaluate((within) => {
		const out: string[] = [];
		const column = document.querySelector('main') ?? document.body;
		const css = getComputedStyle(column);
		const room = column.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
		for (const root of document.querySelectorAll(within)) {
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const el = node.parentElement;
				const text = node.textContent ?? '';
				if (
					!el ||
					!text.trim() ||
					el.closest('.visually-hidden, .skip-link, script, style, option')
				)
					continue;
				if (!el.checkVisibility({ visibilityProperty: true })) continue;
				for (const m of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
					const range = document.createRange();
					range.setStart(node, m.index);
					range.setEnd(node, m.index + m[0].length);
					const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
					// On two lines: one piece wholly below another.
					const split = rects.some((a) => rects.some((b) => a.top >= b.bottom - 1));
					const width = rects.reduce((sum, r) => sum + r.width, 0);
					if (split && width <= room)
						out.push(`"${m[0]}" in <${el.tagName.toLowerCase()}> ${Math.round(width)}px wide`);
				}
			}
		}
		return [...new Set(out)].slice(0, 12);
	}, within);
}

/**
 * Each row of answer buttons on the page (a rating scale's points, a checklist's levels), in order:
 * each option's box, and the row's width. Side by side means one line; stacked, one option a line.
 */
export async function answerRows(
	page: Page,
	rows = 'fieldset.item .scale, .rc-phone .seg'
): Promise<
	{
		width: number;
		legendBottom: number;
		options: { x: number; y: number; width: number; height: number }[];
	}[]
> {
	return page.locator(rows).evaluateAll((els) =>
		els.map((row) => {
			const statement =
				row.closest('fieldset')?.querySelector('legend') ?? row.previousElementSibling;
			return {
				width: row.getBoundingClientRect().width,
				legendBottom: statement?.getBoundingClientRect().bottom ?? 0,
				options: [...row.children].map((o) => {
					const b = o.getBoundingClientRect();
					return { x: b.x, y: b.y, width: b.width, height: b.height };
				})
			};
		})
	);
}

/**
 * Every answer row is either side by side or stacked full width, top to bottom in the scale's order,
 * each option at least 44 px tall and below its statement. Returns how the rows are laid out.
 */
export async function expectAnswerRows(
	page: Page,
	what: string,
	rows?: string
): Promise<'row' | 'stacked'> {
	const found = await answerRows(page, rows);
	expect(found.length, `${what}: answer rows on the screen`).toBeGreaterThan(0);
	const layouts = new Set<'row' | 'stacked'>();
	for (const [r, row] of found.entries()) {
		const sideBySide = row.options.every((o) => Math.abs(o.y - row.options[0]!.y) < 1);
		layouts.add(sideBySide ? 'row' : 'stacked');
		for (const [i, o] of row.options.entries()) {
			expect
				.soft(o.height, `${what}: row ${r + 1}, option ${i + 1} is tall enough to tap`)
				.toBeGreaterThanOrEqual(44);
			expect
				.soft(o.y, `${what}: row ${r + 1}, option ${i + 1} is below its statement`)
				.toBeGreaterThanOrEqual(row.legendBottom - 1);
			if (sideBySide || i === 0) continue;
			const before = row.options[i - 1]!;
			expect
				.soft(o.width, `${what}: row ${r + 1}, option ${i + 1} is full width`)
				.toBeGreaterThanOrEqual(row.width - 1);
			expect
				.soft(o.y, `${what}: row ${r + 1}, option ${i + 1} is under option ${i}`)
				.toBeGreaterThanOrEqual(before.y + before.height);
		}
	}
	expect(layouts.size, `${what}: every row laid out alike`).toBe(1);
	return [...layouts][0]!;
}

/**
 * The drawn text of the page's charts (SVG) as it reaches the screen: its font size times the
 * drawing's scale, the smallest; and any label over another, over a bar or past the chart's edge.
 */
export async function chartText(
	page: Page
): Promise<{ px: number; text: string; overlaps: string[] }> {
	return page.evaluate(() => {
		let min = { px: Infinity, text: '' };
		const overlaps: string[] = [];
		for (const svg of document.querySelectorAll('svg')) {
			const view = svg.viewBox.baseVal;
			if (!view || view.width === 0 || svg.getClientRects().length === 0) continue;
			const scale = svg.getBoundingClientRect().width / view.width;
			const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim());
			const boxes = texts.map((t) => t.getBoundingClientRect());
			for (const [i, t] of texts.entries()) {
				const px = parseFloat(getComputedStyle(t).fontSize) * scale;
				if (px < min.px) min = { px, text: t.textContent!.trim() };
				for (let j = i + 1; j < texts.length; j++) {
					const [a, b] = [boxes[i]!, boxes[j]!];
					if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
						overlaps.push(`"${t.textContent}" and "${texts[j]!.textContent}"`);
				}
			}
			// Nor over a bar: a name too long for the room left of the bars runs into them.
			const bars = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect());
			for (const [i, t] of texts.entries()) {
				const a = boxes[i]!;
				if (
					bars.some(
						(b) =>
							a.left < b.right - 1 &&
							b.left < a.right - 1 &&
							a.top < b.bottom - 1 &&
							b.top < a.bottom - 1
					)
				)
					overlaps.push(`"${t.textContent}" runs into a bar`);
				const edge = svg.getBoundingClientRect();
				if (a.left < edge.left - 1 || a.right > edge.right + 1 || a.bottom > edge.bottom + 1)
					overlaps.push(`"${t.textContent}" is cut at the chart's edge`);
			}
		}
		return { ...min, overlaps };
	});
}
