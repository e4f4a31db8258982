import { stringify } from 'csv-stringify/sync';
import { columnsOf, neutralise } from './format';
import type { Row } from './tables';

/**
 * UTF-8 with a byte-order mark, so Excel opens "Zoë" and "Łukasz" as written; CRLF line ends
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
	const header = columns.map((c) => neutralise(c));
	const records = rows.map((row) => columns.map((c) => neutralise(row[c] ?? null)));
	return stringify([header, ...records], {
		bom: true,
		record_delimiter: 'windows',
		cast: { boolean: (v) => (v ? 'true' : 'false') }
	});
}
