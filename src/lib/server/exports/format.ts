/**
 * Cell values for files people open in spreadsheets. A cell that starts with = + - @ or a tab or
 * carriage return could run as a formula in Excel or LibreOffice (CSV injection), so it gets a
 * leading apostrophe: shown as text, and the apostrophe makes the change visible. The full-width
 * forms ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) count too: spreadsheets with East Asian input
 * settings can read them as their ASCII twins.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export type Cell = string | number | boolean | null;

export function neutralise(value: Cell): Cell {
	return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * ISO 8601 with the server's UTC offset ("2026-11-25T10:31:07.120+01:00"): a facilitator reads
 * local time, and a program still knows the exact instant. The offset follows the TZ setting.
 */
export function isoTime(ms: number | null | undefined): string | null {
	if (ms === null || ms === undefined) return null;
	const d = new Date(ms);
	const offset = -d.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	return (
		`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
		`T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}` +
		`${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
	);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An activity's own time (ISO 8601 in UTC, "…Z": activities do not know the session's zone) as
 * the session's own, like every other time in the exports: a CSV with "09:31Z" in one column and
 * "10:31+01:00" in the next reads as two different hours. Anything else is left as it is.
 */
export function sessionTime(value: Cell): Cell {
	if (typeof value !== 'string' || !value.endsWith('Z') || !ISO_TIME.test(value)) return value;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? value : isoTime(ms);
}

/**
 * For a spreadsheet cell: an ISO 8601 time (ours, or an activity's UTC one) as the wall-clock time
 * in the session's time zone (the server's TZ). Spreadsheet dates carry no zone, so the Date's UTC
 * fields are set to the local ones, which is what exceljs writes. Anything else: null.
 */
export function sheetTime(value: Cell): Date | null {
	if (typeof value !== 'string' || !ISO_TIME.test(value)) return null;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return null;
	return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
}

/** Columns in order of first appearance, so rows of slightly different shapes share one header. */
export function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
	const seen = new Set<string>();
	for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
	return [...seen];
}

/** A file name part from a title: letters, digits and dashes only, never empty. */
export function slug(text: string, fallback = 'export'): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 50)
		.replace(/-+$/g, '');
	return s || fallback;
}
