import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { io as connect, type Socket } from 'socket.io-client';
import { deskWithSession, expectNoSideScroll, signUp, startSession, watchErrors } from './helpers';
import { expectFits } from './phone-fit';
import { ROOM_NAMES } from './room-names';
import { makePdf } from '../helpers/make-pdf';

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

/**
 * Each person's chip on the remote: words split across lines, a name cut or spilling out of its chip,
 * chips of one row unequal in height; on a phone (`short`), a name wrapped though its chip would take
 * no more than half the row on one line ("Tom|Price" at 320 px).
 */
function chipProblems(page: Page, short: boolean): Promise<string[]> {
	return page.locator('.roster li').evaluateAll((chips, short) => {
		const rows = new Map<number, number[]>();
		for (const chip of chips) {
			const r = chip.getBoundingClientRect();
			const row = rows.get(Math.round(r.top)) ?? [];
			row.push(r.height);
			rows.set(Math.round(r.top), row);
		}
		const uneven = [...rows.values()]
			.filter((heights) => Math.max(...heights) - Math.min(...heights) > 1)
			.map((heights) => `a row's chips ${heights.map(Math.round).join(' / ')} px tall`);
		return chips
			.flatMap((chip) => {
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
				if (short) {
					const all = document.createRange();
					all.selectNodeContents(text);
					const lines = new Set([...all.getClientRects()].map((r) => Math.round(r.top))).size;
					// Its width on one line, and the chip's own padding, border and ✕ beside it.
					(name as HTMLElement).style.whiteSpace = 'nowrap';
					const oneLine = all.getBoundingClientRect().width;
					(name as HTMLElement).style.whiteSpace = '';
					// Half of what two chips side by side share: the row less the gap between them.
					const list = chip.parentElement!;
					const row =
						list.getBoundingClientRect().width - parseFloat(getComputedStyle(list).columnGap);
					if (lines > 1 && oneLine + (c.width - name.clientWidth) <= row / 2)
						out.push(`"${text.textContent}" wrapped though it fits on one line`);
				}
				return out;
			})
			.concat(uneven);
	}, short);
}

/** 30 people joined from sockets (real clients of the server), as `ROOM_NAMES` spells them. */
async function joinAll(baseURL: string, code: string, names = ROOM_NAMES): Promise<Socket[]> {
	const people: Socket[] = [];
	for (const name of names) {
		const socket = connect(baseURL, {
			transports: ['websocket'],
			extraHeaders: { origin: baseURL }
		});
		people.push(socket);
		const res = await new Promise((resolve) => socket.emit('room:join', { code, name }, resolve));
		expect(res, name).toMatchObject({ ok: true });
	}
	return people;
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

/** Session B's copy opened in the agenda editor, from the dashboard. */
async function editCopyOfSessionB(remote: Page) {
	await remote
		.getByRole('listitem')
		.filter({ has: remote.getByRole('heading', { name: /Session B/ }) })
		.getByRole('button', { name: 'Duplicate to edit' })
		.click();
}

/** A live session of the agenda open in the editor, on its remote. */
async function startFromEditor(remote: Page) {
	await remote.getByRole('button', { name: 'Start live session' }).first().click();
	await expect(remote).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
}

/** Session A started on the 320 px remote, and the 30 people of `ROOM_NAMES` joined. */
async function roomOf30At320(browser: Browser, baseURL: string) {
	const signedIn = await signedInAt320(browser);
	const code = await startSession(signedIn.remote, /Session A/);
	return { ...signedIn, people: await joinAll(baseURL, code) };
}

test('a room of 30 on the remote: no name broken inside a word on a 320 or 390 px phone or a 1280 px desk, no short name wrapped on a phone, chips of a row equally tall, and the list stays compact', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { context, remote, errors, people } = await roomOf30At320(browser, baseURL!);
	try {
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
			expect(await chipProblems(page, width < 1280), `the names at ${width} px`).toEqual([]);
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
	// Wrapped, "NOW" and "Block 7 of 8" each start a line: no "·" left at the end of the first
	// (on one line, there is room for one between them).
	const parts = await bar.locator('.label .parts > span').evaluateAll((spans) =>
		spans.map((span) => {
			const range = document.createRange();
			range.selectNodeContents(span);
			const r = range.getClientRects()[0]!;
			return { left: r.left, right: r.right, top: r.top };
		})
	);
	const edge = (await bar.locator('.label').boundingBox())!.x;
	const [now, where] = parts;
	if (where!.top > now!.top + 1)
		expect(where!.left, 'the second line starts at the edge, no "·" before it').toBeLessThan(
			edge + 2
		);
	else expect(where!.left - now!.right, 'room for "·" between').toBeGreaterThan(8);
	// The three transport buttons hold their labels on one line each.
	for (const name of ['← Previous', 'Pause', 'Next block →'])
		expect(await textLines(bar.getByRole('button', { name, exact: true })), name).toBe(1);
	// Titles wrap rather than end in "…": no box in the bar clips part of its text.
	const cut = await bar.evaluate((el) =>
		[el, ...el.querySelectorAll('*')]
			.filter((e) => {
				const css = getComputedStyle(e);
				if (css.overflowX === 'visible' && css.overflowY === 'visible') return false;
				// A 1 px box is screen-reader-only text (a word the narrow bar's buttons leave out).
				const box = e.getBoundingClientRect();
				if (box.width <= 1 || box.height <= 1) return false;
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

/** How many lines the visible text of an element takes (screen-reader-only text aside). */
function textLines(el: Locator): Promise<number> {
	return el.evaluate((root) => {
		const tops: number[] = [];
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const box = node.parentElement!.getBoundingClientRect();
			if (box.width <= 1 || box.height <= 1) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			for (const r of range.getClientRects()) if (r.width > 0.5) tops.push(r.top);
		}
		// Glyphs of one line (an arrow, a word) may sit a pixel or two apart.
		tops.sort((a, b) => a - b);
		return tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 8).length;
	});
}

/** Text on the remote under 14 px, as the phone draws it (screen-reader-only text aside). */
function smallText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out = new Set<string>();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement!;
			const text = node.textContent!.trim();
			if (!text || !el.checkVisibility({ visibilityProperty: true })) continue;
			const box = el.getBoundingClientRect();
			if (box.width <= 1 || box.height <= 1) continue;
			const px = parseFloat(getComputedStyle(el).fontSize);
			if (px < 14) out.add(`"${text.slice(0, 40)}" ${px.toFixed(1)} px`);
		}
		return [...out];
	});
}

