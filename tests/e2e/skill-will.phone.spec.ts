import { expect, test } from '@playwright/test';
import { deskWithSession, expectAccessible, expectNoSideScroll, joinByCode } from './helpers';

test('skill/will launched ad hoc: each phone sees its quadrant; the projector shows anonymous dots only', async ({
	browser,
	page
}) => {
	const { desk, remote, projector, code } = await deskWithSession(browser, /Session A/);

	await joinByCode(page, code, 'Priya');
	await expect(page.getByText('Waiting for the trainer')).toBeVisible();
	await remote.getByLabel('Launch an activity').selectOption('skill-will');
	await remote.getByRole('button', { name: /Launch “Skill/ }).click();

	await page
		.getByRole('button', { name: /Place someone|Place a person|Add/ })
		.first()
		.click();
	// Initials with an O: the room code on the projector never holds one (see ROOM_CODE_ALPHABET), so
	// the check below cannot trip on the code ("6SZ JKZ" once did).
	await page.getByLabel('Their initials').fill('JO');
	await page.getByLabel('The task').fill('Monthly budget report');
	await page.getByLabel('Skill for this task').fill('8');
	await page.getByLabel('Will for this task').fill('3');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText(/Excite/).first()).toBeVisible();
	await expectAccessible(page, 'skill/will on a phone');
	await expectNoSideScroll(page, 'skill/will on a phone');

	// One person so far: the projector counts, and shows no dot until three have answered and the trainer reveals.
	await expect(projector.getByText('1 person has placed someone.')).toBeVisible();
	await remote.getByRole('button', { name: 'Close and show results' }).click();
	await expect(projector.getByText(/appears once 3 people have answered/)).toBeVisible();
	await expect(projector.locator('main')).not.toContainText('JO');
	await expect(projector.locator('main')).not.toContainText('Monthly budget report');
	await expect(projector.locator('main')).not.toContainText('Priya');
	await projector.screenshot({ path: 'test-results/e2e/screens/skill-will-projector.png' });
	await page.screenshot({ path: 'test-results/e2e/screens/skill-will-phone.png', fullPage: true });
	await desk.close();
});
