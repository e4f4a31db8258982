import { expect, test, type Page } from '@playwright/test';
import { completeAmo } from './activity-helpers';
import { expectAccessible, expectNoSideScroll, roomWithPhones } from './helpers';

/** Screens worth looking at after a run: test-results/e2e/screens/. */
const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/e2e/screens/${name}.png` });

test('projector and four phones in two groups run the pyramid and the AMO assessment from Session A', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const names = ['Aisha', 'Ben', 'Chen', 'Dana'];
	const { projector, phones, errors } = await roomWithPhones(page, browser, /Session A/, names);

	// Block 2 is the pyramid: the remote offers its activity first, with the step labels to edit.
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await page.getByRole('button', { name: 'Next block →' }).click();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('pm-pyramid');
	await page.getByLabel('Step labels, top of the pyramid first 1').fill('University strategy');
	await page.getByLabel('Groups of').fill('2');
	await expectAccessible(page, 'remote before launching');
	await page.getByRole('button', { name: /Launch “/ }).click();
	await expect(page.getByText('0 of 4 in')).toBeVisible();

	// Two groups of two; each phone names its group and who is in it.
	const groupOf = async (phone: Page) =>
		(await phone.locator('.group strong').textContent())!.replace(':', '');
	for (const phone of phones)
		await expect(phone.getByRole('heading', { name: 'Pick a step' })).toBeVisible();
	const groups = await Promise.all(phones.map(groupOf));
	expect(new Set(groups)).toEqual(new Set(['Group 1', 'Group 2']));
	const [a, b] = phones.filter((_, i) => groups[i] === 'Group 1') as [Page, Page];
	const [c] = phones.filter((_, i) => groups[i] === 'Group 2') as [Page];
	await expect(a.getByText('Step 1: University strategy')).toBeVisible();

	// Two members of group 1 add cards at the same time, at different steps.
	const addCard = async (phone: Page, step: number, text: string) => {
		await phone.getByRole('button', { name: new RegExp(`^Step ${step}:`) }).click();
		await phone.getByLabel('A practice your organisation uses at this step').fill(text);
		await phone.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(phone.getByText(text)).toBeVisible();
		await phone.getByRole('button', { name: /All steps/ }).click();
	};
	await Promise.all([addCard(a, 1, 'Strategy 2030 document'), addCard(b, 4, 'Annual appraisal')]);
	await addCard(c, 4, 'Objectives set in 1:1s');
	// A sees B's card at step 4, and tags it.
	await a.getByRole('button', { name: /^Step 4:/ }).click();
	await expect(a.getByText('Annual appraisal')).toBeVisible();
	await a.getByRole('button', { name: 'Patchy' }).click();
	await expect(a.getByRole('button', { name: 'Patchy' })).toHaveAttribute('aria-pressed', 'true');
	// B wrote the card; A's tag reaches B's phone live.
	await b.getByRole('button', { name: /^Step 4:/ }).click();
	await expect(b.getByRole('button', { name: 'Patchy' })).toHaveAttribute('aria-pressed', 'true');
	await shot(a, 'pyramid-phone-step');
	await expectNoSideScroll(a, 'the pyramid on a phone');
	// The edit panel has a step menu with long labels: it must not push the page sideways.
	await a.getByRole('button', { name: 'Edit, move or delete' }).first().click();
	await expectNoSideScroll(a, 'a card being edited');
	await a.getByRole('button', { name: 'Close', exact: true }).first().click();
	await expectAccessible(a, 'pyramid phone');

	// The projector shows the picture forming; G focuses one group; the gaps are named in words.
	await expect(page.getByText('3 of 4 in')).toBeVisible();
	await projector.keyboard.press('g');
	await expect(projector.getByText('Strategy 2030 document')).toBeVisible();
	await expect(projector.getByText('Gap').first()).toBeVisible();
	await shot(projector, 'pyramid-projector-group');

	// Close and show results: phones can no longer send; the projector shows the debrief.
	await page.getByRole('button', { name: 'Close and show results' }).click();
	await expect(c.getByText('The results are on the screen.')).toBeVisible();
	await expect(projector.getByText('Results')).toBeVisible();
	await shot(projector, 'pyramid-projector-revealed');
	await expectAccessible(projector, 'pyramid projector, revealed');

	// Block 4, AMO: everyone answers privately; the room's picture appears once 3 have finished.
	await page.getByRole('button', { name: 'Go to The Bath model' }).click();
	// The block opens with the Bath chain; AMO is its second activity, picked here directly.
	await expect(page.getByLabel('Launch an activity')).toHaveValue('bath-chain');
	await page.getByLabel('Launch an activity').selectOption('amo-assessment');
	await page.getByRole('button', { name: /Launch “AMO/ }).click();
	for (const [n, phone] of phones.slice(0, 2).entries())
		await completeAmo(phone, (i) => ((i * 3 + n) % 5) + 1);
	await expect(projector.getByText(/^2 of 3 needed$|2\s*of 3 needed/)).toBeVisible();
	await completeAmo(phones[2]!, (i) => (i % 2 ? 5 : 2));
	// While answers come in the projector shows the count only; the picture waits for the reveal.
	await expect(projector.getByText('3 people have finished')).toBeVisible();
	await expect(projector.getByRole('table')).toBeHidden();
	await page.getByRole('button', { name: 'Close and show results' }).click();
	await expect(projector.getByRole('table')).toBeVisible();
	// The results arrive with the reveal's motion (the fit test checks that reduced motion stills it).
	await expect(projector.locator('.reveal-grow').first()).toHaveCSS(
		'animation-name',
		'wc-reveal-grow'
	);
	await expect(phones[0]!.getByText('No one else in the room sees this')).toBeVisible();
	await shot(projector, 'amo-projector');
	await shot(phones[0]!, 'amo-phone-profile');
	await expectAccessible(phones[0]!, 'AMO profile');
	await expectNoSideScroll(phones[0]!, 'the AMO profile');
	// The projector never shows anyone's name with their answers.
	for (const name of names) await expect(projector.locator('main')).not.toContainText(name);

	// Launching AMO again gives everyone a fresh start, not the last run's screens. (The block now
	// offers skill/will, its next activity, so AMO is picked again by hand.)
	await expect(page.getByLabel('Launch an activity')).toHaveValue('skill-will');
	await page.getByLabel('Launch an activity').selectOption('amo-assessment');
	await page.getByRole('button', { name: /Launch “AMO/ }).click();
	await expect(phones[0]!.getByText('Who are you thinking of?')).toBeVisible();
	errors.expectNone();
});
