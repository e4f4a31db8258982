import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { getActivityCatalog } from '$lib/server/content';
import { toCsv } from '$lib/server/exports/csv';
import { deleteParticipantData, purgeExpired } from '$lib/server/exports/data-care';
import { evidencePack } from '$lib/server/exports/evidence';
import { toJson } from '$lib/server/exports/json';
import { loadSession } from '$lib/server/exports/session';
import { DELETED_NOTE, inputLogRows } from '$lib/server/exports/tables';
import { toWorkbook } from '$lib/server/exports/workbook';
import {
	exportBytes,
	ExportError,
	ExportPool,
	exportStream,
	exportValue
} from '$lib/server/exports/pool';
import { reportView } from '$lib/server/exports/report';
import { zipEntry } from '../helpers/zip';
import { closeRoom, getRoom } from '$lib/server/store/rooms';
import { expectOk, send, startServer, tempDbPath, type Client } from '../helpers/server';

// Real activity types and content files, a real socket server and SQLite file; exports read back
// with real parsers (csv-parse, exceljs) and compared with what the phones were told was saved.

const NAMES = ['Zoë', 'Łukasz', '=HYPERLINK("http://evil")', '@Sam'];
const TEXTS = [
	'Sets clear goals',
	'=1+2',
	'+44 7700 900123',
	'-drop table',
	'@SUM(A1:A9)',
	'Feedback is late; "really" late, with commas'
];
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;
const safe = (s: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? `'${s}` : s);

async function session() {
	const tmp = tempDbPath();
	const server = await startServer(tmp.path, { catalog: getActivityCatalog });
	const trainer = await server.trainer();
	const room = await server.room(trainer.id);
	const remote = await server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phones: { socket: Client; id: string; name: string }[] = [];
	for (const name of NAMES) {
		const socket = await server.client();
		const joined = expectOk(await send(socket, 'room:join', { code: room.code, name }));
		phones.push({ socket, id: joined.seat.participantId, name });
	}
	return { server, room, remote, phones, done: async () => (await server.stop(), tmp.cleanup()) };
}

type Setup = Awaited<ReturnType<typeof session>>;

/** Runs the appraisal open question (groups of 2) and the quick poll; returns what each phone had acknowledged. */
async function runActivities({ room, remote, phones }: Setup) {
	const answers: { author: string; text: string; column: number; inputId: string }[] = [];
	const open = expectOk(
		await send(remote, 'activity:launch', {
			roomId: room.id,
			activityId: 'why-appraisal',
			groupSize: 2
		})
	);
	for (const [i, text] of TEXTS.entries()) {
		const phone = phones[i % phones.length]!;
		const inputId = `answer-${i}`;
		const res = expectOk(
			await send(phone.socket, 'activity:submit', {
				runId: open.runId,
				inputId,
				input: { kind: 'add', column: i % 3, text }
			})
		);
		expect(res.duplicate).toBe(false);
		answers.push({ author: phone.name, text, column: i % 3, inputId });
	}
	// A retry of an acknowledged input (lost ack): acknowledged as a duplicate, exported once.
	const retry = expectOk(
		await send(phones[0]!.socket, 'activity:submit', {
			runId: open.runId,
			inputId: 'answer-0',
			input: { kind: 'add', column: 0, text: TEXTS[0] }
		})
	);
	expect(retry.duplicate).toBe(true);
	const poll = expectOk(
		await send(remote, 'activity:launch', { roomId: room.id, activityId: 'quick-poll-example' })
	);
	const votes = new Map<string, number>();
	for (const [i, phone] of phones.entries()) {
		expectOk(
			await send(phone.socket, 'activity:submit', {
				runId: poll.runId,
				inputId: `vote-${i}`,
				input: { kind: 'choose', options: [i % 5] }
			})
		);
		votes.set(phone.name, i % 5);
	}
	return { openRunId: open.runId, pollRunId: poll.runId, answers, votes };
}

