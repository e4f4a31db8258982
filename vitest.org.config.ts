import { defineConfig } from 'vitest/config';
import base from './vite.config.ts';

/**
 * Organisation mode's tests (tests/org): the same kinds of tests on PostgreSQL (and, for the
 * cluster's tests named *.redis.test.ts, Redis). Run by `npm run test:org`, and by `npm test`
 * only when those answer (scripts/test-org.js decides and says so); `npx vitest run` alone runs
 * the SQLite suite, as before.
 */
export default defineConfig({
	...base,
	test: {
		...base.test,
		include: ['tests/org/**/*.test.ts'],
		exclude: process.env.ORG_TEST_SKIP_REDIS === '1' ? ['tests/org/**/*.redis.test.ts'] : [],
		// Each file has a database of its own on a shared server: one file at a time keeps it calm.
		fileParallelism: false
	}
});
