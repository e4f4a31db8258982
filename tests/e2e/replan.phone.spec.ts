import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoSideScroll, signUp, startSession } from './helpers';

// A run begun within 90 minutes of the agenda's start time (09:30) keeps the times on paper, so at
// 09:10 it would start "20 min ahead"; later it moves the plan to the real start ("On time"). The
// browser, which works the drift out, gets a zone where it is about 21:00 now, whatever the hour
// the test runs at (Etc/GMT-5 is UTC+5: the sign is POSIX's).
const east = ((21 - new Date().getUTCHours() + 36) % 24) - 12;
test.use({ timezoneId: `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}` });

test('on the phone remote, running late offers a re-plan that lands back on the planned end', async ({
	page
}) => {
	await signUp(page);
	await startSession(page, /Session B/);
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	// How far from the plan, and when the session is on course to end: information, not an order.
	const timing = page.getByRole('region', { name: 'Timing' });
	await expect(timing.getByText('On time', { exact: true })).toBeVisible();
	await expect(timing.getByText(/^On course to end at \d\d:\d\d$/)).toBeVisible();
	await expectNoSideScroll(page, 'the remote');

	await page.getByRole('button', { name: '+5 min' }).click();
	await expect(timing.getByText('5 min behind plan', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Re-plan to finish on time' }).click();
	const proposal = page.getByRole('region', { name: 'Re-plan proposal' });
	await expect(proposal).toContainText('recovers 5 of 5 minutes');
	// The break is fixed: only flexible blocks are trimmed.
	await expect(proposal).not.toContainText('Break');
	await expectAccessible(page, 'remote with a re-plan proposal');

	await proposal.getByRole('button', { name: 'Accept' }).click();
	await expect(timing.getByText('On time', { exact: true })).toBeVisible();
	await expect(proposal).toBeHidden();

	// Tap targets on the remote are big enough for a thumb.
	for (const name of ['Pause', 'Next block →', '+1 min']) {
		const box = await page.getByRole('button', { name }).boundingBox();
		expect(box!.height, name).toBeGreaterThanOrEqual(44);
	}
});

test.describe("begun before the agenda's start time", () => {
	// A zone where it is 09:00–09:25 or 08:25–08:59 now: 5 to 65 minutes before Session B's 09:30,
	// close enough that the plan keeps the times on paper, so the run starts ahead of plan.
	const utc = new Date();
	const hour = utc.getUTCMinutes() < 25 ? 9 : 8;
	const east = ((hour - utc.getUTCHours() + 36) % 24) - 12;
	test.use({ timezoneId: `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}` });

	test('the remote says how far ahead of plan the session is and when it is on course to end, as information', async ({
		page
	}) => {
		await signUp(page);
		await startSession(page, /Session B/);
		await page.getByRole('button', { name: 'Start the agenda' }).click();
		const drift = page.getByRole('region', { name: 'Timing' });
		await expect(drift.getByText(/^\d+ min ahead of plan$/)).toBeVisible();
		await expect(drift.getByText(/^On course to end at \d\d:\d\d$/)).toBeVisible();
		await expect(drift).not.toContainText('close now');
	});
});
