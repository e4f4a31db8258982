import { expect, test } from '@playwright/test';
import { expectAccessible, joinByCode, newPhone, signUp, startSession } from './helpers';

test('a trainer opens a room, two phones join, a reload keeps the same person', async ({
	page,
	browser,
	context
}) => {
	// Five accessibility scans, three browser contexts and two reloads: 44–56 s on this 2-core
	// machine in a normal hour, past Playwright's 60 s default in a slow one.
	test.setTimeout(120_000);
	await page.goto('/');
	await expectAccessible(page, 'home page');
	await signUp(page);
	await expectAccessible(page, 'trainer dashboard');

	const code = await startSession(page, /Session A/);
	await expectAccessible(page, 'trainer console');

	const projector = await context.newPage();
	await projector.goto(page.url() + '/projector');
	const codeOnScreen = projector.locator('.code');
	await expect(codeOnScreen).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
	await expect(projector.locator('.qr svg')).toBeVisible();
	// The test server listens on 127.0.0.1 only (HOST): rather than a LAN address that would not
	// answer, the projector says plainly that phones cannot join (tests/unit/public-url.test.ts has the LAN case).
	await expect(
		projector.getByText(
			'Phones cannot join: this server listens on this computer only (HOST=127.0.0.1).',
			{
				exact: false
			}
		)
	).toBeVisible();
	await expect(projector.getByText('0 people have joined')).toBeVisible();
	await expectAccessible(projector, 'projector');

	// Phone 1 types the code the sloppy way people do.
	let phone1 = await newPhone(browser);
	await joinByCode(
		phone1,
		`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`,
		'Aisha'
	);
	await expect(
		phone1.getByRole('heading', { name: /Understanding Performance Management — Session A/ })
	).toBeVisible();
	await expect(phone1.getByText('Waiting for the trainer')).toBeVisible();
	await expect(phone1.getByText('You: Aisha')).toBeVisible();

	// Phone 2 arrives through the QR link.
	const phone2 = await newPhone(browser);
	await phone2.goto(`/j/${code}`);
	await expect(phone2.getByLabel('Room code')).toHaveValue(`${code.slice(0, 3)} ${code.slice(3)}`);
	await expect(phone2.getByLabel('Your name')).toBeFocused();
	await phone2.getByLabel('Your name').fill('Ben');
	await phone2.getByRole('button', { name: 'Join' }).click();
	await expect(phone2.getByText('Waiting for the trainer')).toBeVisible();

	await expect(projector.getByText('2 people have joined')).toBeVisible();
	// Newest first: whoever has just joined finds their name at the start of the list.
	const names = projector.locator('.roster .name');
	await expect(names).toHaveText(['Ben', 'Aisha']);

	await phone1.reload();
	await expect(phone1.getByText('You: Aisha')).toBeVisible();
	await expect(projector.getByText('2 people have joined')).toBeVisible();

	// A closed tab brings back the same person: the same participant id, online again, count unchanged.
	const aisha = projector.locator('.roster li', { hasText: 'Aisha' });
	const aishaId = await aisha.getAttribute('data-participant-id');
	// The phone's tab goes away (the OS reclaims a backgrounded browser), then the person comes back.
	const phoneContext = phone1.context();
	await phone1.close();
	await expect(aisha).toHaveClass(/offline/);
	phone1 = await phoneContext.newPage();
	await phone1.goto(`/p/${code}`);
	await expect(phone1.getByText('You: Aisha')).toBeVisible();
	await expect(phone1.getByText('Waiting for the trainer')).toBeVisible();
	await expect(aisha).not.toHaveClass(/offline/);
	await expect(aisha).toHaveAttribute('data-participant-id', aishaId!);
	await expect(projector.getByText('2 people have joined')).toBeVisible();
	await expect(names).toHaveText(['Ben', 'Aisha']);
	await expect(page.getByText('2 joined, 2 online')).toBeVisible();

	// Scanning the QR again on the same phone returns to the seat rather than making a second Aisha.
	await phone1.goto(`/j/${code}`);
	await expect(phone1).toHaveURL(new RegExp(`/p/${code}$`));
	await expect(phone1.getByText('You: Aisha')).toBeVisible();
	await expect(names).toHaveCount(2);

	// The trainer removes Ben: his phone is told, the projector updates.
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Remove Ben' }).click();
	await expect(phone2.getByText('The trainer removed you from this session.')).toBeVisible();
	await expect(projector.getByText('1 person has joined')).toBeVisible();

	// Closing the room tells the remaining phone clearly.
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Close the session' }).click();
	await expect(phone1.getByRole('heading', { name: 'Session closed' })).toBeVisible();
	await expect(projector.getByText('This session has ended')).toBeVisible();
	await phone1.reload();
	await expect(phone1.getByRole('heading', { name: 'Session closed' })).toBeVisible();
});

test('the remote shows its controls, disabled and saying "Connecting…", until the server answers', async ({
	page
}) => {
	await signUp(page);
	await startSession(page, /Session A/);
	const url = page.url();
	// The server never answers this tab's socket (either transport): the page stays as first drawn.
	await page.routeWebSocket(/socket\.io/, () => {});
	await page.route(/\/socket\.io\//, () => {});
	await page.goto(url);
	const bar = page.getByRole('region', { name: 'Controls' });
	await expect(bar).toBeVisible();
	await expect(bar.getByText('Connecting…')).toBeVisible();
	const buttons = bar.getByRole('button');
	expect(await buttons.count()).toBeGreaterThan(0);
	for (const button of await buttons.all()) await expect(button).toBeDisabled();

	// Connected: the same bar, live.
	await page.unrouteAll({ behavior: 'ignoreErrors' });
	await page.goto('about:blank');
	const live = await page.context().newPage();
	await live.goto(url);
	await expect(
		live.getByRole('region', { name: 'Controls' }).getByRole('button', { name: 'Start the agenda' })
	).toBeEnabled();
	await expect(
		live.getByRole('region', { name: 'Controls' }).getByText('Connecting…')
	).toBeHidden();
});

test('sign out, a wrong password, and signing back in', async ({ page }) => {
	const email = await signUp(page, 'Sam Trainer');
	await page.getByRole('button', { name: /Sign out/ }).click();
	await expect(page.getByRole('heading', { name: 'Trainer sign in' })).toBeVisible();
	await page.goto('/trainer');
	await expect(page).toHaveURL(/\/login\?next=%2Ftrainer/);
	await expectAccessible(page, 'sign-in page');

	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');

	await page.getByLabel('Password').fill('a long enough password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Hello, Sam Trainer' })).toBeVisible();
});

test('sign-up explains a short password and a bad email', async ({ page }) => {
	await page.goto('/signup');
	await expectAccessible(page, 'sign-up page');
	await page.getByLabel('Your name').fill('Short Pass');
	await page.getByLabel('Email').fill('not-an-email@');
	await page.getByLabel('Password').fill('short');
	// Bypass the browser's own checks to see the server's messages, as a script or old browser would.
	await page.locator('form').evaluate((f) => ((f as HTMLFormElement).noValidate = true));
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(
		page.getByText('Please use at least 10 characters for your password.')
	).toBeVisible();
	await expect(
		page.getByText('Please enter a valid email address, like name@example.org.')
	).toBeVisible();
	await expectAccessible(page, 'sign-up page with errors');
});
