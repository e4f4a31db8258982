import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runChaos } from '../chaos/chaos';

/**
 * The short form of `npm run test:chaos`: 20 phones, a fifth of the connections dropped every
 * second (some mid-send, some as a reload), and one kill -9 of the server with a restart.
 */
it('nothing acknowledged is lost or doubled through dropped connections, reloads and a kill -9', async () => {
	const seed = Date.now() % 100_000;
	const summary = await runChaos({
		phones: 20,
		dropRate: 0.2,
		durationMs: 10_000,
		inputsPerPhone: 6,
		settleTimeoutMs: 30_000,
		seed,
		out: join(process.cwd(), 'test-results', 'chaos-short.json'),
		log: () => {}
	});
	expect(summary.kills).toBe(1);
	expect(summary.inputsMade).toBe(120);
	const problems = {
		lost: summary.lost,
		duplicates: summary.duplicates,
		unacked: summary.unacked,
		refused: summary.refused,
		unknown: summary.unknown
	};
	expect(problems, `seed ${seed}`).toEqual({
		lost: 0,
		duplicates: 0,
		unacked: 0,
		refused: 0,
		unknown: 0
	});
	expect(summary.stored).toBe(summary.acked);
	expect(summary.outOfOrder).toBe(0);
	expect(summary.staleViews).toBe(0);
	expect(summary.ok, `repeat with npm run test:chaos -- --short --seed=${seed}`).toBe(true);
}, 60_000);
