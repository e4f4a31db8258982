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
	// Said where the tap was, not only in the page's bar at the bottom.
	await expect(observer.locator('fieldset').getByRole('status')).toHaveText('✓ Sent to the coach');
	await observer.screenshot({ path: 'test-results/e2e/screens/coaching-observer-sent.png' });
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

	// Once the trainer ends the round no phone still tells its person to play their part.
	await page.getByRole('button', { name: 'End round' }).click();
	for (const p of phones) {
		await expect(p.getByRole('heading', { name: /^Round 2: you were the / })).toBeVisible();
		await expect(p.getByText(/^This round is over\./)).toBeVisible();
		await expect(
			p.getByText(/^(Help the coachee|Bring a real goal|Stay quiet and watch)/)
		).toHaveCount(0);
	}
	await coach.screenshot({ path: 'test-results/e2e/screens/coaching-round-over.png' });

	// The results: no "Round 2 has ended" beside them, and the observers' points under their label.
	await page.getByRole('button', { name: 'Close and show results' }).click();
	const stage = projector.getByRole('region', { name: 'Activity' });
	await expect(stage).toContainText('Observers ticked (1 observation):');
	await expect(stage).not.toContainText('has ended');
	const label = (await stage.getByText('Observers ticked (1 observation):').boundingBox())!;
	const first = (await stage.locator('.checks li').first().boundingBox())!;
	expect(first.y, 'the first point starts below its label').toBeGreaterThanOrEqual(
		label.y + label.height - 1
	);
	await projector.screenshot({ path: 'test-results/e2e/screens/coaching-projector-results.png' });
	errors.expectNone();
});
