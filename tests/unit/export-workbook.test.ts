import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '$lib/server/exports/csv';
import { headerOf } from '$lib/server/exports/headers';
import { inputLogRows, timingRows } from '$lib/server/exports/tables';
import { SheetNames, toWorkbook } from '$lib/server/exports/workbook';
import { sessionData } from '../helpers/session-data';
import { zipEntry } from '../helpers/zip';

// The workbook read back with exceljs, as a facilitator's spreadsheet would see it: headers in
// words, real date-times in the session's zone, every table ready to sort, filter and print.

const LONG = 'Your performance-management job: why we have it, pros and cons';
const start = Date.UTC(2026, 11, 6, 9, 31); // 10:31 in Berlin

function data() {
	return sessionData(
		[
			{
				title: LONG,
				rows: [{ answer: 'Clear goals '.repeat(12).trim(), author: 'Zoë', spotlighted: false }]
			},
			{
				title: `${LONG} (again)`,
				rows: [
					{
						stepLabel: 'Plan',
						step: 1,
						ratedBy: '=HYPERLINK("x")',
						saved: new Date(start).toISOString()
					}
				]
			},
			{ title: 'Quick poll', rows: [] }
		],
		start
	);
}

async function workbook() {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await toWorkbook(data(), start + 3_600_000)).buffer);
	return wb;
}

