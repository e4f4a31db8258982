import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, roomWithPhones } from './helpers';

const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/e2e/screens/full-b-${name}.png` });

test('Session B from the first block to the last: a projector and three phones answer every activity', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	const { projector, phones, errors } = await roomWithPhones(page, browser, /Session B/, [
		'Aisha',
		'Ben',
		'Chen'
	]);

	/** Launches the block's own activity (the chooser offers it first) and checks the phones have it. */
	const launchBlockActivity = async (id: string, title: RegExp) => {
		await expect(page.getByLabel('Launch an activity')).toHaveValue(id);
		await page.getByRole('button', { name: /Launch “/ }).click();
		for (const phone of phones)
			await expect(phone.getByRole('heading', { name: title }).first()).toBeVisible();
	};
	const reveal = async (name: string) => {
		await page.getByRole('button', { name: 'Close and show results' }).click();
		await expect(projector.getByText('Results').first()).toBeVisible();
		await shot(projector, name);
	};
	const next = async (title: string) => {
		await page.getByRole('button', { name: 'Next block →' }).click();
		// A video block shows its video, named for the block, where other blocks show their title.
		await expect(
			projector
				.getByRole('heading', { name: title })
				.or(projector.getByText(title))
				.or(projector.getByRole('region', { name: `Video: ${title}` }))
				.first()
		).toBeVisible();
	};

	// 1. Appraisal: why we have it, pros and cons (open question in groups).
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await launchBlockActivity('why-appraisal', /Appraisal: why we have it/);
	for (const [i, phone] of phones.entries()) {
		await phone.getByLabel('Your answer').fill(`Reason ${i + 1}: a regular, recorded conversation`);
		await phone.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(
			phone.getByText(`Reason ${i + 1}: a regular, recorded conversation`).first()
		).toBeVisible();
	}
	await reveal('1-appraisal');

	// 2. Intelligent goal setting.
	await next('Intelligent goal setting');
	await launchBlockActivity('goal-setting', /Write a goal/);
	for (const [i, phone] of phones.entries()) {
		await expect(phone.getByRole('heading', { name: 'Who is the goal for?' })).toBeVisible();
		await phone.getByRole('radio').first().check();
		await phone.getByRole('button', { name: 'Next: goal type' }).click();
		// Each step appears once the last answer is saved: answer the step on screen, not the one before.
		await expect(phone.getByRole('heading', { name: 'Which kind of goal fits?' })).toBeVisible();
		await phone.getByRole('radio').first().check();
		await phone.getByRole('button', { name: 'Next: write it' }).click();
		await expect(phone.getByRole('heading', { name: 'Write the goal' })).toBeVisible();
		await phone
			.getByLabel('The goal, as you would agree it with them')
			.fill(
				`Cut rework on reports by ${20 + i}% by the end of June so that the team meets its service target`
			);
		await phone.getByRole('radio', { name: '4' }).check();
		await phone.getByRole('button', { name: 'Send for review' }).click();
		await expect(phone.getByRole('heading', { name: 'Your goal' })).toBeVisible();
	}
	await reveal('2-goals');

	// 3. Effective feedback (a video block with an open question afterwards).
	await next('Effective feedback: mindset and ask-tell-ask');
	// The block's second activity (after the mindset poll), picked from the block's options.
	await page.getByRole('button', { name: /^Feedback that helps people grow/ }).click();
	await launchBlockActivity('feedback-mindset', /./);
	for (const phone of phones) {
		await phone.getByLabel('Your answer').fill('Praise the effort and the strategy, not talent');
		await phone.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(
			phone.getByText('Praise the effort and the strategy, not talent').first()
		).toBeVisible();
	}
	await reveal('3-feedback');

	// 4. Break: the revealed activity ends; the projector and phones say when we are back.
	await page.getByRole('button', { name: 'Next block →' }).click();
	await expect(phones[0]!.getByText(/^Back at \d\d:\d\d$/)).toBeVisible();
	await expect(projector.getByText(/^Back at \d\d:\d\d$/)).toBeVisible();
	await shot(projector, '4-break');

	// 5. Reward and recognition brainstorm.
	await page.getByRole('button', { name: 'Next block →' }).click();
	await launchBlockActivity('reward-brainstorm', /./);
	for (const [i, phone] of phones.entries()) {
		await phone.getByLabel('Your idea, one per card').fill(`Idea ${i + 1}: a public thank-you`);
		await phone.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(phone.getByText(`Idea ${i + 1}: a public thank-you`).first()).toBeVisible();
	}
	await reveal('5-brainstorm');

	// 6. Difficult conversations: cards dealt to groups; each group plans its opening.
	await next('Difficult conversations');
	await launchBlockActivity('difficult-conversations', /./);
	await page.getByRole('button', { name: 'Deal cards' }).click();
	for (const phone of phones) {
		await expect(phone.locator('section.card h2')).toBeVisible();
		await phone
			.getByLabel('Open', { exact: true })
			.fill('Thank them for coming and say plainly what we are here to discuss.');
		await phone.getByLabel('Prepare', { exact: true }).click();
	}
	await reveal('6-cards');

	// 7. Review and ILM assignment coverage: exit reflections.
	await next('Review and ILM assignment coverage');
	await launchBlockActivity('exit-reflection', /./);
	for (const phone of phones) {
		await phone.getByRole('textbox').fill('Agree one clear objective with each person by Friday.');
		await phone.getByRole('radio', { name: '8', exact: true }).check();
		await phone.getByRole('button', { name: 'Save my reflection' }).click();
		await expect(phone.getByRole('heading', { name: 'Your reflection' })).toBeVisible();
	}
	await reveal('7-reflections');
	await expectAccessible(projector, 'exit reflections on the projector');

	// The end: the agenda finishes, the room closes, the timing report has every block.
	await page.getByRole('button', { name: 'Next block →' }).click();
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Close the session' }).click();
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(8);
	await expect(phones[0]!.getByRole('heading', { name: 'Session closed' })).toBeVisible();
	errors.expectNone();
});
