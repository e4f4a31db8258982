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
