/**
 * Slide pictures for following phones: one WebP per deck page, 1280 px wide (sharp on a 390-px
 * phone at 3× and room to pinch-zoom), at most 250 KB. Drawn on the server with pdf.js and
 * @napi-rs/canvas the first time a phone asks, then kept beside the deck (data/decks/images/), so
 * a room of thirty phones costs one drawing per slide. Pdf.js on the phone would cost a megabyte
 * of code on weak Wi-Fi; a picture costs one download of tens of KB.
 *
 * Drawing takes 100–300 ms of CPU per page, which on the event loop would stall every live room,
 * so it runs in one worker thread, started on first use and ended when idle.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deckPath, decksDir } from './files';

export const SLIDE_WIDTH = 1280;
export const MAX_SLIDE_IMAGE_BYTES = 250 * 1024;
/** Tried in order until the picture fits the budget: a photo-heavy slide gets softer, never refused. */
const LADDER: readonly [width: number, quality: number][] = [
	[SLIDE_WIDTH, 80],
	[SLIDE_WIDTH, 62],
	[1024, 55],
	[800, 45],
	[640, 35]
];
const IDLE_MS = 60_000;

// The worker is plain JavaScript in a string: it needs no build step, in development or production.
// It keeps the last deck it opened, as a room steps through one deck all morning.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const ready = Promise.all([import(workerData.pdfjs), import(workerData.canvas)]);
let open = null;
parentPort.on('message', async ({ id, path, page, ladder, max }) => {
	try {
		const [pdfjs, { createCanvas }] = await ready;
		if (!open || open.path !== path) {
			if (open) await open.doc.destroy();
			const doc = await pdfjs.getDocument({
				data: new Uint8Array(readFileSync(path)),
				isEvalSupported: false,
				standardFontDataUrl: workerData.fonts,
				cMapUrl: workerData.cmaps,
				cMapPacked: true,
				verbosity: 0
			}).promise;
			open = { path, doc };
		}
		const p = await open.doc.getPage(page);
		const base = p.getViewport({ scale: 1 });
		let out = null;
		for (const [width, quality] of ladder) {
			const viewport = p.getViewport({ scale: width / base.width });
			const canvas = createCanvas(Math.floor(viewport.width), Math.floor(viewport.height));
			const context = canvas.getContext('2d');
			context.fillStyle = '#fff';
			context.fillRect(0, 0, canvas.width, canvas.height);
			await p.render({ canvas, canvasContext: context, viewport }).promise;
			out = await canvas.encode('webp', quality);
			if (out.length <= max) break;
		}
		p.cleanup();
		const bytes = new Uint8Array(out);
		parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
	} catch (err) {
		parentPort.postMessage({ id, ok: false, error: String(err && err.message || err) });
	}
});
`;

let worker: Worker | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;
let nextId = 0;
const waiting = new Map<number, (r: { ok: boolean; bytes?: Uint8Array; error?: string }) => void>();

function renderer(): Worker {
	if (worker) return worker;
	const require = createRequire(import.meta.url);
	const pdfjs = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
	const root = dirname(dirname(dirname(pdfjs)));
	const w = new Worker(WORKER, {
		eval: true,
		workerData: {
			pdfjs: pathToFileURL(pdfjs).href,
			canvas: pathToFileURL(require.resolve('@napi-rs/canvas')).href,
			fonts: join(root, 'standard_fonts') + '/',
			cmaps: join(root, 'cmaps') + '/'
		}
	});
	w.unref();
	w.on('message', (m: { id: number; ok: boolean; bytes?: Uint8Array; error?: string }) => {
		waiting.get(m.id)?.(m);
		waiting.delete(m.id);
	});
	const fail = (error: string) => {
		for (const done of waiting.values()) done({ ok: false, error });
		waiting.clear();
		if (worker === w) worker = null;
	};
	w.on('error', (err) => fail(err.message));
	w.on('exit', () => fail('the slide renderer stopped'));
	worker = w;
	return w;
}

function render(path: string, page: number): Promise<Uint8Array> {
	clearTimeout(idle);
	const w = renderer();
	const id = ++nextId;
	return new Promise<Uint8Array>((resolve, reject) => {
		waiting.set(id, (r) => {
			if (waiting.size <= 1) idle = setTimeout(() => void worker?.terminate(), IDLE_MS).unref();
			if (r.ok && r.bytes) resolve(r.bytes);
			else reject(new Error(r.error ?? 'the slide could not be drawn'));
		});
		w.postMessage({ id, path, page, ladder: LADDER, max: MAX_SLIDE_IMAGE_BYTES });
	});
}

const drawing = new Map<string, Promise<Uint8Array>>();

/**
 * Page `page` of the stored deck `hash` as WebP bytes, drawn once and then read from disk; null when
 * there is no such deck. Two phones asking at once share one drawing.
 */
export async function slideImage(hash: string, page: number): Promise<Uint8Array | null> {
	const pdf = deckPath(hash);
	if (!pdf || !Number.isInteger(page) || page < 1) return null;
	const file = join(decksDir(), 'images', hash, `${page}-${SLIDE_WIDTH}.webp`);
	if (existsSync(file)) return new Uint8Array(readFileSync(file));
	const key = `${hash}:${page}`;
	let job = drawing.get(key);
	if (!job) {
		job = render(pdf, page).then((bytes) => {
			mkdirSync(dirname(file), { recursive: true });
			const tmp = `${file}.${process.pid}.tmp`;
			writeFileSync(tmp, bytes);
			renameSync(tmp, file);
			return bytes;
		});
		drawing.set(key, job);
		void job.catch(() => {}).finally(() => drawing.delete(key));
	}
	return job;
}
