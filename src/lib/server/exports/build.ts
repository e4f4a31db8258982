import { Writable } from 'node:stream';
import type { EvidencePack } from '$lib/shared/evidence';
import type { FollowUpSummary } from '$lib/shared/follow-up';
import type { Q, Store } from '../store';
import { packFollowUp, sessionSummary } from '../followup/service';
import { toCsv } from './csv';
import { evidencePack } from './evidence';
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

/**
 * Jobs whose result is a value (structured-cloned back), not a file: pages that replay the whole
 * session. The route has checked access, and tells the job what the person may see (`followUp`).
 */
export type ValueJob =
	| { kind: 'report'; roomId: string; followUp: boolean }
	| { kind: 'pack'; roomId: string; participantId: string; followUp: boolean; now: number };

export interface ReportData {
	report: ReportView;
	/** The follow-up summary, when asked for and someone opted in. */
	followUp: FollowUpSummary | null;
}

export interface ValueOf {
	report: ReportData;
	/** Null when the person is not part of the session (or its participant data was deleted). */
	pack: EvidencePack | null;
}

export const isValueJob = (job: ExportJob | ValueJob): job is ValueJob =>
	job.kind === 'report' || job.kind === 'pack';

/** A page's data, built off the event loop like the downloads. Throws if the room is gone. */
export async function buildValue<J extends ValueJob>(
	s: Store,
	job: J,
	db?: Q
): Promise<ValueOf[J['kind']]>;
export async function buildValue(
	s: Store,
	job: ValueJob,
	db: Q = s.db
): Promise<ValueOf[ValueJob['kind']]> {
	const data = await loadSession(s, job.roomId, db);
	if (!data && job.kind === 'pack') return null;
	if (!data) throw new Error('No such session.');
	if (job.kind === 'report')
		return {
			report: reportView(data, Date.now()),
			// Follow-up needs the learners' goals as written on the day: the same replay serves both.
			// Also with nobody opted in (an empty summary): the report's section then says so and
			// links to the follow-up settings, where the trainer can switch it off before anyone opts in.
			followUp: job.followUp ? await sessionSummary(s, data) : null
		};
	const pack = evidencePack(data, job.participantId, job.now);
	if (!pack) return null;
	if (job.followUp) pack.followUp = await packFollowUp(s, data, job.participantId);
	return pack;
}

/** Bytes as they are made; a promise holds the builder back until the chunk is handed on. */
export type Sink = (chunk: Uint8Array<ArrayBuffer>) => void | Promise<void>;

const CHUNK = 64 * 1024;

/**
 * Builds one export into `sink`, chunk by chunk: the same functions (and so the same bytes) as an
 * export built in the request, whichever thread runs it. Throws if the room or activity is gone.
 */
export async function buildExport(
	s: Store,
	job: ExportJob,
	sink: Sink,
	db: Q = s.db
): Promise<void> {
	const data = await loadSession(s, job.roomId, db);
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
