/**
 * A PDF deck drawn in the browser with pdf.js (loaded only when a deck is shown). Pages are drawn
 * at the screen's own pixel size, so a slide is sharp at 720p and at 4K, and kept in a small cache:
 * the neighbours of the current slide are drawn ahead, so a key press shows a finished picture.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

type Pdfjs = typeof import('pdfjs-dist');
let library: Promise<Pdfjs> | undefined;

function pdfjs(): Promise<Pdfjs> {
	library ??= Promise.all([
		import('pdfjs-dist'),
		// The worker is a file of our own origin (CSP script-src 'self'), never a blob or a CDN.
		import('pdfjs-dist/build/pdf.worker.min.mjs?url')
	]).then(([lib, worker]) => {
		lib.GlobalWorkerOptions.workerSrc = worker.default;
		return lib;
	});
	return library;
}

/** Up to this many drawn pages are kept; at 4K one is about 33 MB of pixels. */
const CACHE = 6;

export class PdfDeck {
	readonly pages: number;
	readonly #doc: PDFDocumentProxy;
	readonly #drawn = new Map<string, Promise<HTMLCanvasElement>>();

	private constructor(doc: PDFDocumentProxy) {
		this.#doc = doc;
		this.pages = doc.numPages;
	}

	static async open(url: string): Promise<PdfDeck> {
		const lib = await pdfjs();
		// No eval (the CSP has no 'unsafe-eval'), and nothing fetched from anywhere but this origin.
		const doc = await lib.getDocument({ url, isEvalSupported: false, withCredentials: true })
			.promise;
		return new PdfDeck(doc);
	}

	/** Page `page` (1-based) drawn to fit `width`×`height` device pixels, aspect kept. */
	draw(page: number, width: number, height: number): Promise<HTMLCanvasElement> {
		const key = `${page}:${Math.round(width)}x${Math.round(height)}`;
		let drawn = this.#drawn.get(key);
		if (drawn) {
			// Most recently used last: the map's order is the eviction order.
			this.#drawn.delete(key);
			this.#drawn.set(key, drawn);
			return drawn;
		}
		drawn = this.#render(page, width, height);
		drawn.catch(() => this.#drawn.delete(key));
		this.#drawn.set(key, drawn);
		while (this.#drawn.size > CACHE) this.#drawn.delete(this.#drawn.keys().next().value!);
		return drawn;
	}

	async #render(page: number, width: number, height: number): Promise<HTMLCanvasElement> {
		const p = await this.#doc.getPage(page);
		const base = p.getViewport({ scale: 1 });
		const scale = Math.max(0.05, Math.min(width / base.width, height / base.height));
		const viewport = p.getViewport({ scale });
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.floor(viewport.width));
		canvas.height = Math.max(1, Math.floor(viewport.height));
		await p.render({ canvas, viewport }).promise;
		return canvas;
	}

	destroy(): void {
		this.#drawn.clear();
		void this.#doc.destroy();
	}
}
