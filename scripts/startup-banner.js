// What `npm start` prints: where to open the app, where phones go, and how to sign in.
import Database from 'better-sqlite3';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function lanAddress() {
	const all = Object.values(networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal);
	return (all.find((i) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(i.address)) ?? all[0])?.address;
}

function trainerCount(path) {
	try {
		const db = new Database(path, { readonly: true });
		const n = db.prepare('SELECT count(*) AS n FROM trainers').get().n;
		db.close();
		return n;
	} catch {
		return 0;
	}
}

export function describeStartup(port) {
	const dbPath = process.env.DATABASE_PATH || join(root, 'data', 'workshop.db');
	const local = `http://localhost:${port}`;
	const lan = lanAddress();
	const phones = process.env.PUBLIC_URL || (lan ? `http://${lan}:${port}` : null);
	const lines = ['', '  Workshop Companion is running.', '', `  Trainer (this computer):  ${local}`];
	lines.push(phones ? `  Phones on the same Wi-Fi: ${phones}/join` : '  Phones: no network address found; join the room Wi-Fi or set PUBLIC_URL.');
	lines.push(`  Database:                 ${dbPath}`, '');
	if (trainerCount(dbPath) === 0) lines.push(`  No trainer account yet. Create the first one at ${local}/signup`, '');
	else lines.push(`  Sign in at ${local}/login`, '');
	return lines.join('\n');
}
