import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toWorkbook } from '$lib/server/exports/workbook';
import { findSoffice, HOW_TO_INSTALL } from '../../scripts/ensure-soffice.js';
import { sessionData } from '../helpers/session-data';

// The workbook opened by a real spreadsheet application: LibreOffice Calc, headless, converting it
// to PDF and to one CSV per sheet "as shown", i.e. as a facilitator sees the cells on screen.
// `npm test` installs LibreOffice first (scripts/ensure-soffice.js); without it this test fails
// and says how to install it rather than passing unseen.

const dir = mkdtempSync(join(tmpdir(), 'wc-soffice-'));
const zone = process.env.TZ;
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

function soffice(args: string[]) {
	const bin = findSoffice();
	if (!bin) throw new Error(HOW_TO_INSTALL);
	const run = spawnSync(
		bin,
		['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, ...args],
		{
			cwd: dir,
			encoding: 'utf8',
			timeout: 110_000
		}
	);
	expect(run.status, `soffice ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
	expect(run.stderr).not.toMatch(/error/i);
	return run;
}

describe('the workbook in LibreOffice Calc', () => {
	it(
		'converts without error, and the cells read as a facilitator should see them',
		{ timeout: 240_000 },
		async () => {
			process.env.TZ = 'Europe/Berlin';
			const start = Date.UTC(2026, 11, 6, 9, 31); // 10:31 in Berlin
			const data = sessionData(
				[
					{
						title: 'Your performance-management job: why we have it, pros and cons',
						rows: [
							{ answer: '=1+1', author: 'Zoë' },
							{ answer: '\uFF1D1+1', author: '@Łukasz' },
							{ answer: 'Clear goals, "agreed" together', author: 'Sam' }
						]
					}
				],
				start
			);
			writeFileSync(join(dir, 'session.xlsx'), await toWorkbook(data, start));

			soffice(['--convert-to', 'pdf', '--outdir', dir, 'session.xlsx']);
			const pdf = readFileSync(join(dir, 'session.pdf'));
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			// One page per sheet at least: the summary, timing, activities, the activity, people and log.
			expect(
				(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length
			).toBeGreaterThanOrEqual(6);

			// Every sheet to its own CSV, cells as shown on screen (44 comma, 34 quote, 76 UTF-8, -1 all sheets).
			soffice([
				'--convert-to',
				'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
				'--outdir',
				dir,
				'session.xlsx'
			]);
			const sheet = (name: string) => {
				const file = readdirSync(dir).find((f) => f === `session-${name}.csv`);
				expect(
					file,
					`a CSV for sheet "${name}" among ${readdirSync(dir).join(', ')}`
				).toBeDefined();
				return parse(readFileSync(join(dir, file!), 'utf8'), {
					relax_column_count: true
				}) as string[][];
			};

			const timing = sheet('Timing');
			expect(timing[0]).toEqual([
				'Block',
				'Planned start',
				'Planned minutes',
				'Actual start',
				'Actual minutes',
				'Difference (minutes)'
			]);
			expect(timing[1]).toEqual([
				'Welcome',
				'06/12/2026 10:00',
				'10',
				'06/12/2026 10:31',
				'12',
				'2'
			]);

			const answers = sheet('Your performance-management job');
			expect(answers[0]![0]).toBe('Your performance-management job: why we have it, pros and cons');
			const head = answers.findIndex((r) => r[0] === 'Answer');
			expect(answers[head]).toEqual(['Answer', 'Author']);
			// Formula-like answers stay text: shown with their apostrophe, never computed to "2".
			expect(answers.slice(head + 1).map((r) => r.slice(0, 2))).toEqual([
				["'=1+1", 'Zoë'],
				["'\uFF1D1+1", "'@Łukasz"],
				['Clear goals, "agreed" together', 'Sam']
			]);

			const log = sheet('Input log');
			expect(log[0]!.slice(0, 3)).toEqual(['No.', 'Time', 'Activity']);
			expect(log[1]![1]).toBe('06/12/2026 10:32:00');

			const summary = sheet('Summary');
			expect(summary).toContainEqual(['Started', '06/12/2026 10:31']);
			expect(summary.map((r) => r[0])).toContain('Input log');
		}
	);
});
