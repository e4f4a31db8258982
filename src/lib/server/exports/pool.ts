import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportJob, ValueJob } from './build';
import type { ReportView } from './report';
import type { WorkerInput, WorkerMessage } from './export-worker';
import type { StoreLocation } from '../store';

/**
 * Exports are built in worker threads, never on the event loop that serves the live rooms: a
 * 1,000-person workbook takes seconds of CPU and hundreds of MB, which on the main thread would
 * freeze every room on the server. One worker per download, ended when it is done so its memory
 * goes back; at most MAX at once (one on a two-core machine, leaving a core for the live rooms),
 * later downloads wait their turn rather than slow everyone.
 */
const MAX = Math.max(
	1,
	Number(process.env.EXPORT_WORKERS) || Math.min(2, availableParallelism() - 1)
);

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
	if (running >= MAX) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	let freed = false;
	return () => {
		if (freed) return;
		freed = true;
		running--;
		waiting.shift()?.();
	};
}

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(here, 'export-worker.ts');

/** The built worker (scripts/build-export-worker.js): build/server/export-worker.js, above this chunk. */
function builtWorker(): string {
	for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
		const file = join(dir, 'export-worker.js');
		if (existsSync(file)) return file;
	}
	throw new ExportError('The export worker is missing from the build: run `npm run build` again.');
}

function startWorker(input: WorkerInput): Worker {
	// Development and vitest: the TypeScript source, through tsx's loader registered in the worker
	// itself (Node 20 does not pass `--import` on to workers). A build runs the bundled file.
	if (!existsSync(SOURCE)) return new Worker(builtWorker(), { workerData: input });
	const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(SOURCE).href)}); })`;
	return new Worker(boot, { eval: true, workerData: input });
}

export class ExportError extends Error {}

/**
 * The export as a stream of bytes, built in a worker with its own read-only connection to
 * `location`. Resolves once the first bytes exist, so a failure before then (a session or
 * activity gone) rejects with an ExportError instead of sending a broken file.
 */
export async function exportStream(
	location: StoreLocation,
	job: ExportJob
): Promise<ReadableStream<Uint8Array>> {
	const release = await slot();
	let worker: Worker;
	try {
		worker = startWorker({ location, job });
	} catch (err) {
		release();
		throw err;
	}
	return new Promise((resolve, reject) => {
		let controller!: ReadableStreamDefaultController<Uint8Array>;
		let started = false;
		const stream = new ReadableStream<Uint8Array>({
			start: (c) => {
				controller = c;
			},
			// The browser went away: stop building.
			cancel: () => void worker.terminate()
		});
		const fail = (err: Error) => {
			release();
			void worker.terminate();
			if (started) controller.error(err);
			else reject(err);
		};
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'error') return fail(new ExportError(message.message));
			if (!started) {
				started = true;
				resolve(stream);
			}
			if (message.type === 'chunk') controller.enqueue(message.bytes);
			else {
				controller.close();
				release();
			}
		});
		worker.on('error', fail);
		worker.on('exit', (code) => {
			release();
			if (code !== 0 && !started)
				reject(new ExportError(`The export stopped (worker exit ${code}).`));
		});
	});
}

/** A value built in a worker (the report page's data), structured-cloned back. */
export async function exportValue(location: StoreLocation, job: ValueJob): Promise<ReportView> {
	const release = await slot();
	let worker: Worker;
	try {
		worker = startWorker({ location, job });
	} catch (err) {
		release();
		throw err;
	}
	return new Promise((resolve, reject) => {
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'value') resolve(message.value as ReportView);
			else if (message.type === 'error') reject(new ExportError(message.message));
		});
		worker.on('error', (err) => {
			release();
			reject(err);
		});
		worker.on('exit', (code) => {
			release();
			reject(new ExportError(`The report stopped (worker exit ${code}).`));
		});
	});
}

/** The whole export in memory: for tests and callers that need the bytes, not a response. */
export async function exportBytes(location: StoreLocation, job: ExportJob): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	const reader = (await exportStream(location, job)).getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}
