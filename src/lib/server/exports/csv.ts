import { stringify } from 'csv-stringify/sync';
import { columnsOf, neutralise, sessionTime } from './format';
import { headersOf } from './headers';
import type { Row } from './tables';

/**
 * Headers in words (as in the workbook); times stay ISO 8601 with their offset, unambiguous for
 * programs. UTF-8 with a byte-order mark, so Excel opens "Zoë" and "Łukasz" as written; CRLF line ends
 * (RFC 4180); every text cell neutralised against formula injection.
 */
export function toCsv(rows: readonly Row[], note?: string | null): string {
	const columns = columnsOf(rows);
	if (columns.length === 0)
		return stringify([[note ?? 'No answers were recorded.']], {
			bom: true,
			header: false,
			record_delimiter: 'windows'
		});
	const header = headersOf(columns).map((h) => neutralise(h));
	const records = rows.map((row) => columns.map((c) => neutralise(sessionTime(row[c] ?? null))));
	return stringify([header, ...records], {
		bom: true,
		record_delimiter: 'windows',
		cast: { boolean: (v) => (v ? 'true' : 'false') }
	});
}
