import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.js';

const root = join(import.meta.dirname, '..', '..');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
	string,
	string
>;

// package.json and Playwright's server command cannot import the list, so they repeat it: every
// way of starting the production server must give Node the same flags, or the benchmark measures
// a server nobody runs.
describe("the production server's Node flags", () => {
	it('are given by `npm start` and `npm run preview`', () => {
		for (const name of ['start', 'preview']) {
			const words = scripts[name]!.split(/\s+/);
			expect(words[0]).toBe('node');
			for (const flag of SERVER_NODE_FLAGS) expect(words, `${name}: ${flag}`).toContain(flag);
		}
	});

	it("are given by Playwright's server command", () => {
		const config = readFileSync(join(root, 'playwright.config.ts'), 'utf8');
		const command = /command: '([^']+)'/.exec(config)?.[1] ?? '';
		expect(command).toMatch(/scripts\/serve\.js$/);
		for (const flag of SERVER_NODE_FLAGS) expect(command.split(' ')).toContain(flag);
	});

	it('keep V8 to one helper thread fewer than the cores', () => {
		expect(SERVER_NODE_FLAGS).toContain('--v8-pool-size=0');
	});
});
