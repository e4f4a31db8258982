import { expect, test } from '@playwright/test';
import {
	deskWithSession,
	expectAccessible,
	expectNoSideScroll,
	joinByCode,
	watchErrors
} from './helpers';

test('the learning-preferences reflection: a private profile on the phone, nothing on the projector before the reveal', async ({
	browser,
	page
}) => {
	const { desk, remote, projector, code } = await deskWithSession(browser, /Session A/);
	const errors = watchErrors(remote, projector, page);
	await joinByCode(page, code, 'Priya');
	await expect(page.getByText('Waiting for the trainer')).toBeVisible();

	await remote.getByLabel('Launch an activity').selectOption('learning-preferences');
	await remote.getByRole('button', { name: /Launch “/ }).click();
	const items = page.locator('fieldset.item');
	await expect(items.first()).toBeVisible();
	const count = await items.count();
	for (let i = 0; i < count; i++)
		await items
			.nth(i)
			.getByRole('radio')
			.nth(i % 5)
			.check();
	await expectAccessible(page, 'questionnaire on a phone');
	await expectNoSideScroll(page, 'questionnaire');
	await page.getByRole('button', { name: 'See my profile' }).click();
	await expect(page.getByRole('button', { name: 'Change my answers' })).toBeVisible();
	await expect(page.getByText(/reflection aid/i).first()).toBeVisible();
	// One person, not yet revealed: the projector shows a count and no scores.
	await expect(projector.locator('main')).not.toContainText('Priya');
	await remote.getByRole('button', { name: 'Close and show results' }).click();
	await expect(projector.locator('main')).not.toContainText('Priya');
	await page.screenshot({
		path: 'test-results/e2e/screens/questionnaire-phone.png',
		fullPage: true
	});
	errors.expectNone();
	await desk.close();
});
