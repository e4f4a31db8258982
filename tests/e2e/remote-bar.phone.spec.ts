import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { io as connect, type Socket } from 'socket.io-client';
import { deskWithSession, signUp, startSession, watchErrors } from './helpers';
import { ROOM_NAMES } from './room-names';

const SCREEN = { width: 360, height: 640 };

/** Wholly on the first screen of a 360×640 phone, wherever the page is scrolled. */
async function expectOnScreen(page: Page, control: Locator, what: string) {
	await expect(control, what).toBeVisible();
	const box = (await control.boundingBox())!;
	expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(SCREEN.height);
	expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(SCREEN.width);
	if ((await control.getAttribute('role')) !== 'timer')
		expect(box.height, `${what}: a thumb-sized target`).toBeGreaterThanOrEqual(44);
}

test('the remote on a 360×640 phone: clock, start/pause, previous/next and the activity buttons on the first screen, scrolled or not', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ ...devices['Pixel 7'], viewport: SCREEN });
	const remote = await context.newPage();
	const errors = watchErrors(remote);
	await signUp(remote);
	await startSession(remote, /Session A/);
	const bar = remote.getByRole('region', { name: 'Controls' });
	const button = (name: string | RegExp) =>
		bar.getByRole('button', { name, exact: typeof name === 'string' });
	const atTopAndBottom = async (controls: [Locator, string][]) => {
		for (const where of ['top', 'bottom']) {
			await remote.evaluate(
				(w) => window.scrollTo(0, w === 'top' ? 0 : document.body.scrollHeight),
				where
			);
			for (const [control, what] of controls)
				await expectOnScreen(remote, control, `${what} (${where})`);
		}
	};

	await atTopAndBottom([[button('Start the agenda'), 'Start']]);
	await button('Start the agenda').click();
	await expect(button('Pause')).toBeVisible();
	// Block 1 has an activity of its own: launch it with the thumb.
	await atTopAndBottom([
		[bar.getByRole('timer'), 'the clock'],
		[button('Pause'), 'Pause'],
		[button('← Previous'), 'Previous'],
		[button('Next block →'), 'Next'],
		[button(/^Launch/), 'Launch']
	]);
	await button(/^Launch/).click();
	await expect(bar.getByText('0 of 0 in')).toBeVisible();
	await atTopAndBottom([
		[button('Close'), 'Close'],
		[button('Close and show results'), 'Close and show results']
	]);
	await button('Close').click();
	await atTopAndBottom([[button('Show results on the projector'), 'Show results']]);
	await button('Show results on the projector').click();
	await expect(bar.getByText('results shown')).toBeVisible();
	await remote.evaluate(() => window.scrollTo(0, 0));
	await remote.screenshot({ path: 'test-results/e2e/screens/remote-bar.png' });
	await button('Pause').click();
	await expect(button('Resume')).toBeVisible();
	errors.expectNone();
	await context.close();
});

test('moving into the break while an activity collects asks on the remote; then the projector and phones show the break', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const { remote, projector, code } = await deskWithSession(browser, /Session A/);
	const errors = watchErrors(remote, projector, page);
	await page.goto(`/j/${code}`);
	await page.getByLabel('Your name').fill('Aisha');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByText('Waiting for the trainer')).toBeVisible();

	await remote.getByRole('button', { name: 'Start the agenda' }).click();
	await remote.getByRole('button', { name: 'Go to The Bath model' }).click();
	const bar = remote.getByRole('region', { name: 'Controls' });
	await bar.getByRole('button', { name: /^Launch/ }).click();
	await expect(
		page.getByRole('heading', { name: 'The Bath chain: where do you make the difference?' })
	).toBeVisible();

	// Cancel: nothing moves, the activity keeps collecting.
	let question = '';
	remote.once('dialog', (d) => {
		question = d.message();
		void d.dismiss();
	});
	await bar.getByRole('button', { name: 'Next block →' }).click();
	await expect
		.poll(() => question)
		.toContain('is still collecting answers: close it for the break?');
	expect(question).toMatch(
		/^The Bath chain: where do you make the difference\? is still collecting answers/
	);
	await expect(bar.getByText('The Bath model')).toBeVisible();
	await expect(bar.getByText('0 of 1 in')).toBeVisible();

	// OK: the break takes every screen.
	remote.once('dialog', (d) => void d.accept());
	await bar.getByRole('button', { name: 'Next block →' }).click();
	await expect(bar.getByText('Break', { exact: true })).toBeVisible();
	await expect(projector.getByText('Back at')).toBeVisible();
	await expect(projector.getByText('0 of 1')).toBeHidden();
	await expect(page.getByText('Back at')).toBeVisible();
	await expect(page.getByText('The trainer has closed this activity')).toBeHidden();
	await expect(
		page.getByRole('heading', { name: 'The Bath chain: where do you make the difference?' })
	).toBeHidden();
	await expect(bar.getByRole('button', { name: 'Close', exact: true })).toBeHidden();
	// The projector's join line stays readable from the back on a 1280×720 projector too.
	await projector.setViewportSize({ width: 1280, height: 720 });
	const joinLine = projector.getByText('Join at');
	await expect(joinLine).toBeVisible();
	expect(
		parseFloat(await joinLine.evaluate((el) => getComputedStyle(el).fontSize))
	).toBeGreaterThanOrEqual(24);
	await page.screenshot({ path: 'test-results/e2e/screens/phone-break.png' });
	await projector.screenshot({ path: 'test-results/e2e/screens/projector-break.png' });
	errors.expectNone();
});