/** Links, buttons, disclosures and pickers on the remote less than 44 px tall (the thumb's target). */
function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('a[href], button, summary, select')]
			.filter((el) => el.checkVisibility({ visibilityProperty: true }))
			.map((el) => [el, el.getBoundingClientRect()] as const)
			// On the page (the skip link waits off-screen until it has focus), and not screen-reader-only.
			.filter(([, r]) => r.right > 0 && r.width > 1 && r.height > 1 && r.height < 44 - 0.5)
			.map(([el, r]) => `"${(el.textContent ?? '').trim().slice(0, 40)}" ${r.height.toFixed(1)} px`)
	);
}

test('while an activity collects on a 390×844 and a 320×640 phone: a compact bar that covers no name scrolled to, text of 14 px and up, every link and button 44 px tall', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { context, remote, errors, people } = await roomOf30At320(browser, baseURL!);
	try {
		// One phone drops out: its chip says "offline".
		people[3]!.disconnect();
		await expect(remote.getByText('30 joined, 29 online')).toBeVisible();
		const bar = remote.getByRole('region', { name: 'Controls' });
		await bar.getByRole('button', { name: 'Start the agenda' }).click();
		// A block of three activities: the launch panel lists them, the one collecting tagged "running".
		await remote.getByRole('button', { name: 'Go to The Bath model' }).click();
		await bar.getByRole('button', { name: /^Launch/ }).click();
		await expect(bar.locator('.count')).toHaveText(/^0 of \d+ in$/);
		await expect(remote.locator('.options .tag')).toHaveText('running');

		for (const size of [
			{ width: 390, height: 844 },
			{ width: 320, height: 640 }
		]) {
			const at = `${size.width}×${size.height}`;
			await remote.setViewportSize(size);
			await remote.evaluate(() => window.scrollTo(0, 0));
			await remote.screenshot({
				path: `test-results/e2e/screens/remote-collecting-${size.width}.png`
			});
			expect.soft(await smallText(remote), `${at}: text under 14 px`).toEqual([]);
			expect.soft(await smallTargets(remote), `${at}: targets under 44 px`).toEqual([]);
			const skip = remote.getByRole('link', { name: 'Skip to content' });
			await skip.focus();
			expect
				.soft((await skip.boundingBox())!.height, `${at}: the skip link`)
				.toBeGreaterThanOrEqual(44);
			await skip.blur();

			// Scrolled to the people (an in-page jump, a ✕ reached with Tab, a scroll to the list): their
			// first row is below the bar stuck on top, never under it.
			const ways: [string, () => Promise<unknown>][] = [
				[
					'the list scrolled into view',
					() => remote.locator('.roster').evaluate((el) => el.scrollIntoView())
				],
				[
					'the first chip scrolled into view',
					() => remote.locator('.roster li').first().scrollIntoViewIfNeeded()
				],
				['the first ✕ focused', () => remote.locator('.roster .remove').first().focus()],
				[
					'the People heading scrolled to',
					() => remote.locator('#people-heading').evaluate((el) => el.scrollIntoView())
				]
			];
			for (const [how, scroll] of ways) {
				await remote.evaluate(() => window.scrollTo(0, 0));
				await scroll();
				await expect
					.configure({ soft: true })
					.poll(
						() =>
							remote.evaluate(() => {
								const bar = document.querySelector('.remote-bar')!.getBoundingClientRect();
								const first = document.querySelector('.roster li')!.getBoundingClientRect();
								return {
									'bar stuck on top': Math.round(bar.top) === 0,
									'first row below the bar': first.top >= bar.bottom - 0.5,
									'first row on the screen': first.bottom <= innerHeight
								};
							}),
						{ message: `${at}, ${how}`, timeout: 3000 }
					)
					.toEqual({
						'bar stuck on top': true,
						'first row below the bar': true,
						'first row on the screen': true
					});
			}
			await remote.screenshot({
				path: `test-results/e2e/screens/remote-collecting-people-${size.width}.png`
			});
			// Stuck, the bar leaves the names most of the screen, every control still in it.
			const height = (await bar.boundingBox())!.height;
			expect
				.soft(height, `${at}: the stuck bar's height`)
				.toBeLessThanOrEqual(size.height * (size.width === 390 ? 0.25 : 0.3));
			for (const name of ['Pause', '← Previous', 'Next block →', 'Close', 'Close and show results'])
				await expect(bar.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
			await expect(bar.getByRole('timer')).toBeInViewport({ ratio: 1 });
			await expect(bar.locator('.count')).toBeInViewport({ ratio: 1 });
		}
	} finally {
		for (const socket of people) socket.disconnect();
	}
	errors.expectNone();
	await context.close();
});

