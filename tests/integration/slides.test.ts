import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgendaPlan } from '$lib/shared/agenda';
import { loadAgendas, slideProblems } from '$lib/server/content/agendas';
import { deckProblems, fileDeck } from '$lib/server/decks/file-decks';
import { deckPath } from '$lib/server/decks/files';
import ExcelJS from 'exceljs';
import { toCsv } from '$lib/server/exports/csv';
import { toJson } from '$lib/server/exports/json';
import { reportView } from '$lib/server/exports/report';
import { slideRows } from '$lib/server/exports/tables';
import { toWorkbook } from '$lib/server/exports/workbook';
import { sessionOf } from '$lib/server/exports/session';
import { getRoom } from '$lib/server/store/rooms';
import { makePdf } from '../helpers/make-pdf';
import { expectOk, next, send, serverPerTest, sqliteOf } from '../helpers/server';

const t = serverPerTest();

const plan: AgendaPlan = {
	title: 'Slides',
	start: '09:00',
	blocks: [
		{ title: 'Intro', minutes: 10, kind: 'talk', resources: { slides: '1-3' } },
		{ title: 'Poll', minutes: 10, kind: 'activity' },
		{ title: 'Model', minutes: 10, kind: 'talk', resources: { slides: '4–5' } }
	]
};
const deck = { hash: 'b'.repeat(64), pages: 20, bytes: 1234, name: 'deck.pdf' };

async function openRoom() {
	const trainer = await t.server.trainer();
	const room = await t.server.room(trainer.id, 'Slides', { deck, agenda: plan });
	const projector = await t.server.client({ cookie: trainer.cookie });
	const remote = await t.server.client({ cookie: trainer.cookie });
	expectOk(await send(projector, 'room:watch', { roomId: room.id }));
	const watched = expectOk(await send(remote, 'slides:watch', { roomId: room.id }));
	return { trainer, room, projector, remote, watched };
}

describe('slide position, owned by the server', () => {
	it('steps through a block, into the next block and back to the last slide, every screen in step', async () => {
		const { room, projector, remote, watched } = await openRoom();
		expect(watched.deck).toEqual(deck);
		expect(watched.position).toEqual({ block: 0, slide: 0, blank: null });
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		const step = (control: { type: 'next' } | { type: 'previous' }) =>
			send(remote, 'slides:control', { roomId: room.id, control });

		const heard = next(projector, 'slides:state', (v) => v.position.slide === 1);
		expect(expectOk(await step({ type: 'next' })).position).toEqual({
			block: 0,
			slide: 1,
			blank: null
		});
		expect((await heard).position.slide).toBe(1);

		expectOk(await step({ type: 'next' }));
		const moved = next(projector, 'agenda:run', (u) => u.run.current === 1);
		expect(expectOk(await step({ type: 'next' })).position).toEqual({
			block: 1,
			slide: 0,
			blank: null
		});
		expect((await moved).run.current).toBe(1);

		expect(expectOk(await step({ type: 'previous' })).position).toEqual({
			block: 0,
			slide: 2,
			blank: null
		});
		const blank = expectOk(
			await send(remote, 'slides:control', {
				roomId: room.id,
				control: { type: 'blank', blank: 'white' }
			})
		);
		expect(blank.position).toEqual({ block: 0, slide: 2, blank: 'white' });
		expect(await step({ type: 'previous' })).toMatchObject({ ok: true });
		const first = await step({ type: 'previous' });
		const atStart = await step({ type: 'previous' });
		expect(first).toMatchObject({ ok: true });
		expect(atStart).toEqual({ ok: false, code: 'invalid', error: 'This is the first slide.' });
	});

	it('the clock’s own next block starts that block on its first slide', async () => {
		const { room, remote } = await openRoom();
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expectOk(
			await send(remote, 'slides:control', {
				roomId: room.id,
				control: { type: 'goto', block: 0, slide: 2 }
			})
		);
		const heard = next(remote, 'slides:state', (v) => v.position.block === 2);
		expectOk(
			await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'jump', index: 2 } })
		);
		expect((await heard).position).toEqual({ block: 2, slide: 0, blank: null });
	});

	it('refuses steps before the start, jumps to missing slides and rooms without a deck, with a sentence', async () => {
		const { room, remote, trainer } = await openRoom();
		expect(
			await send(remote, 'slides:control', { roomId: room.id, control: { type: 'next' } })
		).toEqual({
			ok: false,
			code: 'invalid',
			error: 'Start the agenda first.'
		});
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expect(
			await send(remote, 'slides:control', {
				roomId: room.id,
				control: { type: 'goto', block: 2, slide: 2 }
			})
		).toMatchObject({ ok: false, error: 'That block has no such slide.' });
		const bare = await t.server.room(trainer.id, 'No deck');
		expect(
			await send(remote, 'slides:control', { roomId: bare.id, control: { type: 'next' } })
		).toMatchObject({
			ok: false,
			error: expect.stringContaining('no slides')
		});
	});

	it('resumes on the same slide after a restart, with the time on each slide logged', async () => {
		const { room, remote, trainer } = await openRoom();
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expectOk(await send(remote, 'slides:control', { roomId: room.id, control: { type: 'next' } }));
		expectOk(await send(remote, 'slides:control', { roomId: room.id, control: { type: 'next' } }));
		await t.restart();
		// A stranger sees nothing; the room's own trainer sees the same slide.
		const stranger = await t.server.client({ cookie: (await t.server.trainer()).cookie });
		expect(await send(stranger, 'slides:watch', { roomId: room.id })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		const back = await t.server.client({ cookie: trainer.cookie });
		expect(expectOk(await send(back, 'slides:watch', { roomId: room.id })).position).toEqual({
			block: 0,
			slide: 2,
			blank: null
		});
		const row = sqliteOf(t.server.db)
			.prepare('select slides from rooms where id = ?')
			.pluck()
			.get(room.id) as string;
		const stored = JSON.parse(row);
		expect(stored.position).toEqual({ block: 0, slide: 2, blank: null });
		expect(stored.log.map((e: { page: number }) => e.page)).toEqual([1, 2, 3]);
		// The session export carries the time on each slide, per block.
		const exported = toJson(await sessionOf(t.server.db, (await getRoom(t.server.db, room.id))!));
		expect(exported.session.slides.map((s) => [s.blockTitle, s.page])).toEqual([
			['Intro', 1],
			['Intro', 2],
			['Intro', 3]
		]);
		expect(exported.session.slides.every((s) => s.seconds >= 0)).toBe(true);

		// The timing report, the workbook and a CSV show the same, in words.
		const data = await sessionOf(t.server.db, (await getRoom(t.server.db, room.id))!);
		const now = Date.now();
		expect(reportView(data, now).slideTimes).toEqual(exported.session.slides);
		const rows = slideRows(data, now);
		expect(rows.map((r) => [r.blockNumber, r.block, r.slide])).toEqual([
			[1, 'Intro', 1],
			[1, 'Intro', 2],
			[1, 'Intro', 3]
		]);
		const csv = toCsv(rows)
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(csv[0]).toBe('Block number,Block,Slide,Time on slide (seconds)');
		expect(csv[1]).toMatch(/^1,Intro,1,\d+$/);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await toWorkbook(data, now)).buffer);
		expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual([
			'Summary',
			'Timing',
			'Slides',
			'Activities'
		]);
		const sheet = wb.getWorksheet('Slides')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual(['Block number', 'Block', 'Slide', 'Time on slide (seconds)']);
		expect(sheet.rowCount).toBe(4);
	});
});

