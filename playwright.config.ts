import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's Chromium: Playwright cannot download its own browsers on this kind of machine.
const launchOptions = {
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

const port = Number(process.env.E2E_PORT ?? 4173);
// One fresh database per run; set once here so worker processes inherit the same path.
process.env.E2E_DATABASE_PATH ??= join(tmpdir(), `wc-e2e-${process.pid}-${Date.now()}.db`);

export default defineConfig({
	testDir: 'tests/e2e',
	// Playwright empties its output folder at start; vitest's report lives beside it, not in it.
	outputDir: 'test-results/e2e',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'desktop',
			testMatch: /\.desktop\.spec\.ts$/,
			use: { ...devices['Desktop Chrome'], launchOptions }
		},
		{
			name: 'phone',
			testMatch: /\.phone\.spec\.ts$/,
			use: { ...devices['Pixel 7'], launchOptions }
		}
	],
	webServer: {
		// The production build on the production entry, as `npm start` runs it.
		command: 'node scripts/serve.js',
		url: `http://localhost:${port}/join`,
		reuseExistingServer: false,
		timeout: 60_000,
		// Every test signs up its own trainer from 127.0.0.1: lift the per-address sign-up limit.
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: process.env.E2E_DATABASE_PATH,
			SIGNUP_LIMIT_PER_HOUR: '1000'
		}
	}
});