test('before a launch on a 320 and a 390 px phone: the setup fields and the chosen activity in full, and "Same groups as before" only once the room has had groups', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { context, remote, errors } = await signedInAt320(browser);
	const code = await startSession(remote, /Session A/);
	const people = await joinAll(baseURL!, code, ROOM_NAMES.slice(0, 3));
	try {
		await expect(remote.getByText('3 joined, 3 online')).toBeVisible();
		const pick = remote.getByLabel('Launch an activity');
		await pick.selectOption('pm-pyramid');
		const same = remote.getByLabel('Same groups as before');
		await expect(same).toBeDisabled();
		await expect(same).toHaveAccessibleDescription(
			'No groups in this session yet: new ones are made.'
		);

		for (const size of [
			{ width: 320, height: 640 },
			{ width: 390, height: 844 }
		]) {
			await remote.setViewportSize(size);
			await expectNoSideScroll(remote, `the remote at ${size.width} px`);
			// Every step label whole in its box ("Individual objectives and de…" was cut).
			const fields = remote.locator('.setup textarea');
			await expect(fields).toHaveCount(5);
			await expect(fields.nth(3)).toHaveValue('Individual objectives and development');
			const cut = await fields.evaluateAll((boxes) =>
				boxes
					.filter((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1)
					.map((b) => (b as HTMLTextAreaElement).value)
			);
			expect(cut, `${size.width} px: step labels cut`).toEqual([]);
			// The chosen activity's title wraps rather than ends at the box's edge.
			const shown = remote.locator('.picker .shown');
			await expect(shown).toHaveText(/^Map your performance-management practices/);
			const box = await shown.evaluate((el) => ({
				fits: el.scrollWidth <= el.clientWidth + 1,
				inside: el.getBoundingClientRect().right <= innerWidth
			}));
			expect(box, `${size.width} px: the chosen activity`).toEqual({ fits: true, inside: true });
		}

		await remote.getByRole('button', { name: /^Launch “Map your/ }).click();
		await expect(remote.locator('.remote-bar .count')).toHaveText('0 of 3 in');
		await pick.selectOption('pm-pyramid');
		await expect(same).toBeEnabled();
		await expect(remote.getByText('No groups in this session yet')).toBeHidden();
		// The room remembers it, not just this page.
		await remote.reload();
		await pick.selectOption('pm-pyramid');
		await expect(same).toBeEnabled();
	} finally {
		for (const socket of people) socket.disconnect();
	}
	errors.expectNone();
	await context.close();
});

