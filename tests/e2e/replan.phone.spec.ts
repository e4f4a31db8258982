import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoSideScroll, signUp, startSession } from './helpers';

test('on the phone remote, running late offers a re-plan that lands back on the planned end', async ({
	page
}) => {
	await signUp(page);
	await startSession(page, /Session B/);
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await expect(page.getByText(/^On time — close \d\d:\d\d$/)).toBeVisible();
	await expectNoSideScroll(page, 'the remote');

	await page.getByRole('button', { name: '+5 min' }).click();
	await expect(page.getByText(/^Running 5 min late — close now \d\d:\d\d$/)).toBeVisible();
	await page.getByRole('button', { name: 'Re-plan to finish on time' }).click();
	const proposal = page.getByRole('region', { name: 'Re-plan proposal' });
	await expect(proposal).toContainText('recovers 5 of 5 minutes');
	// The break is fixed: only flexible blocks are trimmed.
	await expect(proposal).not.toContainText('Break');
	await expectAccessible(page, 'remote with a re-plan proposal');

	await proposal.getByRole('button', { name: 'Accept' }).click();
	await expect(page.getByText(/^On time — close \d\d:\d\d$/)).toBeVisible();
	await expect(proposal).toBeHidden();

	// Tap targets on the remote are big enough for a thumb.
	for (const name of ['Pause', 'Next block →', '+1 min']) {
		const box = await page.getByRole('button', { name }).boundingBox();
		expect(box!.height, name).toBeGreaterThanOrEqual(44);
	}
});
