import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { columnsOf, neutralise, sheetTime, type Cell } from './format';
import { headersOf } from './headers';
import type { SessionData } from './session';
import {
	activitySummaryRows,
	inputLogRows,
	participantRows,
	sessionFacts,
	slideRows,
	timingRows,
	type Row
} from './tables';

/** Fonts name their family: a font without one falls back to a serif in LibreOffice. */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const BOLD = { ...FONT, bold: true } as const;
const TITLE = { ...FONT, bold: true, size: 14 } as const;
const LINK = { ...FONT, color: { argb: 'FF0563C1' }, underline: true } as const;
/** Readable and still a real date-time: sorts, filters and reformats in any spreadsheet. */
const TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** The input log keeps seconds: many inputs arrive within the same minute. */
const TIME_FORMAT_SECONDS = 'dd/mm/yyyy hh:mm:ss';
const MIN_WIDTH = 8;
/** Wider columns wrap instead: a long answer reads as a paragraph, not a line off the page. */
const MAX_WIDTH = 50;
/** Header words may wrap onto two lines rather than widen a column of short values. */
const HEADER_WIDTH = 18;
const WRAP = { wrapText: true, vertical: 'top' } as const;
const NO_WRAP = { wrapText: false, vertical: 'top' } as const;
const A4 = 9;

interface TableSheet {
	name: string;
	/** The full title, on the summary sheet and (for activities) above the table. */
	title: string;
	/** Activities show their title and prompt above the table. */
	heading: string[];
	rows: readonly Row[];
	empty: string;
	timeFormat: string;
}

/**
 * One workbook: a summary sheet (session facts and a linked list of the sheets), then one table per
 * sheet: timing, activities, each activity's results, participants and the full input log. Every
 * table has its headers in words, a frozen header row, a filter, fitted wrapped columns and prints
 * across A4 landscape. Text cells are neutralised like the CSVs. Written with exceljs's streaming
 * writer, row by row, so a large session does not sit in memory twice.
 */
export async function writeWorkbook(
	data: SessionData,
	stream: Writable,
	now = Date.now()
): Promise<void> {
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream,
		useStyles: true,
		useSharedStrings: false
	});
	wb.creator = 'Workshop Companion';
	wb.created = new Date(now);
	const names = new SheetNames();
	const summaryName = names.take('Summary');
	const none = data.deleted ? 'Participant data was deleted.' : 'No answers were recorded.';
	const sheets: TableSheet[] = [
		{ title: 'Timing: planned and actual', rows: timingRows(data), short: 'Timing' },
		{ title: 'Activities in this session', rows: activitySummaryRows(data), short: 'Activities' }
	].map(({ title, rows, short }) => ({
		name: names.take(short),
		title,
		heading: [],
		rows,
		empty: '(none)',
		timeFormat: TIME_FORMAT
	}));
	// Sessions that showed slides get the time on each, beside the timing (others stay as they were).
	const slides = slideRows(data, now);
	if (slides.length)
		sheets.splice(1, 0, {
			name: names.take('Slides'),
			title: 'Time on each slide',
			heading: [],
			rows: slides,
			empty: '(none)',
			timeFormat: TIME_FORMAT
		});
	for (const run of data.runs)
		sheets.push({
			name: names.take(run.row.title),
			title: run.row.title,
			heading: [run.row.title, ...(run.row.prompt ? [run.row.prompt] : []), ''],
			rows: run.rows,
			empty: none,
			timeFormat: TIME_FORMAT
		});
	sheets.push(
		{
			name: names.take('Participants'),
			title: 'Participants',
			heading: [],
			rows: participantRows(data),
			empty: '(none)',
			timeFormat: TIME_FORMAT
		},
		{
			name: names.take('Input log'),
			title: 'Input log: every acknowledged input, in order',
			heading: [],
			rows: inputLogRows(data),
			empty: '(none)',
			timeFormat: TIME_FORMAT_SECONDS
		}
	);
	if (data.followUp.length)
		sheets.push({
			name: names.take('Follow-up'),
			title: 'Follow-up check-ins the learners let the trainer see',
			heading: [],
			rows: data.followUp,
			empty: '(none)',
			timeFormat: TIME_FORMAT
		});

	writeSummary(wb, summaryName, data, sheets, now);
	for (const sheet of sheets) await writeTable(wb, sheet);
	await wb.commit();
}