test('the remote of an agenda with a deck on a 320×640 phone: the slide controls fit, nothing scrolls sideways', async ({
	browser
}) => {
	const { context, remote, errors } = await signedInAt320(browser);
	await editCopyOfSessionB(remote);
	await remote.getByLabel('Attach a deck (PDF)').setInputFiles({
		name: 'Session B.pdf',
		mimeType: 'application/pdf',
		buffer: makePdf({ pages: 44 })
	});
	await expect(
		remote.getByRole('status').filter({ hasText: 'Attached Session B.pdf: 44 slides.' })
	).toBeVisible();
	await startFromEditor(remote);
	const bar = remote.getByRole('region', { name: 'Controls' });
	await bar.getByRole('button', { name: 'Start the agenda' }).click();
	await expect(remote.getByText('Slide 1 of 5 in this block · 16 of 44')).toBeVisible();
	// "← Previous slide" and "Next slide →" side by side were wider than a 320 px phone's card:
	// the whole page, sticky bar included, scrolled sideways and its right edge was cut off.
	await expectNoSideScroll(remote, 'the remote with slides');
	for (const control of [
		bar,
		remote.getByRole('button', { name: 'Previous slide' }),
		remote.getByRole('button', { name: 'Next slide' })
	]) {
		const box = (await control.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(320);
	}
	errors.expectNone();
	await context.close();
});

test('a step renamed before a launch with one long word wraps in its box on a 320 px phone, and text past its limit is said to be cut', async ({
	browser
}) => {
	const { context, remote, errors } = await signedInAt320(browser);
	await startSession(remote, /Session A/);
	await remote.getByLabel('Launch an activity').selectOption('pm-pyramid');
	const field = remote.locator('.setup textarea').first();
	// The field's limit, in one word (a pasted link, a compound name): the box grew to the word's
	// width and the whole remote, its sticky bar too, scrolled sideways.
	const word = 'Organisationwideperformancedirectionandstrategies'.slice(0, 48);
	await expect(remote.getByText(/That is the most this takes/)).toHaveCount(0);
	// Pasted longer than the limit: the field keeps 48 characters and says so, not silently.
	await field.fill(`${word}andmore`);
	await expect(field).toHaveValue(word);
	await expect(field).toHaveAccessibleDescription(
		'That is the most this takes (48 characters): anything longer was not kept.'
	);
	await expectNoSideScroll(remote, 'the remote with a long step label');
	const fits = await field.evaluate(
		(box) =>
			box.scrollWidth <= box.clientWidth + 1 && box.getBoundingClientRect().right <= innerWidth
	);
	expect(fits, 'the long step label inside its box and the screen').toBe(true);
	errors.expectNone();
	await context.close();
});

test('a block whose phone task holds a long link: the remote on a 320 px phone wraps it, nothing scrolls sideways', async ({
	browser
}) => {
	const { context, remote, errors } = await signedInAt320(browser);
	await editCopyOfSessionB(remote);
	const first = remote.getByRole('group', { name: /^Block 1 / });
	// A link trainers paste into a task (a form, a shared document): one "word" wider than the phone.
	const link = 'https://forms.example.org/r/appraisal-pros-and-cons-2026-cohort-b-room-4';
	await first.getByLabel('What participants do').fill(`Add your reasons at ${link}`);
	await remote.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(remote.getByText('Saved', { exact: true })).toBeVisible();
	await startFromEditor(remote);
	await expect(remote.getByText(link)).toBeVisible();
	// The private notes card sized the remote's one column to the link: 600 px and more.
	await expectNoSideScroll(remote, 'the remote with a long link in the task');
	errors.expectNone();
	await context.close();
});

test('the conversation cards on a 320 px remote: each group’s card in full under its name and Swap, and the block’s activities list within the screen', async ({
	browser,
	baseURL
}) => {
	const { context, remote, errors } = await signedInAt320(browser);
	const code = await startSession(remote, /Session B/);
	const people = await joinAll(baseURL!, code, ROOM_NAMES.slice(0, 4));
	await remote.getByRole('button', { name: 'Start the agenda' }).click();
	await remote.getByRole('button', { name: 'Go to Difficult conversations' }).click();
	await expect(remote.getByLabel('Launch an activity')).toHaveValue('difficult-conversations');
	await remote.getByLabel('Groups of').fill('2');
	await remote.getByRole('button', { name: /Launch “/ }).click();
	await remote.getByRole('button', { name: 'Deal cards' }).click();
	// The answer to the tap, with its space ("✓Done" lost it at the start of its `{#if}` branch).
	await expect(remote.locator('.cc-remote .status')).toHaveText('✓ Done');
	const rows = remote.locator('.cc-remote .groups > li');
	await expect(rows).toHaveCount(2);
	for (const row of await rows.all()) {
		const dealt = row.locator('.dealt');
		await expect(dealt).not.toHaveText(/^No card/);
		// Beside the name and Swap it had a column two letters wide, every word cut to "S…".
		const fits = await dealt.evaluate((el) => ({
			whole: el.scrollWidth <= el.clientWidth,
			width: el.getBoundingClientRect().width
		}));
		expect(fits.whole, 'the card title is not cut').toBe(true);
		expect(fits.width, 'the card title has the row’s width').toBeGreaterThan(200);
	}
	// "Difficult conversations: plan it, then practise it" with "running" beside it was 8 px too wide.
	await expect(remote.getByRole('group', { name: 'This block’s activities' })).toContainText(
		'running'
	);
	await expectNoSideScroll(remote, 'the remote with the conversation cards');
	errors.expectNone();
	for (const p of people) p.disconnect();
	await context.close();
});

test('the open question’s answers on a 320, 360 and 390 px remote: each answer’s text the card’s width, Hide and Spotlight below it and 44 px tall, no list in a box of its own', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const { context, remote, errors } = await signedInAt320(browser);
	const code = await startSession(remote, /Session A/);
	const people = await joinAll(baseURL!, code, ROOM_NAMES.slice(0, 3));
	try {
		const bar = remote.getByRole('region', { name: 'Controls' });
		await bar.getByRole('button', { name: 'Start the agenda' }).click();
		// Block 1's open question: each socket learns the run from the launch it is sent.
		const runs = people.map(
			(p) => new Promise<string>((resolve) => p.once('activity:phone', (a) => resolve(a.runId)))
		);
		await bar.getByRole('button', { name: /^Launch/ }).click();
		const runId = (await Promise.all(runs))[0]!;
		const answers = [
			'Appraisals and one-to-ones with my team of six',
			'Probation reviews',
			'Settingobjectivesforeveryoneinthewarehouseteamandtheofficeteam'
		];
		for (const [i, text] of answers.entries()) {
			const res = await new Promise((resolve) =>
				people[i]!.emit(
					'activity:submit',
					{ runId, inputId: `oq-${i}`, input: { kind: 'add', column: 0, text } },
					resolve
				)
			);
			expect(res, text).toMatchObject({ ok: true });
		}
		const list = remote.getByRole('region', { name: 'Open question controls' });
		const rows = list.getByRole('listitem');
		await expect(rows).toHaveCount(3);
		// One hidden: its "Hidden from the projector" was a strip one letter wide.
		await rows
			.filter({ hasText: 'Probation reviews' })
			.getByRole('button', { name: 'Hide' })
			.click();
		await expect(list.getByText('Hidden from the projector')).toBeVisible();

		for (const width of [320, 360, 390]) {
			await remote.setViewportSize({ width, height: 740 });
			await expectNoSideScroll(remote, `the remote's answers at ${width} px`);
			const problems = await rows.evaluateAll((items) =>
				items.flatMap((li) => {
					const out: string[] = [];
					const card = li.getBoundingClientRect();
					const inner = li.clientWidth;
					const text = li.querySelector('.text')!;
					const t = text.getBoundingClientRect();
					const name = (text.textContent ?? '').trim().slice(0, 30);
					if (t.width < inner * 0.8)
						out.push(`"${name}" ${Math.round(t.width)}px wide in a ${inner}px card`);
					for (const b of li.querySelectorAll('button')) {
						const r = b.getBoundingClientRect();
						if (r.top < t.bottom - 0.5) out.push(`"${b.textContent}" beside "${name}"`);
						if (r.height < 44) out.push(`"${b.textContent}" ${Math.round(r.height)}px tall`);
						if (r.left < card.left || r.right > card.right + 0.5)
							out.push(`"${b.textContent}" out of its card`);
					}
					// The page scrolls; a list that scrolls inside it cuts answers off on a phone.
					const ul = li.parentElement!;
					if (ul.scrollHeight > ul.clientHeight + 1) out.push('the list scrolls in a box');
					return out;
				})
			);
			expect.soft(problems, `${width} px`).toEqual([]);
			await list.screenshot({ path: `test-results/e2e/screens/remote-oq-answers-${width}.png` });
		}
	} finally {
		for (const socket of people) socket.disconnect();
	}
	errors.expectNone();
	await context.close();
});

