// Finds LibreOffice for the test that opens the exported workbook in a real spreadsheet application.
// Like Chromium (ensure-chromium.js), Debian's package is installed here when missing and we are
// root, else explained: the test fails with the same words rather than passing without LibreOffice.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @type {string[]} */
export const CANDIDATES = [
	process.env.SOFFICE_PATH ?? '',
	'/usr/bin/soffice',
	'/usr/bin/libreoffice',
	'/usr/lib/libreoffice/program/soffice'
].filter(Boolean);

export const HOW_TO_INSTALL =
	'LibreOffice (soffice) was not found. Install it, then run the tests again:\n' +
	'  sudo apt-get update && sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui\n' +
	'or run `node scripts/ensure-soffice.js` as root, or point SOFFICE_PATH at a soffice binary.';

export function findSoffice() {
	return CANDIDATES.find((p) => existsSync(p));
}

function install() {
	const isRoot = process.getuid?.() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (!isRoot || !hasApt) {
		console.error(HOW_TO_INSTALL);
		process.exit(1);
	}
	console.log(
		'LibreOffice not found: installing Debian’s libreoffice-calc-nogui package (a minute or two)…'
	);
	execSync(
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui',
		{
			stdio: 'inherit'
		}
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	if (!findSoffice()) install();
	const found = findSoffice();
	if (!found) {
		console.error('LibreOffice is still missing after the install.');
		process.exit(1);
	}
	console.log(`The spreadsheet test uses ${found}`);
}
