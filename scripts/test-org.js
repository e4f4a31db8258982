// Organisation mode's tests (tests/org, vitest.org.config.ts): run when PostgreSQL answers, and the
// Redis-dependent ones (*.redis.test.ts) only when Redis answers too. Otherwise says plainly what
// was skipped and why, and succeeds: a laptop without PostgreSQL still passes `npm test`.
// `--require` (npm run test:org) fails instead of skipping, for CI and the cluster test.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pgUrl = new URL(process.env.ORG_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const require = process.argv.includes('--require');

/** Whether something accepts TCP connections there within two seconds. */
function answers(host, port) {
	return new Promise((resolve) => {
		const socket = connect({ host, port: Number(port) });
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('connect', () => done(true));
		socket.once('error', () => done(false));
	});
}

const pgWhere = `${pgUrl.hostname}:${pgUrl.port || 5432}`;
const redisWhere = `${redisUrl.hostname}:${redisUrl.port || 6379}`;
const pg = await answers(pgUrl.hostname, pgUrl.port || 5432);
const redis = await answers(redisUrl.hostname, redisUrl.port || 6379);

if (!pg) {
	const message = `Skipped organisation-mode tests: PostgreSQL at ${pgWhere} does not answer`;
	if (require) {
		console.error(message.replace('Skipped', 'Cannot run'));
		process.exit(1);
	}
	console.log(message);
	process.exit(0);
}
if (!redis) {
	const message = `Skipped the organisation-mode tests that need Redis: Redis at ${redisWhere} does not answer`;
	if (require) {
		console.error(message.replace('Skipped', 'Cannot run'));
		process.exit(1);
	}
	console.log(message);
}

const run = spawnSync(
	'npx',
	[
		'vitest',
		'run',
		'--config',
		'vitest.org.config.ts',
		...process.argv.slice(2).filter((a) => a !== '--require')
	],
	{
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ORG_TEST_SKIP_REDIS: redis ? '0' : '1' }
	}
);
process.exit(run.status ?? 1);