test('after the last block on a 360 px remote: "Agenda finished" offers ← Previous, which takes the room back into the last block', async ({
	browser
}) => {
	const context = await browser.newContext({ ...devices['Pixel 7'], viewport: SCREEN });
	const remote = await context.newPage();
	const errors = watchErrors(remote);
	await signUp(remote);
	await startSession(remote, /Session A/);
	const bar = remote.getByRole('region', { name: 'Controls' });
	await bar.getByRole('button', { name: 'Start the agenda' }).click();
	await remote.getByRole('button', { name: 'Go to Review and close' }).click();
	await expect(bar.getByText('Block 8 of 8')).toBeVisible();
	remote.on('dialog', (d) => void d.accept());
	await bar.getByRole('button', { name: 'Next block →' }).click();
	await expect(bar.getByRole('heading', { name: 'Agenda finished' })).toBeVisible();
	// The trainer could not get back to the last block's results from the remote, only from the
	// projector's keyboard.
	const back = bar.getByRole('button', { name: '← Previous', exact: true });
	await expectOnScreen(remote, back, 'Previous after the end');
	await remote.screenshot({ path: 'test-results/e2e/screens/remote-finished.png' });
	await back.click();
	await expect(bar.getByText('Block 8 of 8')).toBeVisible();
	await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible();
	// Scrolled to the top, the bar is no longer stuck and shows the block's title again.
	await remote.evaluate(() => window.scrollTo(0, 0));
	await expect(bar.getByText('Review and close')).toBeVisible();
	errors.expectNone();
	await context.close();
});

