import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/server/exports/csv';
import { toWorkbook } from '$lib/server/exports/workbook';
import { sessionData } from '../helpers/session-data';
import { isoTime, neutralise, slug } from '$lib/server/exports/format';

describe('export cells', () => {
	it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
		'neutralises %j so a spreadsheet shows it as text',
		(value) => {
			expect(neutralise(value)).toBe(`'${value}`);
		}
	);

	it.each(['\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(A1)'])(
		'neutralises the full-width formula start %j too, in CSV and in the workbook',
		async (value) => {
			expect(neutralise(value)).toBe(`'${value}`);
			expect(toCsv([{ answer: value }])).toBe(`\uFEFFAnswer\r\n'${value}\r\n`);
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load(
				(await toWorkbook(sessionData([{ title: 'Poll', rows: [{ answer: value }] }]))).buffer
			);
			const cells: unknown[] = [];
			wb.getWorksheet('Poll')!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
			expect(cells).toContain(`'${value}`);
			expect(cells).not.toContain(value);
		}
	);

	it('leaves ordinary text, numbers (negative too) and empties alone', () => {
		expect([
			neutralise('Zoë'),
			neutralise('a=b'),
			neutralise(-3),
			neutralise(true),
			neutralise(null),
			neutralise('')
		]).toEqual(['Zoë', 'a=b', -3, true, null, '']);
	});

	it('writes a CSV with a BOM, CRLF rows and quoted commas, quotes and line breaks', () => {
		const csv = toCsv([
			{ name: 'Łukasz', note: 'a, "b"\nc' },
			{ name: '=cmd', extra: 1 }
		]);
		expect(csv).toBe('\uFEFFName,Note,Extra\r\nŁukasz,"a, ""b""\nc",\r\n\'=cmd,,1\r\n');
	});

	it('says why a CSV is empty rather than giving an empty file', () => {
		expect(toCsv([], 'Participant data was deleted.')).toBe(
			'\uFEFFParticipant data was deleted.\r\n'
		);
	});

	it('gives times in ISO 8601 with the UTC offset, the same instant', () => {
		const ms = Date.UTC(2026, 10, 25, 9, 30, 5, 120);
		const iso = isoTime(ms)!;
		expect(iso).toMatch(/^2026-11-25T\d{2}:30:05\.120[+-]\d{2}:\d{2}$/);
		expect(Date.parse(iso)).toBe(ms);
		expect(isoTime(null)).toBeNull();
	});

	it("gives an activity's own UTC times in a CSV with the session's offset, like its other times", () => {
		const ms = Date.UTC(2026, 10, 25, 9, 30, 5, 120);
		const csv = toCsv([{ saved: new Date(ms).toISOString(), note: 'Done at 2026-11-25T09:30Z' }]);
		expect(csv).toBe(`\uFEFFSaved,Note\r\n${isoTime(ms)},Done at 2026-11-25T09:30Z\r\n`);
	});

	it('makes file names from titles', () => {
		expect(slug('Session A: Zoë’s “PM” day!')).toBe('session-a-zoe-s-pm-day');
		expect(slug('!!!', 'activity')).toBe('activity');
	});
});
