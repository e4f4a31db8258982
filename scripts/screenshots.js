// Screenshots for the README, taken from a running app: `node scripts/screenshots.js [baseURL] [outDir]`.
// Signs up a throwaway trainer, starts Session A, and joins three phones.
import { chromium, devices } from '@playwright/test';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'docs/screenshots';
const browser = await chromium.launch({
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
});

const trainerContext = await browser.newContext({
	baseURL: base,
	viewport: { width: 1280, height: 800 }
});
const trainer = await trainerContext.newPage();
await trainer.goto('/signup');
await trainer.getByLabel('Your name').fill('Jo Trainer');
await trainer.getByLabel('Email').fill(`jo-${Date.now()}@example.org`);
await trainer.getByLabel('Password').fill('a long enough password');
await trainer.getByRole('button', { name: 'Create account' }).click();
await trainer.getByRole('heading', { name: /Hello/ }).waitFor();
await trainer.screenshot({ path: `${out}/dashboard.png`, fullPage: true });
await trainer.getByRole('button', { name: 'Start live session' }).first().click();
await trainer.waitForURL(/\/trainer\/rooms\//);
const code = (await trainer.locator('.lead .code').textContent()).replace(/\s/g, '');

const projector = await trainerContext.newPage();
await projector.setViewportSize({ width: 1920, height: 1080 });
await projector.goto(trainer.url() + '/projector');
await projector.locator('.qr svg').waitFor();

const phones = [];
for (const name of ['Aisha Khan', 'Ben', 'Chen Wei']) {
	const phone = await browser.newPage({ ...devices['Pixel 7'], baseURL: base });
	await phone.goto(`/j/${code}`);
	if (name === 'Aisha Khan') await phone.screenshot({ path: `${out}/phone-join.png` });
	await phone.getByLabel('Your name').fill(name);
	await phone.getByRole('button', { name: 'Join' }).click();
	await phone.getByText('Waiting for the trainer').waitFor();
	phones.push(phone);
}
await phones[0].screenshot({ path: `${out}/phone-waiting.png` });
await projector.getByText('3 people have joined').waitFor();
await projector.screenshot({ path: `${out}/projector-dark.png` });
await projector.keyboard.press('t');
await projector.screenshot({ path: `${out}/projector-light.png` });
await trainer.getByText('3 joined').waitFor();
await trainer.screenshot({ path: `${out}/console.png`, fullPage: true });

// Start the agenda from the projector keyboard, then show the running block and the phone remote.
await projector.keyboard.press('t');
await projector.keyboard.press('Space');
await projector.getByRole('timer').waitFor();
await projector.screenshot({ path: `${out}/projector-running.png` });
await phones[0].getByText('Now').first().waitFor();
await phones[0].screenshot({ path: `${out}/phone-block.png` });
const remote = await browser.newContext({
	...devices['Pixel 7'],
	baseURL: base,
	storageState: await trainerContext.storageState()
});
const remotePage = await remote.newPage();
await remotePage.goto(trainer.url());
await remotePage.getByRole('timer').waitFor();
await remotePage.screenshot({ path: `${out}/remote.png` });
await browser.close();
console.log(`Screenshots of room ${code} written to ${out}/`);