test('an agenda of one block whose titles are one long word: on a 320 px phone the sessions list and the remote wrap them, and the card says "1 block"', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { context, remote, errors } = await signedInAt320(browser);
	await editCopyOfSessionB(remote);
	// A pasted word longer than any screen is wide: a compound name, a file name, a test string.
	const title = `Appraisal ${'Verylongwordwithoutanyspaces'.repeat(3)}`;
	const blockTitle = `Intro ${'Performancemanagementworkshop'.repeat(3)}`;
	await remote.getByLabel('Agenda title').fill(title);
	const blocks = remote.getByRole('group', { name: /^Block \d+ / });
	while ((await blocks.count()) > 1) {
		const n = await blocks.count();
		await blocks.last().getByRole('button', { name: 'Delete' }).click();
		await expect(blocks).toHaveCount(n - 1);
	}
	await blocks.first().getByLabel('Title', { exact: true }).fill(blockTitle);
	await remote.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(remote.getByText('Saved', { exact: true })).toBeVisible();

	await remote.getByRole('link', { name: '← Your sessions' }).click();
	const card = remote
		.getByRole('listitem')
		.filter({ has: remote.getByRole('heading', { name: title }) });
	// "1 blocks" was said of an agenda of one block.
	await expect.soft(card.getByText(/^1 block · /)).toBeVisible();
	await expectFits(remote, 'the sessions list with a long title');
	// On a desk the title stuck out of its card, past the card's right edge.
	await remote.setViewportSize({ width: 1280, height: 800 });
	const inside = async () => {
		const c = (await card.boundingBox())!;
		const h = (await card.getByRole('heading', { name: title }).evaluate((el) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			return range.getBoundingClientRect().right;
		}))!;
		return h <= c.x + c.width;
	};
	expect.soft(await inside(), 'the long title inside its card at 1280 px').toBe(true);
	await remote.setViewportSize({ width: 320, height: 640 });

	await card.getByRole('button', { name: 'Start live session' }).click();
	await expect(remote).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
	await remote.getByRole('button', { name: 'Start the agenda' }).click();
	await expect(remote.getByText('Block 1 of 1')).toBeVisible();
	await remote.screenshot({ path: 'test-results/e2e/screens/remote-long-titles-320.png' });
	await expectFits(remote, 'the remote with a long agenda and block title');
	errors.expectNone();
	await context.close();
});
