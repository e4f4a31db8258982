// `npm start`: build when the sources are newer than the build, then run the production server.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'build', 'handler.js');

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
	return max;
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
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sourcesAt) {
	console.log('Building the app (first run, or the sources changed)…');
	execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
await import('./serve.js');