/** The whole workbook in memory: for tests and small callers; routes stream writeWorkbook instead. */
export async function toWorkbook(
	data: SessionData,
	now = Date.now()
): Promise<Uint8Array<ArrayBuffer>> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	await writeWorkbook(data, out, now);
	const all = Buffer.concat(chunks);
	const bytes = new Uint8Array(new ArrayBuffer(all.length));
	bytes.set(all);
	return bytes;
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

function pageSetup(titleRow?: number): Partial<ExcelJS.PageSetup> {
	return {
		paperSize: A4,
		orientation: 'landscape',
		fitToPage: true,
		fitToWidth: 1,
		fitToHeight: 0,
		...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {})
	};
}

const SUMMARY_WIDTHS = [33, 70];

function writeSummary(
	wb: Writer,
	name: string,
	data: SessionData,
	sheets: TableSheet[],
	now: number
): void {
	const ws = wb.addWorksheet(name, { pageSetup: pageSetup() });
	internalLinks(ws);
	ws.columns = [
		{ width: SUMMARY_WIDTHS[0], style: { alignment: WRAP } },
		{ width: SUMMARY_WIDTHS[1], style: { alignment: { ...WRAP, horizontal: 'left' } } }
	];
	for (const [label, value] of sessionFacts(data, now)) {
		if (value === null) continue;
		const row = ws.addRow([label, null]);
		setCell(row.getCell(2), value, TIME_FORMAT);
		row.getCell(1).font = BOLD;
		fitHeight(row, [label, value], SUMMARY_WIDTHS);
		row.commit();
	}
	ws.addRow([]).commit();
	const heading = ws.addRow(['Sheets in this workbook']);
	heading.font = { ...BOLD, size: 13 };
	heading.commit();
	const head = ws.addRow(['Sheet', 'Contents']);
	head.font = BOLD;
	head.commit();
	for (const sheet of sheets) {
		const row = ws.addRow([
			{ text: sheet.name, hyperlink: `#${quoteSheet(sheet.name)}!A1` },
			neutralise(sheet.title)
		]);
		row.getCell(1).font = LINK;
		fitHeight(row, [sheet.name, sheet.title], SUMMARY_WIDTHS);
		row.commit();
	}
	ws.commit();
}

async function writeTable(wb: Writer, sheet: TableSheet): Promise<void> {
	const columns = columnsOf(sheet.rows);
	const headerRow = sheet.heading.length + 1;
	const hasTable = columns.length > 0;
	const lastRow = headerRow + sheet.rows.length;
	const ws = wb.addWorksheet(sheet.name, {
		pageSetup: pageSetup(hasTable ? headerRow : undefined),
		views: hasTable
			? [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }]
			: [],
		...(hasTable
			? {
					autoFilter: {
						from: { row: headerRow, column: 1 },
						to: { row: lastRow, column: columns.length }
					}
				}
			: {})
	});
	const headers = headersOf(columns).map((h) => neutralise(h) as string);
	const colWidths = widths(headers, columns, sheet.rows);
	ws.columns = colWidths.map((width) => ({ width, style: { alignment: WRAP } }));

	sheet.heading.forEach((text, i) => {
		const row = ws.addRow([neutralise(text)]);
		// The title and prompt run across the empty cells to their right instead of wrapping in column A.
		row.getCell(1).alignment = NO_WRAP;
		if (i === 0) row.font = TITLE;
		row.commit();
	});
	if (!hasTable) {
		const row = ws.addRow([sheet.empty]);
		row.getCell(1).alignment = NO_WRAP;
		row.commit();
		ws.commit();
		return;
	}
	const head = ws.addRow(headers);
	head.font = BOLD;
	fitHeight(head, headers, colWidths);
	head.commit();
	for (const values of sheet.rows) {
		const row = ws.addRow([]);
		columns.forEach((c, i) => setCell(row.getCell(i + 1), values[c] ?? null, sheet.timeFormat));
		fitHeight(
			row,
			columns.map((c) => values[c] ?? null),
			colWidths
		);
		row.commit();
	}
	ws.commit();
	// Let the zip stream drain between sheets rather than buffer the whole workbook.
	await new Promise<void>((resolve) => setImmediate(resolve));
}

