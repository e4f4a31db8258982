import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoSideScroll, joinByCode, signUp, startSession } from './helpers';

test('a wrong code and a blank name are explained on the phone', async ({ page }) => {
	await page.goto('/join');
	await expectAccessible(page, 'join page');
	await joinByCode(page, 'zzz 999', 'Kim');
	await expect(
		page.getByText('No live session with code ZZZ999 — check the code on the screen.')
	).toBeVisible();
	await page.getByLabel('Room code').fill('ab');
	await page.getByLabel('Your name').fill('   ');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByText('Room codes are 6 letters and numbers')).toBeVisible();
	await expect(page.getByText('Please type your name.')).toBeVisible();
	await expectAccessible(page, 'join page with errors');
});

test('the same name twice is told apart, and tap targets are big enough', async ({
	page,
	browser
}) => {
	const trainer = await browser.newPage();
	await signUp(trainer);
	const code = await startSession(trainer, /Session B/);

	await joinByCode(page, code, 'Priya');
	await expect(page.getByText('You: Priya')).toBeVisible();
	await expectAccessible(page, 'participant waiting page');
	await expectNoSideScroll(page, 'the participant page');

	const other = await browser.newContext({ ...test.info().project.use });
	const second = await other.newPage();
	await joinByCode(second, code, 'priya');
	await expect(second.getByText(/Someone called “priya” has already joined/)).toBeVisible();

	for (const target of [
		second.getByRole('button', { name: 'Join' }),
		second.getByLabel('Your name')
	]) {
		const box = await target.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
	}
	await trainer.close();
});