describe('a deck beside a shipped agenda file', () => {
	it('is read, stored by content hash, and its page count checks the blocks’ slides', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'wc-deck-'));
		// Decks are stored beside the database: here, beside a database in this test's folder.
		process.env.DATABASE_PATH = join(dir, 'data', 'test.db');
		writeFileSync(join(dir, 'deck.pdf'), makePdf({ pages: 6 }));
		writeFileSync(
			join(dir, 'with-deck.yaml'),
			[
				'title: With a deck',
				'start: "09:00"',
				'deck: deck.pdf',
				'blocks:',
				'  - title: Intro',
				'    minutes: 10',
				'    kind: talk',
				'    resources:',
				'      slides: "1-3"',
				'  - title: Too far',
				'    minutes: 10',
				'    kind: talk',
				'    resources:',
				'      slides: "5-8"',
				'  - title: Not slides',
				'    minutes: 10',
				'    kind: talk',
				'    resources:',
				'      slides: "see handout"',
				''
			].join('\n')
		);
		const { agendas, problems } = loadAgendas(dir);
		expect(problems).toEqual([]);
		const agenda = agendas[0]!;
		expect(agenda.deck).toBe('deck.pdf');
		expect(slideProblems(agendas)).toEqual([
			{
				file: 'with-deck.yaml',
				line: 15,
				message: 'slides: “see handout” is not a slide number or a range like 6–14',
				severity: 'warning'
			}
		]);
		expect(await deckProblems(agendas, dir)).toEqual([
			{
				file: 'with-deck.yaml',
				line: 10,
				message: 'slides: slides 7–8 are past the end of the deck (6 pages)',
				severity: 'warning'
			}
		]);
		const stored = await fileDeck(agenda, dir);
		expect(stored).toMatchObject({ pages: 6, name: 'deck.pdf' });
		expect(deckPath(stored!.hash)).toMatch(/decks\/[0-9a-f]{64}\.pdf$/);
	});
});
