import { expect, test } from '@playwright/test';
import { expectAccessible, signUp, startSession, watchErrors } from './helpers';

const BLOCK_2 = 'Big picture: the performance-management pyramid';

test('an owner shares a live session with a second trainer, who runs it until removed', async ({
	browser,
	page
}) => {
	// The second trainer has an account already, in a browser of their own (their own cookie).
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	const otherEmail = await signUp(other, 'Cam Cofac');
	const errors = watchErrors(page, other);

	await signUp(page, 'Olive Owner');
	await startSession(page, /Session A/);
	const roomUrl = page.url();
	// The remote is live (hydrated, socket answered) before anything is typed.
	await expect(page.getByRole('button', { name: 'Start the agenda' })).toBeVisible();
	const section = page.getByRole('region', { name: 'Co-facilitators' });
	await expect(section.getByText('No co-facilitators yet.')).toBeVisible();

	// An address without an account is explained, and what was typed stays.
	const email = section.getByLabel('Add a co-facilitator by email');
	await email.fill('nobody-here@example.org');
	await section.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(section.getByRole('alert')).toHaveText(
		'No trainer account uses that email. Ask them to sign up first.'
	);
	await expect(email).toHaveValue('nobody-here@example.org');

	// Typed in capitals: accounts are found case-insensitively.
	await email.fill(otherEmail.toUpperCase());
	await section.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(section.getByRole('status')).toHaveText(
		'Cam Cofac can now run this session with you.'
	);
	await expect(section.getByRole('listitem').filter({ hasText: 'Cam Cofac' })).toContainText(
		otherEmail
	);
	await expect(section.getByRole('alert')).toHaveCount(0);
	await expect(email).toHaveValue('');
	await expectAccessible(page, 'room page with a co-facilitator');

	// The second trainer finds the session on their dashboard, marked as someone else's.
	await other.goto('/trainer');
	const shared = other
		.getByRole('region', { name: 'Live now' })
		.getByRole('listitem')
		.filter({ hasText: 'Session A' });
	await expect(shared).toContainText('co-facilitating (owner: Olive Owner)');
	await expectAccessible(other, 'dashboard with a co-facilitated session');
	await shared.getByRole('link').click();
	await expect(other).toHaveURL(roomUrl);
	await expect(other.getByRole('button', { name: 'Start the agenda' })).toBeVisible();

	// They run the controls, and the owner's remote follows.
	await other.getByRole('button', { name: 'Start the agenda' }).click();
	await expect(other.locator('.remote-bar .title')).toHaveText('Introductions');
	await other.getByRole('button', { name: 'Next block →' }).click();
	await expect(other.locator('.remote-bar .title')).toHaveText(BLOCK_2);
	await expect(page.locator('.remote-bar .title')).toHaveText(BLOCK_2);

	// They see who runs it, but only the owner manages the list.
	const theirs = other.getByRole('region', { name: 'Co-facilitators' });
	await expect(theirs).toContainText('Olive Owner owns this session.');
	await expect(theirs.getByLabel('Add a co-facilitator by email')).toHaveCount(0);
	await expect(theirs.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
	await expect(theirs.getByRole('button', { name: 'Leave this session' })).toBeVisible();

	// The owner removes them, after confirming.
	page.once('dialog', (d) => {
		expect(d.message()).toContain('Remove Cam Cofac as a co-facilitator?');
		void d.accept();
	});
	await section.getByRole('button', { name: 'Remove Cam Cofac' }).click();
	await expect(section.getByRole('status')).toHaveText('Cam Cofac is no longer a co-facilitator.');
	await expect(section.getByText('No co-facilitators yet.')).toBeVisible();

	// Their open remote says so at once, refuses controls, and a reload is "not found".
	await expect(
		other
			.getByRole('alert')
			.filter({ hasText: 'The owner removed you from this session’s co-facilitators' })
	).toBeVisible();
	await other.getByRole('button', { name: 'Next block →' }).click();
	await expect(
		other.getByRole('alert').filter({ hasText: 'You are not a trainer of that session.' })
	).toBeVisible();
	await expect(page.locator('.remote-bar .title')).toHaveText(BLOCK_2);
	expect((await other.reload())?.status()).toBe(404);
	await expect(other.getByRole('heading', { name: 'Not found' })).toBeVisible();
	await other.goto('/trainer');
	await expect(other.getByRole('region', { name: 'Live now' })).toHaveCount(0);

	errors.expectNone();
	await otherContext.close();
});

test('an agenda copy shared by email: the co-facilitator edits it and starts a session the owner co-facilitates', async ({
	browser,
	page
}) => {
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	const otherEmail = await signUp(other, 'Cam Cofac');
	const errors = watchErrors(page, other);

	// The owner makes a copy of Session A and shares it from the editor.
	await signUp(page, 'Olive Owner');
	const fileCard = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /Session A/ }) });
	await fileCard.getByRole('button', { name: 'Duplicate to edit' }).click();
	await expect(page).toHaveURL(/\/trainer\/agendas\/my-[a-z2-7]+$/);
	const editorUrl = page.url();
	const section = page.getByRole('region', { name: 'Co-facilitators' });
	await section.getByLabel('Add a co-facilitator by email').fill(otherEmail);
	await section.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(section.getByRole('status')).toHaveText(
		'Cam Cofac can now edit this agenda and run sessions from it.'
	);
	await expectAccessible(page, 'agenda editor with a co-facilitator');

	// "Shared with you" on the other trainer's dashboard, with the owner's name; no delete.
	await other.goto('/trainer');
	const sharedRegion = other.getByRole('region', { name: 'Shared with you' });
	const card = sharedRegion
		.getByRole('listitem')
		.filter({ has: other.getByRole('heading', { name: /Session A \(copy\)/ }) });
	await expect(card).toContainText('Shared by Olive Owner');
	await expect(card.getByRole('button', { name: 'Delete' })).toHaveCount(0);
	await expectAccessible(other, 'dashboard with a shared agenda');

	// They edit and save it, then start a session from the editor.
	await card.getByRole('link', { name: 'Edit' }).click();
	await expect(other).toHaveURL(editorUrl);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Edit a shared agenda');
	await other.getByLabel('Agenda title').fill('Team day');
	await other.getByRole('button', { name: /start live session/i }).click();
	await expect(other).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Team day');

	// The owner of the agenda co-facilitates that session: it is on their dashboard, marked so.
	await page.goto('/trainer');
	const live = page
		.getByRole('region', { name: 'Live now' })
		.getByRole('listitem')
		.filter({ hasText: 'Team day' });
	await expect(live).toContainText('co-facilitating (owner: Cam Cofac)');
	await live.getByRole('link').click();
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await expect(other.locator('.remote-bar .title')).toHaveText('Introductions');

	errors.expectNone();
	await otherContext.close();
});
