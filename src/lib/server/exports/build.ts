import { Writable } from 'node:stream';
import type { Db } from '../db';
import { toCsv } from './csv';
import { toJson } from './json';
import { reportView, type ReportView } from './report';
import { loadSession } from './session';
import { DELETED_NOTE, inputLogRows, slideRows } from './tables';
import { writeWorkbook } from './workbook';

/** What a download asks for; the route has already checked the trainer's access to the room. */
export type ExportJob =
	| { kind: 'xlsx'; roomId: string; now: number }
	| { kind: 'json'; roomId: string; now: number }
	| { kind: 'inputs-csv'; roomId: string }
	| { kind: 'slides-csv'; roomId: string; now: number }
	| { kind: 'activity-csv'; roomId: string; runId: string };

/** Jobs whose result is a value (structured-cloned back), not a file. */
export type ValueJob = { kind: 'report'; roomId: string };

/** The report page's data: built off the event loop like the downloads. */
export function buildValue(db: Db, job: ValueJob): ReportView {
	const data = loadSession(db, job.roomId);
	if (!data) throw new Error('No such session.');
	return reportView(data, Date.now());
}

/** Bytes as they are made; a promise holds the builder back until the chunk is handed on. */
export type Sink = (chunk: Uint8Array<ArrayBuffer>) => void | Promise<void>;

const CHUNK = 64 * 1024;

/**
 * Builds one export into `sink`, chunk by chunk: the same functions (and so the same bytes) as an
 * export built in the request, whichever thread runs it. Throws if the room or activity is gone.
 */
export async function buildExport(db: Db, job: ExportJob, sink: Sink): Promise<void> {
	const data = loadSession(db, job.roomId);
	if (!data) throw new Error('No such session.');
	switch (job.kind) {
		case 'xlsx':
			return writeWorkbook(data, sinkStream(sink), job.now);
		case 'json':
			return sendText(JSON.stringify(toJson(data, job.now), null, 2), sink);
		case 'inputs-csv':
			return sendText(toCsv(inputLogRows(data), DELETED_NOTE(data)), sink);
		case 'slides-csv':
			return sendText(
				toCsv(slideRows(data, job.now), 'No slides were shown in this session.'),
				sink
			);
		case 'activity-csv': {
			const run = data.runs.find((r) => r.row.id === job.runId);
			if (!run) throw new Error('That activity is not part of this session.');
			return sendText(toCsv(run.rows, DELETED_NOTE(data)), sink);
		}
	}
}

/** Encoded whole (a cut inside a surrogate pair would garble a character), then sent in slices. */
async function sendText(text: string, sink: Sink): Promise<void> {
	const bytes = Buffer.from(text, 'utf8');
	for (let at = 0; at < bytes.length; at += CHUNK) await sink(copy(bytes.subarray(at, at + CHUNK)));
}

/** A chunk with its own ArrayBuffer, so it can be transferred (Node's small Buffers share a pool). */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(new ArrayBuffer(bytes.byteLength));
	out.set(bytes);
	return out;
}

function sinkStream(sink: Sink): Writable {
	return new Writable({
		write(chunk: Buffer, _encoding, done) {
			Promise.resolve(sink(copy(chunk))).then(() => done(), done);
		}
	});
}
