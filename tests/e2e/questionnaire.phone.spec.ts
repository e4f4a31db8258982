import { expect, test } from '@playwright/test';
import { completeAmo } from './activity-helpers';
import {
	deskWithSession,
	expectAccessible,
	expectNoSideScroll,
	joinByCode,
	watchErrors
} from './helpers';
import { brokenWords, chartText, expectAnswerRows, sizedPhone, SIZES } from './phone-fit';

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
	await expect(page.getByRole('status').filter({ hasText: 'closed' })).toHaveText(
		'The trainer is showing the results, so answers are closed. Your profile is below.'
	);
	// Closed: the answers can be looked at, not changed, and the way back is one tap.
	await page.getByRole('button', { name: 'Look at my answers' }).click();
	await expect(items.first().getByRole('radio').first()).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Change my answers' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Back to my profile' }).click();
	await expect(page.getByText(/reflection aid/i).first()).toBeVisible();
	await page.screenshot({
		path: 'test-results/e2e/screens/questionnaire-phone.png',
		fullPage: true
	});
	errors.expectNone();
	await desk.close();
});

/** Phone widths from the smallest to a small tablet, and 200 % text on a common phone. */
const WIDTHS = [
	{ width: 320, bigText: false },
	{ width: 360, bigText: false },
	{ width: 390, bigText: false },
	{ width: 412, bigText: false },
	{ width: 360, bigText: true },
	{ width: 768, bigText: false }
];

test('AMO on phones of 320 to 412 px and with 200 % text: no answer word broken, the points stacked in order when they cannot sit side by side, the profile chart at 14 px or more', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { desk, remote, code } = await deskWithSession(browser, /Session A/);
	const phone = await sizedPhone(browser, SIZES[0]);
	const errors = watchErrors(remote, phone);
	await joinByCode(phone, code, 'Priya');
	await expect(phone.getByText('Waiting for the trainer')).toBeVisible();
	await remote.getByLabel('Launch an activity').selectOption('amo-assessment');
	await remote.getByRole('button', { name: /Launch “/ }).click();
	await phone.getByRole('button', { name: 'Next' }).click();
	await expect(phone.locator('fieldset.item').first()).toBeVisible();

	const resize = async (width: number, bigText: boolean) => {
		await phone.setViewportSize({ width, height: 800 });
		await phone.evaluate((big) => {
			document.documentElement.style.fontSize = big ? '200%' : '';
		}, bigText);
	};
	const layouts: Record<string, string> = {};
	for (const { width, bigText } of WIDTHS) {
		const what = `AMO statements at ${width}px${bigText ? ', 200 % text' : ''}`;
		await resize(width, bigText);
		// The points take their layout once the phone has measured them.
		await expect.poll(() => brokenWords(phone), `${what}: words broken`).toEqual([]);
		layouts[what] = await expectAnswerRows(phone, what);
		await phone
			.locator('fieldset.item')
			.first()
			.screenshot({
				path: `test-results/e2e/screens/amo-scale-${width}${bigText ? '-big' : ''}.png`
			});
	}
	// Stacked where "Strongly disagree" cannot fit a fifth of the screen; side by side where it can.
	expect(layouts['AMO statements at 320px']).toBe('stacked');
	expect(layouts['AMO statements at 360px, 200 % text']).toBe('stacked');
	// 768 px comes last, so the page is still that wide: the layout is read again until the phone has
	// measured its new width (a single read right after the resize once caught the 360 px layout).
	expect(WIDTHS.at(-1)).toEqual({ width: 768, bigText: false });
	await expect.poll(() => expectAnswerRows(phone, 'AMO statements at 768px')).toBe('row');

	await resize(320, false);
	// A phone reloaded half-way picks up on the first screen with a statement still to rate (it
	// went back to Ability, however far it had got).
	const items = phone.locator('fieldset.item');
	for (let k = 0; k < (await items.count()); k++)
		await items.nth(k).getByRole('radio').nth(4).check();
	await expect(phone.locator('.status.saved')).toBeVisible();
	await phone.reload();
	await expect(phone.getByRole('heading', { name: /^Motivation/ })).toBeVisible();
	await phone.getByRole('button', { name: 'Back' }).click();
	await expect(phone.getByRole('heading', { name: /^Ability/ })).toBeVisible();
	// The chart's edges: Ability 5.0 (a full bar, its value by the edge), Motivation 1.0, Opportunity 3.0.
	await completeAmo(phone, (i) => (i < 5 ? 5 : i < 10 ? 1 : (i % 5) + 1), true);
	await expect(phone.locator('svg[role="img"]')).toBeVisible();
	for (const { width, bigText } of WIDTHS) {
		await resize(width, bigText);
		const chart = await chartText(phone);
		const what = `the profile chart at ${width}px${bigText ? ', 200 % text' : ''}`;
		expect
			.soft(chart.px, `${what}: the smallest label, "${chart.text}"`)
			.toBeGreaterThanOrEqual(14);
		expect.soft(chart.overlaps, `${what}: labels over each other`).toEqual([]);
		await phone.locator('svg[role="img"]').screenshot({
			path: `test-results/e2e/screens/amo-chart-${width}${bigText ? '-big' : ''}.png`
		});
	}
	await resize(320, false);
	// Once the results are shown the answers are closed: the phone can look back through them
	// (read-only) and return to its profile from any screen, without sending anything.
	await remote.getByRole('button', { name: 'Close and show results' }).click();
	await expect(phone.getByText(/answers are closed/)).toBeVisible();
	await phone.getByRole('button', { name: 'Look at my answers' }).click();
	await expect(phone.locator('fieldset.item').first().getByRole('radio').first()).toBeDisabled();
	await phone.getByRole('button', { name: 'Next' }).click();
	await phone.screenshot({
		path: 'test-results/e2e/screens/amo-closed-look-back.png',
		fullPage: true
	});
	await phone.getByRole('button', { name: 'Back to my profile' }).click();
	await expect(phone.locator('svg[role="img"]')).toBeVisible();
	errors.expectNone();
	await desk.close();
});
