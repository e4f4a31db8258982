// `npm test`: every check, in order, stopping at the first failure: types, lint and format, content, unit and
// socket integration tests (vitest, one of them with LibreOffice), the browser tests (Playwright on Debian's
// Chromium), the organisation-mode cluster's short form (when PostgreSQL and Redis answer), then a short load run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'playwright.json'), { force: true });

const steps = [
	['Type check', 'npm', ['run', '--silent', 'check']],
	// Prettier's formatting and ESLint's rules, as `sv create` sets them up (`npm run format` fixes the first).
	['Lint and format', 'npm', ['run', '--silent', 'lint']],
	['Content check', 'npm', ['run', '--silent', 'content:check']],
	// The export test opens the workbook in LibreOffice: installed like Chromium when missing.
	['LibreOffice', 'node', ['scripts/ensure-soffice.js']],
	[
		'Unit and socket tests',
		'npx',
		[
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${join(results, 'vitest.json')}`
		]
	],
	// Organisation mode (PostgreSQL, and Redis for the cluster's tests): run when they answer,
	// otherwise a plain line says they were skipped.
	['Organisation-mode tests', 'node', ['scripts/test-org.js']],
	['Chromium', 'node', ['scripts/ensure-chromium.js']],
	['Build', 'npm', ['run', '--silent', 'build']],
	['Browser tests', 'npx', ['playwright', 'test']],
	// Organisation mode's short form: 3 nodes of the build behind nginx on PostgreSQL and Redis, one node
	// killed with SIGKILL; skipped (saying so) when PostgreSQL or Redis do not answer. `npm run test:cluster` is the full one.
	[
		'Organisation-mode cluster, short form',
		'npx',
		['tsx', 'tests/cluster/cluster.ts', '--short', '--if-available']
	],
	// The load benchmark's short form: 100 phones and 5 rooms of 10 on the production build; fails
	// only if a phone could not join, got an error or was disconnected. `npm run bench` is the full one.
	[
		'Load benchmark, short form',
		'node',
		['bench/run.js', '--smoke', '--out', join(results, 'bench-smoke.json')]
	]
];

let passed = 0;
let failed = 0;
function tally() {
	const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
	const v = read(join(results, 'vitest.json'));
	const p = read(join(results, 'playwright.json'));
	passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
	failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0);
}

for (const [title, cmd, args] of steps) {
	console.log(`\n━━ ${title} ━━`);
	const started = Date.now();
	const run = spawnSync(cmd, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' }
	});
	console.log(
		`━━ ${title}: ${run.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`
	);
	if (run.status !== 0) {
		tally();
		console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed`);
		process.exit(run.status ?? 1);
	}
}
tally();
console.log(`\n${passed} passed, ${failed} failed`);
