import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, roomWithPhones } from './helpers';

test('coaching in threes: roles rotate by round, the observer’s note reaches only the coach', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const { projector, phones, errors } = await roomWithPhones(page, browser, /Session A/, [
		'Aisha',
		'Ben',
		'Chen'
	]);
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await page.getByRole('button', { name: 'Go to Developing performance' }).click();
	// The block's first activity is the learning-preferences reflection; coaching is its second.
	await expect(page.getByLabel('Launch an activity')).toHaveValue('learning-preferences');
	await page.getByLabel('Launch an activity').selectOption('coaching-grow');
	await page.getByRole('button', { name: /Launch “/ }).click();
	await page.getByRole('button', { name: 'Start round 1' }).click();

	const roleOf = async (p: Page) =>
		((await p.getByRole('heading', { name: /^Round 1: / }).textContent()) ?? '').replace(
			/^Round 1: /,
			''
		);
	for (const p of phones)
		await expect(p.getByRole('heading', { name: /^Round 1: / })).toBeVisible();
	const roles = await Promise.all(phones.map(roleOf));
	expect(new Set(roles)).toEqual(
		new Set(['you are the coach', 'you are the coachee', 'you are the observer'])
	);
	const coach = phones[roles.indexOf('you are the coach')]!;
	const observer = phones[roles.indexOf('you are the observer')]!;
	const coachee = phones[roles.indexOf('you are the coachee')]!;

	await coach.getByRole('checkbox').first().check();
	await observer.getByRole('checkbox').first().check();
	await observer
		.getByLabel('Note for the coach: one thing to keep doing, one to try')
		.fill('Great open questions; let them find the options.');
	await observer.getByRole('button', { name: 'Send to the coach' }).click();
	await expect(coach.getByText('Great open questions; let them find the options.')).toBeVisible();
	await expect(coachee.getByText('Great open questions')).toBeHidden();
	await expectAccessible(coach, 'coach phone');
	await expect(projector.locator('main')).not.toContainText('Great open questions');

	// Round 2: everyone changes role.
	await page.getByRole('button', { name: 'Next round (swap roles)' }).click();
	for (const p of phones)
		await expect(p.getByRole('heading', { name: /^Round 2: / })).toBeVisible();
	const next = await Promise.all(
		phones.map(async (p) =>
			((await p.getByRole('heading', { name: /^Round 2: / }).textContent()) ?? '').replace(
				/^Round 2: /,
				''
			)
		)
	);
	for (const [i, role] of next.entries()) expect(role).not.toBe(roles[i]);
	await projector.screenshot({ path: 'test-results/e2e/screens/coaching-projector.png' });
	errors.expectNone();
});