/** Each person's chip on the remote: words split across lines, a name cut or spilling out of its chip. */
function chipProblems(page: Page): Promise<string[]> {
	return page.locator('.roster li').evaluateAll((chips) =>
		chips.flatMap((chip) => {
			const name = chip.querySelector('.name')!;
			const text = name.firstChild!;
			const out: string[] = [];
			// A word (or a hyphenated part of one, "Montgomery-") must sit on one line.
			for (const m of (text.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
				const range = document.createRange();
				range.setStart(text, m.index);
				range.setEnd(text, m.index + m[0].length);
				const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
				if (lines.size > 1) out.push(`"${m[0]}" broken over ${lines.size} lines`);
			}
			if (name.scrollWidth > name.clientWidth + 1) out.push(`"${text.textContent}" cut`);
			const c = chip.getBoundingClientRect();
			const n = name.getBoundingClientRect();
			if (n.top < c.top || n.bottom > c.bottom || n.right > c.right)
				out.push(`"${text.textContent}" runs out of its chip`);
			return out;
		})
	);
}

/** A trainer signed up on a 320×640 phone, the narrowest the remote is made for. */
async function signedInAt320(browser: Browser) {
	const context = await browser.newContext({
		...devices['Pixel 7'],
		viewport: { width: 320, height: 640 }
	});
	const remote = await context.newPage();
	const errors = watchErrors(remote);
	await signUp(remote);
	return { context, remote, errors };
}

test('a room of 30 on the remote: no name broken inside a word on a 320 or 390 px phone or a 1280 px desk, and the list stays compact', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { context, remote, errors } = await signedInAt320(browser);
	const code = await startSession(remote, /Session A/);
	const people: Socket[] = [];
	try {
		for (const name of ROOM_NAMES) {
			const socket = connect(baseURL!, {
				transports: ['websocket'],
				extraHeaders: { origin: baseURL! }
			});
			people.push(socket);
			const res = await new Promise((resolve) => socket.emit('room:join', { code, name }, resolve));
			expect(res, name).toMatchObject({ ok: true });
		}
		await expect(remote.getByText('30 joined, 30 online')).toBeVisible();
		const desk = await (
			await browser.newContext({
				viewport: { width: 1280, height: 900 },
				storageState: await context.storageState()
			})
		).newPage();
		await desk.goto(remote.url());
		await expect(desk.getByText('30 joined, 30 online')).toBeVisible();
		for (const [page, width] of [
			[remote, 320],
			[remote, 390],
			[desk, 1280]
		] as const) {
			if (page === remote) await remote.setViewportSize({ width, height: 844 });
			const list = page.locator('.roster');
			await list.scrollIntoViewIfNeeded();
			await list.screenshot({ path: `test-results/e2e/screens/remote-people-${width}.png` });
			expect(await chipProblems(page), `the names at ${width} px`).toEqual([]);
			const remove = page.getByRole('button', { name: 'Remove Bartholomew Featherstonehaugh' });
			expect(
				(await remove.boundingBox())!.height,
				`${width} px: the ✕ target`
			).toBeGreaterThanOrEqual(44);
			if (width === 390)
				expect((await list.boundingBox())!.height, '30 people at 390 px').toBeLessThanOrEqual(850);
		}
		await desk.context().close();
	} finally {
		for (const socket of people) socket.disconnect();
	}
	errors.expectNone();
	await context.close();
});

test('the remote on a 320 px phone: the block, its title and the activity to launch in full, in readable type', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { context, remote, errors } = await signedInAt320(browser);
	await startSession(remote, /Session A/);
	const bar = remote.getByRole('region', { name: 'Controls' });
	await bar.getByRole('button', { name: 'Start the agenda' }).click();
	await remote.getByRole('button', { name: 'Go to Developing performance' }).click();
	await expect(bar.getByText('Block 7 of 8')).toBeVisible();
	await expect(bar.getByRole('button', { name: /^Launch/ })).toBeVisible();
	await remote.evaluate(() => window.scrollTo(0, 0));
	await remote.screenshot({ path: 'test-results/e2e/screens/remote-bar-320.png' });

	const label = await bar
		.getByRole('heading', { level: 2 })
		.evaluate((el) => getComputedStyle(el).fontSize);
	expect(parseFloat(label), '"NOW · Block 7 of 8"').toBeGreaterThanOrEqual(14);
	// Titles wrap rather than end in "…": no box in the bar clips part of its text.
	const cut = await bar.evaluate((el) =>
		[el, ...el.querySelectorAll('*')]
			.filter((e) => {
				const css = getComputedStyle(e);
				if (css.overflowX === 'visible' && css.overflowY === 'visible') return false;
				return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
			})
			.map((e) => (e.textContent ?? '').trim().slice(0, 50))
	);
	expect(cut, 'text cut in the bar').toEqual([]);
	// Still compact: the bar leaves most of a 640 px screen to the page.
	expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(280);
	errors.expectNone();
	await context.close();
});
