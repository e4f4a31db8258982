import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from '@playwright/test';

const require = createRequire(import.meta.url);
const pdfjs = (file: string) => readFileSync(require.resolve(`pdfjs-dist/build/${file}`));

/**
 * Renders every page of a PDF to PNG with pdf.js inside Chromium (no system PDF tools needed), so
 * a test can look at what "Save as PDF" really produced. Returns one PNG per page.
 */
export async function pdfToPngs(
	browser: Browser,
	pdf: Buffer,
	scale = 1.25
): Promise<{ png: Buffer; ink: number }[]> {
	const page = await browser.newPage();
	try {
		// A made-up origin served from memory: pdf.js and the PDF never touch the app under test.
		await page.route('https://pdf.test/**', async (route) => {
			const path = new URL(route.request().url()).pathname;
			if (path === '/doc.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
			if (path === '/pdf.mjs')
				return route.fulfill({ body: pdfjs('pdf.min.mjs'), contentType: 'text/javascript' });
			if (path === '/pdf.worker.mjs')
				return route.fulfill({ body: pdfjs('pdf.worker.min.mjs'), contentType: 'text/javascript' });
			return route.fulfill({
				body: '<!doctype html><body style="margin:0;background:#888"></body>',
				contentType: 'text/html'
			});
		});
		await page.goto('https://pdf.test/');
		const inks = await page.evaluate(async (scale) => {
			const lib = await import('https://pdf.test/pdf.mjs' as string);
			lib.GlobalWorkerOptions.workerSrc = 'https://pdf.test/pdf.worker.mjs';
			const inks: number[] = [];
			const doc = await lib.getDocument('https://pdf.test/doc.pdf').promise;
			for (let n = 1; n <= doc.numPages; n++) {
				const p = await doc.getPage(n);
				const viewport = p.getViewport({ scale });
				const canvas = document.createElement('canvas');
				canvas.width = viewport.width;
				canvas.height = viewport.height;
				canvas.id = `page-${n}`;
				canvas.style.display = 'block';
				canvas.style.marginBottom = '8px';
				document.body.append(canvas);
				const ctx = canvas.getContext('2d')!;
				await p.render({ canvasContext: ctx, viewport, canvas }).promise;
				// Share of pixels that are not near-white: a blank or nearly empty page shows up as ~0.
				const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
				let dark = 0;
				for (let i = 0; i < data.length; i += 4)
					if (data[i]! + data[i + 1]! + data[i + 2]! < 600) dark++;
				inks.push(dark / (data.length / 4));
			}
			return inks;
		}, scale);
		const pages: { png: Buffer; ink: number }[] = [];
		for (const [i, ink] of inks.entries())
			pages.push({ png: await page.locator(`#page-${i + 1}`).screenshot(), ink });
		return pages;
	} finally {
		await page.close();
	}
}