function setCell(cell: ExcelJS.Cell, value: Cell, timeFormat: string): void {
	const time = sheetTime(value);
	if (time) {
		cell.value = time;
		cell.numFmt = timeFormat;
	} else cell.value = neutralise(value);
}

/** Each column as wide as its longest line (within MIN_WIDTH..MAX_WIDTH), dates as wide as their format. */
function widths(headers: string[], columns: string[], rows: readonly Row[]): number[] {
	return columns.map((c, i) => {
		let w = Math.min(HEADER_WIDTH, headers[i]!.length);
		for (const row of rows) {
			const v = row[c];
			if (v === null || v === undefined) continue;
			const len = sheetTime(v) ? TIME_FORMAT_SECONDS.length + 2 : longestLine(String(v));
			if (len > w) w = len;
			if (w >= MAX_WIDTH) break;
		}
		return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w + 2));
	});
}

const LINE_HEIGHT = 15;
const MAX_LINES = 20;

/**
 * A row tall enough for its wrapped text. Excel fits rows itself, LibreOffice does not on opening a
 * file, so the height is estimated: a column's width counts digit widths, and ordinary text, being
 * narrower, fits about 1.15 characters per unit (a little less with word breaks; a row too tall
 * reads better than a clipped one).
 */
function fitHeight(row: ExcelJS.Row, values: Cell[], colWidths: number[]): void {
	let lines = 1;
	values.forEach((v, i) => {
		if (typeof v !== 'string' || sheetTime(v)) return;
		const perLine = Math.max(1, Math.floor(colWidths[i]! * 1.15));
		let n = 0;
		for (const line of v.split('\n')) n += Math.max(1, Math.ceil(line.length / perLine));
		lines = Math.max(lines, n);
	});
	if (lines > 1) row.height = Math.min(MAX_LINES, lines) * LINE_HEIGHT;
}

function longestLine(text: string): number {
	let max = 0;
	for (const line of text.split('\n')) max = Math.max(max, line.length);
	return max;
}

function quoteSheet(name: string): string {
	return `'${name.replace(/'/g, "''")}'`;
}

/**
 * exceljs's streaming writer stores every hyperlink as an external relationship, which spreadsheets
 * open as a file link. A link to a place in this workbook ("#'Input log'!A1") is instead written as
 * the cell's location, as Excel itself does. Relies on the writer's sheet-relations object.
 */
function internalLinks(ws: ExcelJS.Worksheet): void {
	const rels = (
		ws as unknown as {
			_sheetRelsWriter: {
				_hyperlinks: unknown[];
				addHyperlink(h: { target: string; address: string }): void;
			};
		}
	)._sheetRelsWriter;
	const external = rels.addHyperlink.bind(rels);
	rels.addHyperlink = (h) => {
		if (h.target.startsWith('#'))
			rels._hyperlinks.push({ address: h.address, target: h.target.slice(1) });
		else external(h);
	};
}

/**
 * Sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case; a long
 * title is cut at a word boundary ("Your performance-management", not "…management job" cut mid-word).
 */
export class SheetNames {
	static readonly MAX = 31;
	readonly #taken = new Set<string>();
	take(wanted: string): string {
		const clean =
			wanted
				.replace(/[:\\/?*[\]]/g, ' ')
				.replace(/\s+/g, ' ')
				.trim()
				.replace(/^'+|'+$/g, '') || 'Sheet';
		const base = shorten(clean, SheetNames.MAX);
		let name = base;
		for (let n = 2; this.#taken.has(name.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			name = `${shorten(clean, SheetNames.MAX - suffix.length)}${suffix}`;
		}
		this.#taken.add(name.toLowerCase());
		return name;
	}
}

/** At most `max` characters, cut after the last whole word that fits (mid-word only for one huge word). */
function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max + 1);
	const space = cut.lastIndexOf(' ');
	const words = space >= max / 3 ? cut.slice(0, space) : text.slice(0, max);
	return words.replace(/[\s,;.\-–—'(]+$/g, '') || text.slice(0, max);
}
