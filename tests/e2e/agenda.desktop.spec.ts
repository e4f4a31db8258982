import { devices, expect, test } from '@playwright/test';
import { expectAccessible, newPhone, signUp, startSession } from './helpers';

test('a trainer runs the first blocks of Session A with projector, remote and two phones', async ({
	browser,
	context,
	page
}) => {
	await signUp(page);
	const code = await startSession(page, /Session A/);
	const consoleUrl = page.url();

	// The remote: the trainer's own phone, signed in as the same trainer.
	const remoteContext = await browser.newContext({
		...devices['Pixel 7'],
		storageState: await context.storageState()
	});
	const remote = await remoteContext.newPage();
	await remote.goto(consoleUrl);
	const projector = await context.newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(consoleUrl + '/projector');

	const phones = [await newPhone(browser), await newPhone(browser)];
	for (const [i, phone] of phones.entries()) {
		await phone.goto(`/j/${code}`);
		await phone.getByLabel('Your name').fill(`Person ${i + 1}`);
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.getByText('Waiting for the trainer to start')).toBeVisible();
	}
	await expect(projector.getByText('First up: Introductions')).toBeVisible();

	// Start from the remote: everyone moves to block 1.
	await remote.getByRole('button', { name: 'Start the agenda' }).click();
	const clock = projector.getByRole('timer');
	await expect(projector.getByRole('heading', { name: 'Introductions' })).toBeVisible();
	await expect(clock).toHaveText(/^(20:00|19:5\d)$/);
	for (const phone of phones) {
		await expect(phone.getByRole('heading', { name: 'Introductions' })).toBeVisible();
		await expect(
			phone.getByText('Tell us which performance-management jobs you do today')
		).toBeVisible();
	}
	await expect(remote.getByText('Ask each person what performance-management work')).toBeVisible();
	await expectAccessible(remote, 'remote while running');
	await expectAccessible(projector, 'projector while running');

	// Pause from the projector keyboard; a reload of the projector shows the very same clock.
	await projector.keyboard.press('Space');
	await expect(projector.getByText('Paused', { exact: true })).toBeVisible();
	await expect(remote.getByRole('heading', { name: 'Paused' })).toBeVisible();
	await expect(phones[0]!.getByText('Now (paused)')).toBeVisible();
	const frozen = await clock.textContent();
	await projector.reload();
	await expect(projector.getByRole('timer')).toHaveText(frozen!);
	await remote.getByRole('button', { name: 'Resume' }).click();
	await expect(projector.getByText('Paused', { exact: true })).toBeHidden();

	// Next by keyboard (→), next by the remote: blocks 2 and 3 on every screen.
	await projector.keyboard.press('ArrowRight');
	await expect(
		projector.getByRole('heading', { name: /performance-management pyramid/ })
	).toBeVisible();
	await expect(remote.getByText('look for three things: gaps')).toBeVisible();
	await expect(
		phones[1]!.getByRole('heading', { name: /performance-management pyramid/ })
	).toBeVisible();
	await remote.getByRole('button', { name: 'Next block →' }).click();
	await expect(
		projector.getByRole('heading', { name: 'Best practice: ten excellent practices' })
	).toBeVisible();
	await expect(
		phones[0]!.getByRole('heading', { name: 'Best practice: ten excellent practices' })
	).toBeVisible();

	// Jump to the break: the projector and phones say when we are back; +1 minute moves it.
	await remote.getByRole('button', { name: 'Go to Break' }).click();
	await expect(projector.getByText(/^Back at \d\d:\d\d$/)).toBeVisible();
	await expect(projector.getByText(/^(15 min|14 min 5\d s) to go$/)).toBeVisible();
	await expect(phones[1]!.getByText(/^Back at \d\d:\d\d$/)).toBeVisible();
	await remote.getByRole('button', { name: '+1 min' }).click();
	await expect(projector.getByText(/^(16 min|15 min 5\d s) to go$/)).toBeVisible();
	await projector.reload();
	await expect(projector.getByText(/^(16 min|15 min 5\d s) to go$/)).toBeVisible();
	await expectAccessible(phones[1]!, 'phone on a break');

	// Closing the session shows the timing report, planned against actual, block by block.
	remote.once('dialog', (d) => void d.accept());
	await remote.getByRole('button', { name: 'Close the session' }).click();
	const report = remote.getByRole('table');
	// One row per block (on this phone-sized remote the table is laid out as cards, each value named,
	// without its header row).
	await expect(report.getByRole('rowheader')).toHaveText([
		'Introductions',
		/^Big picture/,
		/^Best practice/,
		/^The Bath model/,
		'Break',
		/^Behaviour and performance/,
		/^Developing performance/,
		'Review and close'
	]);
	// Planned 20 minutes; it actually ran for under a minute, so it reads "-20 min" (or -19).
	const intro = report.getByRole('row', { name: /^Introductions/ });
	await expect(intro.getByRole('cell').nth(0)).toHaveText(/^\d\d:\d\d, 20 min$/);
	await expect(intro.getByRole('cell').nth(1)).toHaveText(/^\d\d:\d\d, [01] min$/);
	await expect(intro.getByRole('cell').nth(2)).toHaveText(/^-(19|20) min$/);
	await expect(report.getByRole('row', { name: /^Review and close/ })).toContainText('not run');
	await expectAccessible(remote, 'remote after closing');
	await remoteContext.close();
});

test('paused during an activity, the projector says so in words, not only with a dimmed clock', async ({
	context,
	page
}) => {
	await signUp(page);
	await startSession(page, /Session A/);
	const projector = await context.newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(page.url() + '/projector');
	const bar = page.getByRole('region', { name: 'Controls' });
	await bar.getByRole('button', { name: 'Start the agenda' }).click();
	await bar.getByRole('button', { name: /^Launch/ }).click();
	const header = projector.locator('header.top');
	await expect(header.getByRole('timer')).toBeVisible();
	await expect(header.getByText('Paused', { exact: true })).toBeHidden();
	await projector.keyboard.press('Space');
	// The block's screen says "Paused"; the activity's header clock only faded (and, overrun, a
	// faded red on the dark theme that the back of the room cannot tell from running).
	await expect(header.getByRole('timer')).toHaveAccessibleName(/paused$/);
	await expect(header.getByText('Paused', { exact: true })).toBeVisible();
	// At 1280×720 the word takes no line of its own (beside the room's title it once squeezed the
	// title to four lines, and the activity below lost two of them); the session's title gives the
	// header to the activity, and screen readers still hear it.
	await expect(projector.getByRole('heading', { level: 1 })).toHaveText(/Session A/);
	await projector.setViewportSize({ width: 1280, height: 720 });
	const tall = () => header.evaluate((h) => h.getBoundingClientRect().height);
	const paused = await tall();
	await projector.screenshot({ path: 'test-results/e2e/screens/projector-paused-1280.png' });
	await projector.keyboard.press('Space');
	await expect(header.getByText('Paused', { exact: true })).toBeHidden();
	// (A line of the title is 34 px.)
	const running = await tall();
	expect(paused, 'the header paused, against running').toBeLessThanOrEqual(running + 4);
	expect(running, 'the header is one line').toBeLessThan(50);
});
