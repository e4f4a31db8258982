import { expect, test } from '@playwright/test';
import {
	deskWithSession,
	expectAccessible,
	expectNoSideScroll,
	joinByCode,
	watchErrors
} from './helpers';

test('a quick poll and the exit reflection: phones answer, the projector waits for the reveal', async ({
	browser,
	page
}) => {
	const { desk, remote, projector, code } = await deskWithSession(browser, /Session A/);
	const errors = watchErrors(remote, projector, page);
	await joinByCode(page, code, 'Priya');
	await expect(page.getByText('Waiting for the trainer')).toBeVisible();

	await remote.getByLabel('Launch an activity').selectOption('quick-poll-example');
	await remote.getByRole('button', { name: /Launch “/ }).click();
	await page.getByRole('radio', { name: 'Once a year', exact: true }).check();
	await expect(page.getByText('Saved')).toBeVisible();
	await expectAccessible(page, 'quick poll on a phone');
	await expectNoSideScroll(page, 'quick poll');
	// The room sees the question, the options and how many have answered, but no counts until the reveal.
	await expect(projector.getByText(/1 person\s+answered|1\s*answered/)).toBeVisible();
	await expect(projector.getByText('(100%)')).toBeHidden();
	await remote.getByRole('button', { name: 'Close and show results' }).click();
	await expect(projector.getByText('(100%)')).toBeVisible();

	// The last block's activity: one thing I will do differently, with confidence.
	await remote.getByRole('button', { name: 'Go to Review and close' }).click();
	await expect(remote.getByLabel('Launch an activity')).toHaveValue('exit-reflection');
	await remote.getByRole('button', { name: /Launch “/ }).click();
	await page
		.getByRole('textbox')
		.fill('Hold a ten-minute check-in with each person every fortnight.');
	await page.getByRole('radio', { name: '7', exact: true }).check();
	await page.getByRole('button', { name: 'Save my reflection' }).click();
	await expect(page.getByRole('heading', { name: 'Your reflection' })).toBeVisible();
	await expect(projector.getByText('Hold a ten-minute check-in')).toBeHidden();
	await remote.getByRole('button', { name: 'Close and show results' }).click();
	await expect(
		projector.getByText('Hold a ten-minute check-in with each person every fortnight.')
	).toBeVisible();
	await expect(projector.locator('main')).not.toContainText('Priya');
	await projector.screenshot({ path: 'test-results/e2e/screens/exit-projector.png' });
	await page.screenshot({ path: 'test-results/e2e/screens/exit-phone.png', fullPage: true });
	errors.expectNone();
	await desk.close();
});
