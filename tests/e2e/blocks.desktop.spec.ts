import { expect, test, type Page } from '@playwright/test';
import { completeAmo } from './activity-helpers';
import { expectAccessible, expectNoSideScroll, roomWithPhones } from './helpers';

/** Screens worth looking at after a run: test-results/e2e/screens/. */
const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/e2e/screens/${name}.png` });

const BATH = 'The Bath chain: where do you make the difference?';
const AMO = 'AMO: what helps your team perform?';
const SKILL = 'Skill and will: how should you manage this task?';

test('Session A’s Bath block runs its three activities in order from the remote, with two phones', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	const { projector, phones, errors } = await roomWithPhones(page, browser, /Session A/, [
		'Aisha',
		'Ben'
	]);
	const [aisha, ben] = phones as [Page, Page];
	await projector.setViewportSize({ width: 1280, height: 720 });

	// Before the start the remote lists what to bring (the kit list from the agenda file).
	const kit = page.getByRole('region', { name: 'What to bring' });
	await expect(kit).toContainText('AMO assessment handout');
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await expect(kit).toBeHidden();

	await page.getByRole('button', { name: 'Go to The Bath model' }).click();
	// The projector's next line names the block's first activity; the remote offers it, and lists all three.
	await expect(projector.getByText(`Next in this block: ${BATH}`)).toBeVisible();
	const options = page.getByRole('group', { name: 'This block’s activities' });
	await expect(options.getByRole('button')).toHaveText([/Bath chain/, /AMO/, /Skill and will/]);
	await expect(page.getByLabel('Launch an activity')).toHaveValue('bath-chain');
	await page.getByRole('button', { name: `Launch “${BATH}”` }).click();

	// 1. The Bath chain: each phone taps a link; counts wait for five answers or the reveal.
	await aisha.getByRole('radio', { name: /Line manager brings them to life/ }).check();
	await ben.getByRole('radio', { name: /Line manager brings them to life/ }).check();
	await ben.getByRole('radio', { name: /Discretionary behaviour/ }).check();
	await expect(page.getByText('2 of 2 in')).toBeVisible();
	await expect(projector.getByText('2 people answered')).toBeVisible();
	await expect(projector.getByText('The counts appear once 5 people have answered.')).toBeVisible();
	await shot(aisha, 'bath-chain-phone');
	await expectAccessible(aisha, 'Bath chain on a phone');
	await expectNoSideScroll(aisha, 'Bath chain on a phone');

	// Closed without results: the projector is back on the block and names what comes next in it.
	await page.getByRole('button', { name: 'Close', exact: true }).click();
	await expect(projector.getByText(`Next in this block: ${AMO}`)).toBeVisible();
	await expect(page.getByText(`Next in this block: ${AMO}`)).toBeVisible();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('amo-assessment');
	await shot(projector, 'blocks-projector-next');
	await page.getByRole('button', { name: 'Show results on the projector' }).click();
	const chain = projector.locator('.links li');
	await expect(chain).toHaveCount(6);
	await expect(chain.nth(2)).toContainText('Line manager brings them to life');
	await expect(chain.nth(2).locator('.count')).toHaveText('1');
	await expect(chain.nth(4).locator('.count')).toHaveText('1');
	await expect(chain.nth(0).locator('.count')).toHaveText('0');
	for (const name of ['Aisha', 'Ben'])
		await expect(projector.locator('main')).not.toContainText(name);
	await shot(projector, 'bath-chain-projector');
	await expectAccessible(projector, 'Bath chain on the projector');

	// 2. AMO, offered next: both phones answer privately.
	await page.getByRole('button', { name: `Launch “${AMO}”` }).click();
	await Promise.all([
		completeAmo(aisha, (i) => (i % 5) + 1),
		completeAmo(ben, (i) => ((i + 2) % 5) + 1)
	]);
	await expect(page.getByText('2 of 2 in')).toBeVisible();
	await page.getByRole('button', { name: 'Close', exact: true }).click();
	await expect(projector.getByText(`Next in this block: ${SKILL}`)).toBeVisible();
	await expect(page.getByText(`Next in this block: ${SKILL}`)).toBeVisible();

	// 3. Skill/will, the block's last.
	await page.getByRole('button', { name: `Launch “${SKILL}”` }).click();
	await aisha
		.getByRole('button', { name: /Place someone|Place a person|Add/ })
		.first()
		.click();
	await aisha.getByLabel('Their initials').fill('JK');
	await aisha.getByLabel('The task').fill('Monthly budget report');
	await aisha.getByLabel('Skill for this task').fill('8');
	await aisha.getByLabel('Will for this task').fill('3');
	await aisha.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('1 of 2 in')).toBeVisible();
	await page.getByRole('button', { name: 'Close', exact: true }).click();
	await expect(page.getByText('That was the last activity in this block.')).toBeVisible();
	// Nothing left in the block: the projector's next line is the next block again.
	await expect(projector.getByText('Next: Break')).toBeVisible();
	await expectAccessible(page, 'remote after the block’s last activity');

	// The report prints the kit list.
	await page.getByRole('link', { name: 'Report and downloads' }).click();
	await expect(page.getByRole('region', { name: 'Kit list' })).toContainText(
		'Workbook, one per participant'
	);
	errors.expectNone();
});

test('Session B: the feedback rewrite and a private conversation plan, spotlighted on the projector', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	const { projector, phones, errors } = await roomWithPhones(page, browser, /Session B/, [
		'Aisha',
		'Ben'
	]);
	const [aisha, ben] = phones as [Page, Page];
	await projector.setViewportSize({ width: 1280, height: 720 });
	await expect(page.getByRole('region', { name: 'What to bring' })).toContainText('TED talk');
	await page.getByRole('button', { name: 'Start the agenda' }).click();

	// Effective feedback: the mindset poll comes first; the trainer picks the rewrite from the block's options.
	await page.getByRole('button', { name: 'Go to Effective feedback' }).click();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('growth-mindset-poll');
	await page.getByRole('button', { name: /^Rewrite a vague piece of feedback/ }).click();
	await page.getByRole('button', { name: 'Launch “Rewrite a vague piece of feedback”' }).click();
	await expect(aisha.getByText('“You need to be more of a team player.”')).toBeVisible();
	await aisha
		.getByRole('textbox', { name: 'Situation', exact: true })
		.fill('In Tuesday’s planning meeting');
	await aisha
		.getByRole('textbox', { name: 'Behaviour', exact: true })
		.fill('you finished your part and left before the others were done');
	await aisha
		.getByRole('textbox', { name: 'Impact', exact: true })
		.fill('Sam stayed late alone to finish the slides');
	await aisha.getByRole('button', { name: 'Save my rewrite' }).click();
	await expect(aisha.getByRole('button', { name: 'Save changes' })).toBeVisible();
	await ben.getByRole('radio', { name: 'Ask – Tell – Ask' }).check();
	await ben
		.getByRole('textbox', { name: 'Ask', exact: true })
		.fill('How do you think the handover went?');
	await ben
		.getByRole('textbox', { name: 'Tell', exact: true })
		.fill('I saw you answer every question from the night team yourself.');
	await ben
		.getByRole('textbox', { name: 'Ask again', exact: true })
		.fill('What could you hand to others next time?');
	await ben.getByRole('button', { name: 'Save my rewrite' }).click();
	await expect(projector.getByText('2 rewrites, no names')).toBeVisible();
	await shot(projector, 'feedback-rewrite-projector');
	await page.getByRole('button', { name: 'Spotlight' }).last().click();
	await expect(projector.getByLabel('Rewrite 1, on the projector')).toContainText(
		'Sam stayed late alone'
	);
	await expect(aisha.getByText('Your rewrite is on the projector now.')).toBeVisible();
	for (const name of ['Aisha', 'Ben'])
		await expect(projector.locator('main')).not.toContainText(name);
	await shot(projector, 'feedback-rewrite-spotlight');
	await shot(ben, 'feedback-rewrite-phone');
	await expectAccessible(ben, 'feedback rewrite on a phone');
	await expectAccessible(projector, 'feedback rewrite spotlight');
	await page.getByRole('button', { name: 'Close', exact: true }).click();

	// Difficult conversations: plan an improvement conversation of your own; private until shared.
	await page.getByRole('button', { name: 'Go to Difficult conversations' }).click();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('difficult-conversations');
	await page.getByRole('button', { name: /^Plan an improvement conversation/ }).click();
	await page.getByRole('button', { name: 'Launch “Plan an improvement conversation”' }).click();
	const secret = 'A technician keeps missing the Friday safety checks';
	await aisha.getByLabel('The situation').fill(secret);
	await aisha.getByLabel('Prepare').click();
	await aisha
		.getByLabel('Prepare')
		.fill('The check log for the last six weeks; the procedure; time to meet.');
	await aisha.getByLabel('Open', { exact: true }).click();
	await ben.getByLabel('The situation').fill('Reports arrive late every month');
	await ben.getByLabel('Prepare').click();
	await expect(projector.getByText('2 started')).toBeVisible();
	await expect(projector.locator('main')).not.toContainText('Friday safety checks');
	await shot(projector, 'conversation-plan-projector');
	await aisha.getByRole('checkbox', { name: /Let the trainer show this plan/ }).check();
	await expect(page.getByText('1 shared with you')).toBeVisible();
	await page.getByRole('button', { name: 'Spotlight' }).click();
	await expect(projector.getByLabel('Plan 1, shared by its author')).toContainText(secret);
	await expect(projector.locator('main')).not.toContainText('Reports arrive late');
	for (const name of ['Aisha', 'Ben'])
		await expect(projector.locator('main')).not.toContainText(name);
	await expect(aisha.getByText('Your plan is on the projector now, without names.')).toBeVisible();
	await shot(projector, 'conversation-plan-spotlight');
	await aisha.screenshot({
		path: 'test-results/e2e/screens/conversation-plan-phone.png',
		fullPage: true
	});
	await expectAccessible(aisha, 'conversation plan on a phone');
	await expectNoSideScroll(aisha, 'conversation plan on a phone');

	// The dashboard's agenda card lists what to bring too.
	await page.goto('/trainer');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /Session B$/ }) });
	await expect(card.getByRole('region', { name: 'What to bring' })).toContainText(
		'Difficult-conversation cards'
	);
	errors.expectNone();
});
