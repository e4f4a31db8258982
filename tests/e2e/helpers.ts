import AxeBuilder from '@axe-core/playwright';
import { devices, expect, type Browser, type Page } from '@playwright/test';

/** Automated accessibility check of the page as it is now: no WCAG A/AA violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `accessibility of ${what}`).toEqual([]);
}

let seq = 0;
export function uniqueEmail(): string {
	return `trainer-${Date.now()}-${process.pid}-${++seq}@example.org`;
}

/** Signs up a new trainer on this page and lands on the dashboard. */
export async function signUp(page: Page, name = 'Jo Trainer'): Promise<string> {
	const email = uniqueEmail();
	await page.goto('/signup');
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a long enough password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: `Hello, ${name}` })).toBeVisible();
	return email;
}

/** Starts a live session from the named agenda and returns its room code (no space). */
export async function startSession(page: Page, agendaTitle: RegExp): Promise<string> {
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: agendaTitle }) });
	await card.getByRole('button', { name: 'Start live session' }).click();
	await expect(page).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
	const code = (await page.locator('.lead .code').textContent())!.replace(/\s/g, '');
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	return code;
}

/** A new phone (Pixel 7) in its own browser context: its own storage, like a separate device. */
export async function newPhone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ ...devices['Pixel 7'] });
	return context.newPage();
}

export async function joinByCode(page: Page, typedCode: string, name: string): Promise<void> {
	await page.goto('/join');
	await page.getByLabel('Room code').fill(typedCode);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
}

/**
 * Phone pages must never scroll sideways (a wide element makes mobile browsers zoom out and shift).
 * Measured against the device's width: a mobile browser widens innerWidth as it zooms out.
 */
export async function expectNoSideScroll(page: Page, what: string): Promise<void> {
	const device = page.viewportSize()!.width;
	const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scroll, `${what} is ${scroll}px wide on a ${device}px screen`).toBeLessThanOrEqual(device);
}

/** Collects uncaught errors from pages; a crash in a component must fail the test, not pass quietly. */
export function watchErrors(...pages: Page[]): { add(page: Page): void; expectNone(): void } {
	const errors: string[] = [];
	const add = (page: Page) =>
		page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
	pages.forEach(add);
	return { add, expectNone: () => expect(errors, 'errors thrown in the pages').toEqual([]) };
}

/**
 * The usual scene: a trainer signed up with a session started from `agenda`, the projector at
 * 1080p in the same browser, and one Pixel 7 phone per name, joined and waiting. Page errors fail.
 */
export async function roomWithPhones(
	page: Page,
	browser: Browser,
	agenda: RegExp,
	names: string[]
) {
	await signUp(page);
	const code = await startSession(page, agenda);
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(page.url() + '/projector');
	const errors = watchErrors(page, projector);
	const phones: Page[] = [];
	for (const name of names) {
		const phone = await newPhone(browser);
		errors.add(phone);
		await phone.goto(`/j/${code}`);
		await phone.getByLabel('Your name').fill(name);
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.getByText('Waiting for the trainer')).toBeVisible();
		phones.push(phone);
	}
	return { code, projector, phones, errors };
}

/**
 * For phone-project tests, whose own page is the phone: a trainer's remote (1280×900) with a session
 * started from `agenda`, and the 1080p projector beside it in the same desktop context.
 */
export async function deskWithSession(browser: Browser, agenda: RegExp) {
	const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const remote = await desk.newPage();
	await signUp(remote);
	await startSession(remote, agenda);
	const projector = await desk.newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(remote.url() + '/projector');
	const code = (await remote.locator('.lead .code').textContent())!.replace(/\s/g, '');
	return { desk, remote, projector, code };
}
