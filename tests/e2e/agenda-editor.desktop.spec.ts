import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signUp } from './helpers';

const NEW_TITLE = 'Tuesday cohort: performance management';

/** A block of the editor by its position ("Block 3 · 10:20–10:40"). */
const block = (page: Page, n: number) =>
	page.getByRole('group', { name: new RegExp(`^Block ${n} `) });
const titleOf = (page: Page, n: number) => block(page, n).getByLabel('Title', { exact: true });

test('a trainer duplicates Session A, edits it with live timings, saves it and runs it', async ({
	page,
	browser
}) => {
	await signUp(page);
	const fileCard = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /Session A$/ }) });
	await expect(fileCard.getByText('Shipped with the app · read-only')).toBeVisible();
	await fileCard.getByRole('button', { name: 'Duplicate to edit' }).click();

	await expect(page).toHaveURL(/\/trainer\/agendas\/my-[a-z2-7]+$/);
	const editorUrl = page.url();
	const title = page.getByLabel('Agenda title');
	await expect(title).toHaveValue('Understanding Performance Management — Session A (copy)');
	const total = page.locator('.total');
	await expect(total).toHaveText('Total 3 h · 09:30–12:30');
	await expectAccessible(page, 'agenda editor');

	// Rename, lengthen the first block: the total, the end and the next block's time follow at once.
	await title.fill(NEW_TITLE);
	await block(page, 1).getByLabel('Minutes').fill('25');
	await expect(total).toHaveText('Total 3 h 5 min · 09:30–12:35');
	await expect(block(page, 2).locator('legend')).toContainText('09:55–10:25');
	await expect(page.getByText('Unsaved changes', { exact: true })).toBeVisible();

	// Add a block at the end; the keyboard lands in its title.
	await page.getByRole('button', { name: 'Add a block' }).click();
	await expect(titleOf(page, 9)).toBeFocused();
	// A title pasted past its limit keeps 120 characters and says so, not silently.
	await titleOf(page, 9).fill('Exit quiz '.repeat(13));
	await expect(titleOf(page, 9)).toHaveValue('Exit quiz '.repeat(12));
	await expect(titleOf(page, 9)).toHaveAccessibleDescription(
		'That is the most this takes (120 characters): anything longer was not kept.'
	);
	await titleOf(page, 9).fill('Exit quiz');
	await expect(block(page, 9).getByText(/That is the most this takes/)).toHaveCount(0);
	await block(page, 9).getByLabel('Minutes').fill('5');
	await block(page, 9).getByLabel('Kind').selectOption('activity');
	await block(page, 9).getByLabel('What participants do').fill('Answer three quick questions.');
	await expect(total).toHaveText('Total 3 h 10 min · 09:30–12:40');

	// Move it above "Review and close"; focus stays on the button that moved it.
	await block(page, 9).getByRole('button', { name: 'Move up' }).click();
	await expect(titleOf(page, 8)).toHaveValue('Exit quiz');
	await expect(titleOf(page, 9)).toHaveValue('Review and close');
	await expect(block(page, 8).getByRole('button', { name: 'Move up' })).toBeFocused();
	await expect(block(page, 8).locator('legend')).toContainText('12:25–12:30');

	// Delete "Best practice" (20 minutes).
	await expect(titleOf(page, 3)).toHaveValue(/^Best practice/);
	await block(page, 3).getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText(/^Deleted “Best practice/)).toBeVisible();
	await expect(total).toHaveText('Total 2 h 50 min · 09:30–12:20');
	// The save bar's state and the long notice share the line or wrap: never drawn over each other.
	const viewport = page.viewportSize()!;
	for (let width = 1280; width >= 660; width -= 40) {
		await page.setViewportSize({ width, height: viewport.height });
		await expect
			.poll(
				() =>
					page.locator('.bar').evaluate((bar) => {
						const a = bar.querySelector('.state')!.getBoundingClientRect();
						const b = bar.querySelector('.notice')!.getBoundingClientRect();
						return a.right <= b.left + 0.5 || b.bottom <= a.top + 0.5 || a.bottom <= b.top + 0.5;
					}),
				{ message: `state and notice apart at ${width} px` }
			)
			.toBe(true);
	}
	await page.setViewportSize(viewport);

	// A mistake is refused by the server: said next to the field and in a summary that links to it.
	await block(page, 2).getByLabel('Minutes').fill('0');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const summary = page.getByRole('heading', { name: 'One thing stops this agenda from saving' });
	await expect(summary).toBeVisible();
	await expect(block(page, 2).getByText('A block lasts at least 1 minute')).toBeVisible();
	await expect(block(page, 2).getByLabel('Minutes')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page, 'agenda editor showing errors');
	await page.getByRole('link', { name: /^Block 2 .*minutes$/ }).click();
	await expect(block(page, 2).getByLabel('Minutes')).toBeFocused();
	await block(page, 2).getByLabel('Minutes').fill('30');

	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	await expect(summary).toBeHidden();

	// Reload: everything came from the database.
	await page.reload();
	await expect(title).toHaveValue(NEW_TITLE);
	await expect(total).toHaveText('Total 2 h 50 min · 09:30–12:20');
	const titles = await page
		.getByLabel('Title', { exact: true })
		.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
	expect(titles).toEqual([
		'Introductions',
		'Big picture: the performance-management pyramid',
		'The Bath model, AMO and skill/will',
		'Break',
		'Behaviour and performance: fair and valid assessment',
		'Developing performance: learning preferences and coaching',
		'Exit quiz',
		'Review and close'
	]);
	await expect(block(page, 1).getByLabel('Minutes')).toHaveValue('25');
	await expect(block(page, 7).getByLabel('Kind')).toHaveValue('activity');
	await expect(block(page, 7).getByLabel('What participants do')).toHaveValue(
		'Answer three quick questions.'
	);
	// The kit list and a block's several activities survived the save, in the form they were written.
	await expect(page.getByLabel('Kit list (optional)')).toHaveValue(/AMO assessment handout/);
	await expect(block(page, 3).getByLabel('Activities (optional)')).toHaveValue(
		'bath-chain, amo-assessment, skill-will'
	);
	// The block's slides survived the save, in their own field.
	await expect(block(page, 1).getByLabel('Slides (optional)')).toHaveValue('1–2');

	// Another trainer cannot open it at all, and the editor is for copies only, never the files.
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signUp(other, 'Sam Other');
	expect((await other.goto(editorUrl))?.status()).toBe(404);
	await expect(other.getByRole('heading', { name: 'Not found' })).toBeVisible();
	expect((await other.goto('/trainer/agendas/session-a'))?.status()).toBe(404);
	await otherContext.close();

	// Run it: the console shows the new title.
	await page.getByRole('button', { name: 'Start live session' }).click();
	await expect(page).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);

	// On the dashboard it is one of "Your agendas"; deleting asks first, by name.
	await page.goto('/trainer');
	const yours = page.getByRole('region', { name: 'Your agendas' });
	const card = yours
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: NEW_TITLE }) });
	await expect(card).toContainText('Based on “Understanding Performance Management — Session A”');
	await expectAccessible(page, 'dashboard with an agenda of your own');
	page.once('dialog', (d) => {
		expect(d.message()).toContain(`Delete “${NEW_TITLE}”?`);
		void d.dismiss();
	});
	await card.getByRole('button', { name: 'Delete' }).click();
	await expect(card).toBeVisible();
	page.once('dialog', (d) => void d.accept());
	await card.getByRole('button', { name: 'Delete' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `Deleted “${NEW_TITLE}”.` })
	).toBeVisible();
	await expect(card).toHaveCount(0);
	await expect(yours.getByText('None yet.')).toBeVisible();
	// The live session it started is unaffected.
	await expect(page.getByRole('region', { name: 'Live now' })).toContainText(NEW_TITLE);
});
