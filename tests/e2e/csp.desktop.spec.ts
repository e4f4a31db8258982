/**
 * The app runs under its content security policy with no violation: every main page, on the
 * trainer's screens and a phone, with an activity running. The policy is SvelteKit's (mode auto:
 * a nonce per response on server-rendered pages; nothing is prerendered), script-src without
 * 'unsafe-inline'. style-src keeps 'unsafe-inline': Svelte writes style attributes (bars, charts,
 * the countdown's progress) and transitions insert style elements.
 */
import { devices, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { signUp, startSession } from './helpers';

declare global {
	interface Window {
		__cspViolations?: string[];
	}
}

/** Records every violation event from the first script on, in every page of the context. */
async function watchCsp(context: BrowserContext, seen: string[]): Promise<void> {
	await context.addInitScript(() => {
		window.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__cspViolations!.push(
				`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
			);
		});
	});
	const listen = (page: Page) =>
		page.on('console', (msg) => {
			if (/Content Security Policy/i.test(msg.text())) seen.push(`${page.url()}: ${msg.text()}`);
		});
	context.pages().forEach(listen);
	context.on('page', listen);
}

/** The page's own record of violations, read before it navigates away. */
async function expectNoViolations(page: Page, what: string, seen: string[]): Promise<void> {
	// A moment for late scripts and styles (hydration, transitions) to run.
	await page.waitForTimeout(300);
	const recorded = await page.evaluate(() => window.__cspViolations ?? null);
	expect(recorded, `${what}: the listener is installed`).not.toBeNull();
	expect([...recorded!, ...seen], `CSP violations on ${what}`).toEqual([]);
	const csp = await page.evaluate(async () =>
		(await fetch(location.href, { method: 'HEAD' })).headers.get('content-security-policy')
	);
	if (csp !== null) expect(csp, `${what}: script-src`).not.toMatch(/script-src[^;]*unsafe-inline/);
}

test('no CSP violations anywhere: home, join, phone with an activity, dashboard, editor, remote, projector, report, evidence packs', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const seen: string[] = [];
	const trainerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await watchCsp(trainerContext, seen);
	const page = await trainerContext.newPage();

	await page.goto('/');
	await expectNoViolations(page, 'home', seen);
	// The detector detects: an injected inline script is refused and recorded (then forgotten).
	await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true';
		document.body.append(s);
	});
	await expect.poll(() => page.evaluate(() => window.__cspViolations!.length)).toBeGreaterThan(0);
	expect(
		await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)
	).toBeUndefined();
	await page.evaluate(() => (window.__cspViolations = []));
	await expect.poll(() => seen.length).toBeGreaterThan(0);
	seen.length = 0;

	await signUp(page);
	await expectNoViolations(page, 'trainer dashboard', seen);

	// The agenda editor, on a copy.
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /Session A/ }) })
		.first();
	await card.getByRole('button', { name: 'Duplicate to edit' }).click();
	await expect(page).toHaveURL(/\/trainer\/agendas\//);
	await page.getByRole('textbox').first().fill('CSP check copy');
	await expectNoViolations(page, 'agenda editor', seen);

	await page.goto('/trainer');
	const code = await startSession(page, /Session A$/);
	await expect(page.getByRole('button', { name: 'Start the agenda' })).toBeVisible();
	await expectNoViolations(page, 'room remote', seen);

	const projector = await trainerContext.newPage();
	await projector.goto(page.url() + '/projector');
	await expect(projector.getByText(code.slice(0, 3))).toBeVisible();
	await expectNoViolations(projector, 'projector (join screen)', seen);

	// A phone, in its own context.
	const phoneContext = await browser.newContext({ ...devices['Pixel 7'] });
	await watchCsp(phoneContext, seen);
	const phone = await phoneContext.newPage();
	await phone.goto('/join');
	await expectNoViolations(phone, 'join page', seen);
	await phone.getByLabel('Room code').fill(code);
	await phone.getByLabel('Your name').fill('Ana');
	await phone.getByRole('button', { name: 'Join' }).click();
	await expect(phone.getByText('Waiting for the trainer')).toBeVisible();
	await expectNoViolations(phone, 'phone, waiting', seen);

	// The pyramid: the remote launches it, the phone adds a card, the projector shows it.
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await page.getByRole('button', { name: 'Next block →' }).click();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('pm-pyramid');
	await page.getByRole('button', { name: /Launch “/ }).click();
	await phone.getByRole('button', { name: /^Step 1:/ }).click();
	await phone.getByLabel('A practice your organisation uses at this step').fill('Annual review');
	await phone.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(phone.getByText('Annual review')).toBeVisible();
	await expectNoViolations(phone, 'phone in an activity', seen);
	await expect(page.getByText('1 of 1 in').first()).toBeVisible();
	await expectNoViolations(page, 'remote with an activity', seen);
	await expectNoViolations(projector, 'projector with an activity and a countdown', seen);
	await page.getByRole('button', { name: 'Close and show results' }).click();
	await expect(projector.locator('main')).toContainText('1 card');
	await expectNoViolations(projector, 'projector showing results', seen);

	// After the session: the report and the evidence packs.
	await page.goto(page.url() + '/report');
	await expect(page.getByRole('heading', { name: 'Evidence packs' })).toBeVisible();
	await expectNoViolations(page, 'report', seen);
	await page.getByRole('link', { name: 'Ana' }).click();
	await expect(page).toHaveURL(/\/evidence\//);
	await expectNoViolations(page, "trainer's evidence pack", seen);

	await phone.goto(`/p/${code}/pack`);
	await expect(phone.getByText('Annual review', { exact: true })).toBeVisible();
	await expectNoViolations(phone, "phone's own pack", seen);

	await trainerContext.close();
	await phoneContext.close();
});