const zone = process.env.TZ;
afterEach(() => {
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

describe('the workbook a facilitator opens', () => {
	it('names sheets at a word boundary, uniquely, within 31 characters, and lists them with links and full titles', async () => {
		const bytes = await toWorkbook(data(), start + 3_600_000);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes.buffer);
		const summary = wb.getWorksheet('Summary')!;
		const names = wb.worksheets.map((s) => s.name);
		expect(names).toEqual([
			'Summary',
			'Timing',
			'Activities',
			'Your performance-management job',
			'Your performance-management (2)',
			'Quick poll',
			'Participants',
			'Input log'
		]);
		for (const n of names) expect(n.length).toBeLessThanOrEqual(31);

		// exceljs does not read links to a place in the workbook back: the sheet's XML is checked.
		const xml = zipEntry(bytes, 'xl/worksheets/sheet1.xml')!;
		const links = [...xml.matchAll(/<hyperlink ref="(A\d+)" location="([^"]+)"\/>/g)].map(
			([, ref, location]) => ({
				text: summary.getCell(ref!).value,
				title: summary.getCell(ref!.replace('A', 'B')).value,
				location: location!.replace(/&apos;/g, "'")
			})
		);
		expect(links.map((l) => l.text)).toEqual(names.slice(1));
		for (const l of links) expect(l.location).toBe(`'${l.text}'!A1`);
		expect(links[2]!.title).toBe(LONG);
		expect(links[3]!.title).toBe(`${LONG} (again)`);
		expect(summary.getCell('A1').value).toBe('Session');
	});

	it('cuts names at words, never mid-word, and keeps them unique regardless of case', () => {
		const names = new SheetNames();
		expect(names.take('AMO: what helps your team perform at work')).toBe(
			'AMO what helps your team'
		);
		expect(names.take('amo what helps your team perform')).toBe('amo what helps your team (2)');
		expect(names.take('Supercalifragilisticexpialidocious-and-more-words')).toBe(
			'Supercalifragilisticexpialidoci'
		);
		expect(names.take('[Input]/log?')).toBe('Input log');
	});

	it('puts headers in words on every table sheet, with a frozen header row, a filter, fitted wrapped columns and A4 landscape printing', async () => {
		const wb = await workbook();
		const headers = (name: string, row: number) =>
			(wb.getWorksheet(name)!.getRow(row).values as unknown[]).slice(1);
		expect(headers('Timing', 1)).toEqual([
			'Block',
			'Planned start',
			'Planned minutes',
			'Actual start',
			'Actual minutes',
			'Difference (minutes)'
		]);
		expect(headers('Input log', 1)).toEqual([
			'No.',
			'Time',
			'Activity',
			'Activity ID',
			'From',
			'Participant ID',
			'Group',
			'Kind of input',
			'Input ID',
			'Input'
		]);
		expect(headers('Your performance-management (2)', 3)).toEqual([
			'Step',
			'Step number',
			'Rated by',
			'Saved'
		]);

		const tables: [string, number, string][] = [
			['Timing', 1, 'A1:F3'],
			['Activities', 1, 'A1:J4'],
			['Your performance-management job', 3, 'A3:C4'],
			['Participants', 1, 'A1:C3'],
			['Input log', 1, 'A1:J3']
		];
		for (const [name, headerRow, filter] of tables) {
			const ws = wb.getWorksheet(name)!;
			expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: headerRow });
			expect(ws.autoFilter, name).toBe(filter);
			expect(ws.pageSetup, name).toMatchObject({
				paperSize: 9,
				orientation: 'landscape',
				fitToPage: true,
				fitToWidth: 1,
				fitToHeight: 0
			});
			expect(ws.pageSetup.printTitlesRow, name).toBe(`${headerRow}:${headerRow}`);
			for (const col of ws.columns) {
				expect(col.width).toBeGreaterThanOrEqual(8);
				expect(col.width).toBeLessThanOrEqual(50);
				expect(col.alignment?.wrapText).toBe(true);
			}
		}
		// The long answer wraps in a column at the maximum width, on a row tall enough for it.
		const answers = wb.getWorksheet('Your performance-management job')!;
		expect(answers.getColumn(1).width).toBe(50);
		expect(answers.getRow(4).height).toBeGreaterThanOrEqual(45);
		expect(answers.getColumn(2).width).toBeLessThan(12);
		// An activity with no answers says so, and has no table to freeze or filter.
		const empty = wb.getWorksheet('Quick poll')!;
		expect(empty.getCell('A3').value).toBe('No answers were recorded.');
		expect(empty.autoFilter).toBeFalsy();
	});

	it("writes times as date-time cells in the session's time zone with a readable format, durations as minutes", async () => {
		process.env.TZ = 'Europe/Berlin';
		const wb = await workbook();
		// Spreadsheet dates have no zone: the cell holds the wall-clock time at the venue.
		const wall = (h: number, m: number, s = 0) => new Date(Date.UTC(2026, 11, 6, h, m, s));
		const timing = wb.getWorksheet('Timing')!.getRow(2);
		expect(timing.getCell(4).value).toEqual(wall(10, 31));
		expect(timing.getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm');
		expect(timing.getCell(5).value).toBe(12);
		expect(wb.getWorksheet('Input log')!.getCell('B2').value).toEqual(wall(10, 32));
		expect(wb.getWorksheet('Input log')!.getCell('B2').numFmt).toBe('dd/mm/yyyy hh:mm:ss');
		// An activity's own UTC ISO time becomes a local date-time cell too.
		expect(wb.getWorksheet('Your performance-management (2)')!.getCell('D4').value).toEqual(
			wall(10, 31)
		);
		const facts = new Map<string, unknown>();
		wb.getWorksheet('Summary')!.eachRow((row) =>
			facts.set(String(row.getCell(1).value), row.getCell(2).value)
		);
		expect(facts.get('Started')).toEqual(wall(10, 31));
		expect(facts.get('Exported')).toEqual(wall(11, 31));
		// Text that merely looks like a formula stays text.
		expect(wb.getWorksheet('Your performance-management (2)')!.getCell('C4').value).toBe(
			'\'=HYPERLINK("x")'
		);
	});

	it('gives the CSVs the same words as headers and keeps ISO 8601 times with their offset', () => {
		process.env.TZ = 'Europe/Berlin';
		const rows = parse(toCsv(timingRows(data())), { bom: true, columns: true }) as Record<
			string,
			string
		>[];
		expect(Object.keys(rows[0]!)).toEqual([
			'Block',
			'Planned start',
			'Planned minutes',
			'Actual start',
			'Actual minutes',
			'Difference (minutes)'
		]);
		expect(rows[0]!['Actual start']).toBe('2026-12-06T10:31:00.000+01:00');
		const log = parse(toCsv(inputLogRows(data())), { bom: true, columns: true }) as Record<
			string,
			string
		>[];
		expect(log[0]!.Time).toBe('2026-12-06T10:32:00.000+01:00');
		expect(headerOf('ratedBy')).toBe('Rated by');
		expect(headerOf('goal type')).toBe('Goal type');
	});
});
