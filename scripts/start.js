// `npm start`: build when the sources are newer than the build, then run the production server.
// One line per step; the build's own output (hundreds of lines on a first run) goes to
// data/build.log, and is shown whole only if the build fails, so a first start never reads like a failure.
import { spawn } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	statSync
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'build', 'handler.js');
const logPath = join(root, 'data', 'build.log');

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
	return max;
}

/** Runs `npm run build` with its output in the log file; resolves with the exit code. */
function build() {
	mkdirSync(dirname(logPath), { recursive: true });
	const log = createWriteStream(logPath);
	log.write(`npm run build, ${new Date().toISOString()}\n\n`);
	// FORCE_COLOR=0: the log is read in an editor, not a terminal.
	const child = spawn('npm', ['run', 'build'], {
		cwd: root,
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
		shell: process.platform === 'win32'
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	return new Promise((resolve) => {
		child.on('error', (err) => {
			log.end(`\n${err.stack ?? err}\n`);
			resolve(1);
		});
		child.on('close', (code) => log.end(() => resolve(code ?? 1)));
	});
}

const inputs = [
	'src',
	'static',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];
const sourcesAt = Math.max(...inputs.map((p) => newest(join(root, p))));
const shownLog = relative(process.cwd(), logPath) || logPath;
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sourcesAt) {
	process.stdout.write('Building the app (first run, or the sources changed)… ');
	const started = Date.now();
	const code = await build();
	if (code !== 0) {
		console.log('failed.\n');
		// The whole log: a build error's cause is often a few screens above its last line.
		console.error(readFileSync(logPath, 'utf8'));
		console.error(`\nThe build failed (exit code ${code}). This output is also in ${shownLog}.`);
		process.exit(1);
	}
	console.log(`done in ${Math.round((Date.now() - started) / 1000)} s (full log: ${shownLog}).`);
} else console.log('The build is up to date.');
console.log('Starting the server…');
await import('./serve.js');
