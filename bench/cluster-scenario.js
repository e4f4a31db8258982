// Registers bench/cluster.ts (many rooms on 1 node vs 3 nodes behind nginx, organisation mode) as the
// load benchmark's `--scenario cluster`. It runs in its own process (tsx: it shares the cluster
// test's TypeScript helpers) and needs Redis and nginx; its results land under `cluster` in the JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function clusterScenario({ quick }) {
	const dir = mkdtempSync(join(tmpdir(), 'wc-bench-cluster-'));
	const out = join(dir, 'cluster.json');
	try {
		const run = spawnSync(
			'npx',
			['tsx', join(import.meta.dirname, 'cluster.ts'), ...(quick ? ['--quick'] : []), '--out', out],
			{ cwd: join(import.meta.dirname, '..'), stdio: 'inherit' }
		);
		if (run.status !== 0) throw new Error('the cluster scenario failed (is Redis running?)');
		return JSON.parse(readFileSync(out, 'utf8'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
