import { expect, test, type Page } from '@playwright/test';
import { roomWithPhones } from './helpers';

/**
 * The phone's outbox and drafts. Offline is the browser context's offline mode, which fires the
 * page's `offline` event (the seat drops its socket on it, as on a phone whose Wi-Fi goes) and
 * fails new connections until it is switched off again.
 */

async function launch(remote: Page, activityId: string) {
	await remote.getByLabel('Launch an activity').selectOption(activityId);
	await remote.getByRole('button', { name: /Launch “/ }).click();
}

test('an answer made offline waits on the phone, says so, and is saved once back online', async ({
	page,
	browser
}) => {
	const { phones, errors } = await roomWithPhones(page, browser, /Session A/, ['Ada']);
	const phone = phones[0]!;
	await launch(page, 'quick-poll-example');
	await expect(phone.getByRole('radio', { name: 'Once a year', exact: true })).toBeVisible();

	await phone.context().setOffline(true);
	await expect(phone.getByText('Reconnecting…')).toBeVisible();
	await phone.getByRole('radio', { name: 'Once a year', exact: true }).check();
	await expect(phone.getByText('Will send when back online', { exact: true })).toBeVisible();
	await expect(phone.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveText(
		'Reconnecting… you will be back in a moment. One answer on this phone will send when back online.'
	);
	await expect(phone.getByText('Saved')).toBeHidden();
	await expect(page.getByText('0 of 1 in')).toBeVisible();

	await phone.context().setOffline(false);
	await expect(phone.getByText('Saved')).toBeVisible({ timeout: 20_000 });
	await expect(phone.getByText('Reconnecting…')).toBeHidden();
	await expect(page.getByText('1 of 1 in')).toBeVisible();
	errors.expectNone();
});

test('an answer made offline is sent by the next page after the phone closed this one', async ({
	page,
	browser
}) => {
	const { code, phones, errors } = await roomWithPhones(page, browser, /Session A/, ['Ben']);
	const phone = phones[0]!;
	const context = phone.context();
	await launch(page, 'quick-poll-example');
	await expect(
		phone.getByRole('radio', { name: 'Twice a year or more', exact: true })
	).toBeVisible();

	await context.setOffline(true);
	await expect(phone.getByText('Reconnecting…')).toBeVisible();
	await phone.getByRole('radio', { name: 'Twice a year or more', exact: true }).check();
	await expect(phone.getByText('Will send when back online', { exact: true })).toBeVisible();
	await phone.close();
	await expect(page.getByText('0 of 1 in')).toBeVisible();

	// Later, back on the network: the phone opens the session again; the kept answer goes first.
	await context.setOffline(false);
	const again = await context.newPage();
	errors.add(again);
	await again.goto(`/p/${code}`);
	await expect(page.getByText('1 of 1 in')).toBeVisible({ timeout: 20_000 });
	await expect(
		again.getByRole('radio', { name: 'Twice a year or more', exact: true })
	).toBeChecked();
	errors.expectNone();
});

test('text being typed survives a reload, and goes once it is saved', async ({ page, browser }) => {
	const { phones, errors } = await roomWithPhones(page, browser, /Session B/, ['Cleo']);
	const phone = phones[0]!;
	await launch(page, 'why-appraisal');
	const answer = 'It gives a regular moment to talk about development';
	await phone.getByLabel('Your answer').fill(answer);
	await phone.reload();
	await expect(phone.getByLabel('Your answer')).toHaveValue(answer);

	await phone.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(phone.getByText('Added')).toBeVisible();
	await expect(phone.getByLabel('Your answer')).toHaveValue('');
	await phone.reload();
	await expect(phone.getByText(answer).first()).toBeVisible();
	await expect(phone.getByLabel('Your answer')).toHaveValue('');
	errors.expectNone();
});