describe('session exports', () => {
	it('CSV and XLSX hold exactly the acknowledged answers, field by field, neutralised against formulas', async () => {
		const setup = await session();
		try {
			const { openRunId, pollRunId, answers, votes } = await runActivities(setup);
			const data = (await loadSession(setup.server.db, setup.room.id))!;
			const columns = ['Why we have it', 'Pros', 'Cons'];

			const openRun = data.runs.find((r) => r.row.id === openRunId)!;
			const csv = toCsv(openRun.rows);
			expect(csv.startsWith('\uFEFF')).toBe(true);
			const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
			expect(records).toHaveLength(answers.length);
			for (const [i, a] of answers.entries()) {
				expect(records[i]).toMatchObject({
					Column: columns[a.column],
					Answer: safe(a.text),
					Author: safe(a.author)
				});
			}
			expect(records.map((r) => r.Author)).toContain('Zoë');
			expect(records.map((r) => r.Author)).toContain('\'=HYPERLINK("http://evil")');

			const pollRun = data.runs.find((r) => r.row.id === pollRunId)!;
			const options = (pollRun.row.config as { options: string[] }).options;
			const pollRecords = parse(toCsv(pollRun.rows), { bom: true, columns: true }) as Record<
				string,
				string
			>[];
			expect(new Map(pollRecords.map((r) => [r.Participant, r.Answer]))).toEqual(
				new Map([...votes].map(([name, i]) => [safe(name), options[i]]))
			);

			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load((await toWorkbook(data)).buffer);
			expect(wb.worksheets.map((s) => s.name)).toEqual([
				'Summary',
				'Timing',
				'Activities',
				'Appraisal why we have it, pros',
				'Quick poll appraisals where you',
				'Participants',
				'Input log'
			]);
			const sheet = wb.worksheets[3]!;
			const rows: string[][] = [];
			sheet.eachRow((row) =>
				rows.push(
					(row.values as unknown[])
						.slice(1)
						.map((v) => (v === null || v === undefined ? '' : String(v)))
				)
			);
			const header = rows.findIndex((r) => r.includes('Answer') && r.includes('Author'));
			expect(header).toBeGreaterThan(0);
			const [head, ...body] = rows.slice(header);
			const col = (name: string) => head!.indexOf(name);
			expect(body).toHaveLength(answers.length);
			for (const [i, a] of answers.entries()) {
				expect(body[i]![col('Answer')]).toBe(safe(a.text));
				expect(body[i]![col('Author')]).toBe(safe(a.author));
			}
			// No cell anywhere in the workbook is a formula.
			for (const ws of wb.worksheets)
				ws.eachRow((row) =>
					row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
				);
		} finally {
			await setup.done();
		}
	});

	it(
		'built in a worker thread with its own read-only connection, every download is byte for byte the in-process one',
		{ timeout: 120_000 },
		async () => {
			const setup = await session();
			try {
				const { openRunId } = await runActivities(setup);
				const { db } = setup.server;
				const path = db.location;
				const roomId = setup.room.id;
				const now = Date.UTC(2026, 11, 6, 10, 0);
				const data = (await loadSession(db, roomId))!;
				const text = async (job: Parameters<typeof exportBytes>[1]) =>
					Buffer.from(await exportBytes(path, job)).toString('utf8');

				// Two at once, as two trainers would: both complete, each with its own bytes.
				const [json, inputs] = await Promise.all([
					text({ kind: 'json', roomId, now }),
					text({ kind: 'inputs-csv', roomId })
				]);
				expect(json).toBe(JSON.stringify(toJson(data, now), null, 2));
				expect(inputs).toBe(toCsv(inputLogRows(data), DELETED_NOTE(data)));
				expect(inputs.startsWith('\uFEFF')).toBe(true);
				const openRun = data.runs.find((r) => r.row.id === openRunId)!;
				expect(await text({ kind: 'activity-csv', roomId, runId: openRunId })).toBe(
					toCsv(openRun.rows, null)
				);

				// The workbook: every part the same (the zip's own timestamps aside).
				const xlsx = await exportBytes(path, { kind: 'xlsx', roomId, now });
				const local = await toWorkbook(data, now);
				for (const part of [
					'xl/workbook.xml',
					'xl/styles.xml',
					'xl/worksheets/sheet1.xml',
					'xl/worksheets/sheet4.xml',
					'xl/worksheets/sheet7.xml'
				])
					expect(zipEntry(xlsx, part), part).toBe(zipEntry(local, part));
				expect(zipEntry(xlsx, 'xl/worksheets/sheet4.xml')).toContain('HYPERLINK');

				// The report page's data and an evidence pack too, structured-cloned back. Nobody opted
				// in to the follow-up, and its summary comes all the same (empty): the report shows its
				// section, with the link to the follow-up settings, before the first learner opts in.
				expect(await exportValue(path, { kind: 'report', roomId, followUp: true })).toEqual({
					report: reportView(data),
					followUp: expect.objectContaining({ optedIn: 0 })
				});
				const participantId = setup.phones[1]!.id;
				expect(
					await exportValue(path, { kind: 'pack', roomId, participantId, followUp: true, now })
				).toEqual(evidencePack(data, participantId, now));
				expect(
					await exportValue(path, {
						kind: 'pack',
						roomId,
						participantId: 'nobody',
						followUp: true,
						now
					})
				).toBeNull();

				await expect(
					exportBytes(path, { kind: 'activity-csv', roomId, runId: 'no-such-run' })
				).rejects.toThrow(ExportError);
			} finally {
				await setup.done();
			}
		}
	);

	it('the input log and JSON list every acknowledged input once, with zoned ISO 8601 times', async () => {
		const setup = await session();
		try {
			const { answers, votes } = await runActivities(setup);
			const data = (await loadSession(setup.server.db, setup.room.id))!;
			const log = parse(toCsv(inputLogRows(data)), { bom: true, columns: true }) as Record<
				string,
				string
			>[];
			expect(log).toHaveLength(answers.length + votes.size);
			expect(
				new Set(log.map((r) => `${r['Activity ID']}/${r['Participant ID']}/${r['Input ID']}`)).size
			).toBe(log.length);
			for (const r of log) expect(r.Time).toMatch(ISO_WITH_ZONE);
			expect(
				log
					.filter((r) => r['Input ID']!.startsWith('answer-'))
					.map((r) => JSON.parse(r.Input!).text)
			).toEqual(TEXTS);

			const json = toJson(data);
			expect(json.exportedAt).toMatch(ISO_WITH_ZONE);
			expect(json.activities.map((a) => a.inputs.length)).toEqual([answers.length, votes.size]);
			expect(json.participants.map((p) => p.name)).toEqual(NAMES);
			// Enough to rebuild: the JSON's inputs replay to the same results.
			expect(json.activities[0]!.results).toEqual(data.runs[0]!.rows);
		} finally {
			await setup.done();
		}
	});

	it("an evidence pack holds the learner's own work and their group's, never another group's", async () => {
		const setup = await session();
		try {
			const { openRunId, answers } = await runActivities(setup);
			const data = (await loadSession(setup.server.db, setup.room.id))!;
			const groups = data.runs.find((r) => r.row.id === openRunId)!.row.groups;
			const me = setup.phones[0]!;
			const myGroup = groups.find((g) => g.memberIds.includes(me.id))!;
			const pack = evidencePack(data, me.id)!;
			const text = JSON.stringify(pack);
			expect(pack.participant.name).toBe('Zoë');
			for (const a of answers) {
				const authorId = setup.phones.find((p) => p.name === a.author)!.id;
				if (myGroup.memberIds.includes(authorId))
					expect(text).toContain(JSON.stringify(a.text).slice(1, -1));
				else expect(text).not.toContain(JSON.stringify(a.text).slice(1, -1));
			}
			expect(pack.coverage.map((c) => c.criterion.id)).toEqual(['1.1', '2.1', '3.1']);
			// Every criterion is listed; the ones nothing evidenced are named as not covered today.
			expect(pack.outcomes.flatMap((o) => o.criteria)).toHaveLength(11);
			expect(pack.notCovered.map((c) => c.id)).toEqual([
				'1.2',
				'2.2',
				'2.3',
				'2.4',
				'3.2',
				'4.1',
				'4.2',
				'4.3'
			]);
		} finally {
			await setup.done();
		}
	});

	it('after the participant data is deleted, every export says so instead of failing', async () => {
		const setup = await session();
		try {
			await runActivities(setup);
			const { db } = setup.server;
			setup.server.realtime.engine.close(setup.room.id);
			const removed = await deleteParticipantData(db, setup.room.id, 'Test Trainer');
			expect(removed).toEqual({
				participants: NAMES.length,
				answers: TEXTS.length + NAMES.length,
				activities: 2
			});
			const data = (await loadSession(db, setup.room.id))!;
			expect(data.people).toEqual([]);
			expect(data.runs.map((r) => r.row.title)).toHaveLength(2);
			expect(toCsv(data.runs[0]!.rows, 'Participant data was deleted.')).toContain(
				'Participant data was deleted.'
			);
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load((await toWorkbook(data)).buffer);
			const summary: string[] = [];
			wb.worksheets[0]!.eachRow((row) => summary.push(String(row.getCell(2).value ?? '')));
			expect(summary.some((s) => s.includes('deleted') && s.includes('Test Trainer'))).toBe(true);
			expect(toJson(data).dataDeleted?.by).toBe('Test Trainer');
			expect(evidencePack(data, setup.phones[0]!.id)).toBeUndefined();
			expect(JSON.stringify(toJson(data))).not.toContain('Łukasz');
		} finally {
			await setup.done();
		}
	});

	it('the retention period deletes only sessions past it', async () => {
		const setup = await session();
		try {
			await runActivities(setup);
			const { db } = setup.server;
			const room = (await getRoom(db, setup.room.id))!;
			await closeRoom(db, room.id, room.run, Date.now() - 10 * 86_400_000);
			expect(await purgeExpired(db, 30)).toEqual([]);
			expect((await loadSession(db, room.id))!.people).toHaveLength(NAMES.length);
			expect(await purgeExpired(db, 7)).toEqual([room.id]);
			const data = (await loadSession(db, room.id))!;
			expect(data.people).toEqual([]);
			expect(data.deleted?.by).toBe('the 7-day retention period');
		} finally {
			await setup.done();
		}
	});
});

