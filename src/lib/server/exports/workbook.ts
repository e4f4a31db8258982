import ExcelJS from 'exceljs';
import { columnsOf, neutralise } from './format';
import type { SessionData } from './session';
import {
	activitySummaryRows,
	inputLogRows,
	participantRows,
	sessionFacts,
	timingRows,
	type Row
} from './tables';

const BOLD = { bold: true } as const;

/**
 * One workbook: a summary sheet (session facts, timing, activities), a sheet per activity with
 * its results, the participants and the full input log. Text cells are neutralised like the CSVs.
 */
export async function toWorkbook(
	data: SessionData,
	now = Date.now()
): Promise<Uint8Array<ArrayBuffer>> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Workshop Companion';
	wb.created = new Date(now);
	const names = new SheetNames();

	const summary = wb.addWorksheet(names.take('Summary'));
	for (const [label, value] of sessionFacts(data, now)) {
		if (value === null) continue;
		const row = summary.addRow([label, neutralise(value)]);
		row.getCell(1).font = BOLD;
	}
	summary.addRow([]);
	addTable(summary, 'Timing: planned and actual', timingRows(data));
	summary.addRow([]);
	addTable(summary, 'Activities', activitySummaryRows(data));
	summary.getColumn(1).width = 28;
	summary.getColumn(2).width = 40;

	for (const run of data.runs) {
		const sheet = wb.addWorksheet(names.take(run.row.title));
		sheet.addRow([neutralise(run.row.title)]).font = { bold: true, size: 14 };
		if (run.row.prompt) sheet.addRow([neutralise(run.row.prompt)]);
		sheet.addRow([]);
		if (run.rows.length) addTable(sheet, null, run.rows);
		else
			sheet.addRow([data.deleted ? 'Participant data was deleted.' : 'No answers were recorded.']);
	}
	addTable(wb.addWorksheet(names.take('Participants')), null, participantRows(data));
	addTable(wb.addWorksheet(names.take('Input log')), null, inputLogRows(data));
	if (data.followUp.length) addTable(wb.addWorksheet(names.take('Follow-up')), null, data.followUp);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addTable(sheet: ExcelJS.Worksheet, title: string | null, rows: readonly Row[]): void {
	if (title) sheet.addRow([title]).font = { bold: true, size: 13 };
	const columns = columnsOf(rows);
	if (!columns.length) {
		sheet.addRow(['(none)']);
		return;
	}
	sheet.addRow(columns.map((c) => neutralise(c))).font = BOLD;
	for (const row of rows) sheet.addRow(columns.map((c) => neutralise(row[c] ?? null)));
	columns.forEach((c, i) => {
		const col = sheet.getColumn(i + 1);
		col.width = Math.max(col.width ?? 10, Math.min(60, Math.max(10, c.length + 2)));
	});
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
class SheetNames {
	readonly #taken = new Set<string>();
	take(wanted: string): string {
		const base =
			wanted
				.replace(/[:\\/?*[\]]/g, ' ')
				.replace(/\s+/g, ' ')
				.trim()
				.replace(/^'+|'+$/g, '')
				.slice(0, 31)
				.trim() || 'Sheet';
		let name = base;
		for (let n = 2; this.#taken.has(name.toLowerCase()); n++)
			name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
		this.#taken.add(name.toLowerCase());
		return name;
	}
}
