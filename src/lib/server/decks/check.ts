/**
 * Reads an uploaded PDF once, on the server, with pdf.js's Node build: is it a PDF, can it be opened
 * without a password, is it whole, and how many pages. Nothing is rendered here; browsers draw the slides.
 */
import { MAX_DECK_PAGES } from '$lib/shared/slides';

export const MAX_DECK_BYTES = 50 * 1024 * 1024;

export type DeckCheck = { ok: true; pages: number } | { ok: false; error: string };

const NOT_PDF =
	'That file is not a PDF. Export the deck as PDF (File › Export or Download › PDF) and attach that file.';
const BROKEN =
	'That PDF is damaged or incomplete (perhaps cut off while copying). Export it again and attach the new file.';
const LOCKED =
	'That PDF is password-protected. Export it again without a password (or remove the password) and attach it.';

function hasMarker(bytes: Uint8Array, marker: string, from: number, to: number): boolean {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.subarray(Math.max(0, from), Math.min(bytes.byteLength, to))
		.toString('latin1');
	return text.includes(marker);
}

export async function checkDeck(bytes: Uint8Array): Promise<DeckCheck> {
	if (bytes.byteLength === 0) return { ok: false, error: 'That file is empty.' };
	if (bytes.byteLength > MAX_DECK_BYTES) return { ok: false, error: tooBig() };
	if (!hasMarker(bytes, '%PDF-', 0, 1024)) return { ok: false, error: NOT_PDF };
	// A whole PDF ends with %%EOF; a cut-off copy does not (pdf.js would quietly rebuild what it can).
	if (!hasMarker(bytes, '%%EOF', bytes.byteLength - 2048, bytes.byteLength))
		return { ok: false, error: BROKEN };
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = pdfjs.getDocument({
		// pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: true,
		verbosity: pdfjs.VerbosityLevel.ERRORS
	});
	try {
		const doc = await task.promise;
		const pages = doc.numPages;
		if (pages < 1) return { ok: false, error: 'That PDF has no pages.' };
		if (pages > MAX_DECK_PAGES)
			return {
				ok: false,
				error: `That PDF has ${pages} pages; a deck may have at most ${MAX_DECK_PAGES}. Split it, one deck per agenda.`
			};
		// Reading the last page's dictionary finds most damage in the page tree without rendering anything.
		await doc.getPage(pages);
		return { ok: true, pages };
	} catch (err) {
		const name = (err as { name?: string } | null)?.name;
		if (name === 'PasswordException') return { ok: false, error: LOCKED };
		return { ok: false, error: BROKEN };
	} finally {
		await task.destroy();
	}
}

export function tooBig(): string {
	return `That file is over ${MAX_DECK_BYTES / 1024 / 1024} MB. Export the deck with smaller images (PowerPoint: File › Compress Pictures) and attach it again.`;
}