describe('the export pool', () => {
	/** A session with answers, and what a download of it needs. */
	async function ranSession() {
		const setup = await session();
		await runActivities(setup);
		const roomId = setup.room.id;
		return {
			setup,
			path: setup.server.db.location,
			roomId,
			data: (await loadSession(setup.server.db, roomId))!,
			now: Date.UTC(2026, 11, 6, 10, 0)
		};
	}
	const onePool = (queueLimit = 4) =>
		new ExportPool({ size: 1, queueLimit, idleMs: 60_000, retireHeapMb: 10_000 });

	it(
		'a worker that dies fails the job it held with a clear error, and the next job gets a fresh worker',
		{ timeout: 60_000 },
		async () => {
			const { setup, path, roomId, data, now } = await ranSession();
			const pool = onePool();
			try {
				const first = exportBytes(path, { kind: 'xlsx', roomId, now }, pool);
				const second = exportBytes(path, { kind: 'json', roomId, now }, pool);
				// The one worker holds the first job (the second waits): it dies as a crash would end it.
				expect(pool.workers).toHaveLength(1);
				const [dying] = pool.workers;
				await dying!.terminate();
				await expect(first).rejects.toThrow(
					/^The export worker stopped unexpectedly \(exit code \d+\)\. Please try the download again\.$/
				);
				expect(Buffer.from(await second).toString('utf8')).toBe(
					JSON.stringify(toJson(data, now), null, 2)
				);
				expect(pool.workers).toHaveLength(1);
				expect(pool.workers[0]).not.toBe(dying);

				// A browser that goes away mid-download ends its thread too; the next download still works.
				const abandoned = await exportStream(path, { kind: 'xlsx', roomId, now }, pool);
				await abandoned.cancel();
				expect(Buffer.from(await exportBytes(path, { kind: 'inputs-csv', roomId }, pool))).toEqual(
					Buffer.from(toCsv(inputLogRows(data), DELETED_NOTE(data)))
				);
			} finally {
				await pool.close();
				await setup.done();
			}
		}
	);

	it(
		'two downloads at once both complete on the one worker, a full queue says to try again, and shutdown ends the worker',
		{ timeout: 60_000 },
		async () => {
			const { setup, path, roomId, data, now } = await ranSession();
			const pool = onePool(1);
			try {
				// Two trainers at once: one streams while the other waits its turn on the same thread.
				const a = exportBytes(path, { kind: 'json', roomId, now }, pool);
				const b = exportBytes(path, { kind: 'inputs-csv', roomId }, pool);
				await expect(exportBytes(path, { kind: 'inputs-csv', roomId }, pool)).rejects.toThrow(
					'The server is building many downloads right now. Please try again in a minute.'
				);
				const [json, csv] = await Promise.all([a, b]);
				expect(Buffer.from(json).toString('utf8')).toBe(JSON.stringify(toJson(data, now), null, 2));
				expect(Buffer.from(csv).toString('utf8')).toBe(
					toCsv(inputLogRows(data), DELETED_NOTE(data))
				);
				expect(pool.workers).toHaveLength(1);

				const [worker] = pool.workers;
				const exited = new Promise((resolve) => worker!.once('exit', resolve));
				const refused = expect(
					exportBytes(path, { kind: 'json', roomId, now }, pool)
				).rejects.toThrow('The server is shutting down.');
				await pool.close();
				await exited;
				await refused;
				expect(pool.workers).toHaveLength(0);
			} finally {
				await pool.close();
				await setup.done();
			}
		}
	);
});
