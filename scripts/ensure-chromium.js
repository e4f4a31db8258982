// Finds a Chromium for the browser tests. Playwright cannot download its own browsers on this kind of
// machine, so we use Debian's package: installed here when missing and we are root, else explained.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser'
].filter(Boolean);

export function findChromium() {
	return CANDIDATES.find((p) => existsSync(p));
}

function install() {
	const isRoot = process.getuid?.() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (!isRoot || !hasApt) {
		console.error(
			'Chromium was not found. Install it, then run the tests again:\n' +
				'  sudo apt-get update && sudo apt-get install -y chromium\n' +
				'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		);
		process.exit(1);
	}
	console.log('Chromium not found: installing Debian’s chromium package (about a minute)…');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit'
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	if (!findChromium()) install();
	const found = findChromium();
	if (!found) {
		console.error('Chromium is still missing after the install.');
		process.exit(1);
	}
	console.log(`Browser tests use ${found}`);
}
