import { devices, expect, test, type Page } from '@playwright/test';
import { makePdf } from '../helpers/make-pdf';
import { expectAccessible, signUp, watchErrors } from './helpers';
import { OwnServer } from './own-server';

/** This spec's own server (restarted mid-deck), beside the shared one. */
const ownPort = (workerIndex: number) => Number(process.env.E2E_PORT ?? 4173) + 110 + workerIndex;

const pdfFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

/** The projector's painted slide: the canvas says which page it drew. */
const painted = (projector: Page) => projector.locator('.slides canvas');
/** A following phone's slide picture, named by its page; drawn, not just present. */
async function phoneShows(phone: Page, page: number) {
	const img = phone.getByRole('img', { name: `Slide ${page} from the trainer's deck` });
	await expect(img).toBeVisible();
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1280);
}

test('a 20-page deck: attached in the editor, stepped on the projector and the remote, covered by an activity, resumed after kill -9', async ({
	browser
}, info) => {
	test.setTimeout(150_000);
	const server = new OwnServer(ownPort(info.workerIndex));
	await server.start();
	try {
		const desk = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 1280, height: 900 }
		});
		const page = await desk.newPage();
		const errors = watchErrors(page);
		await signUp(page);

		// The editor: a copy of Session A gets the deck.
		const fileCard = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: /Session A/ }) });
		await fileCard.getByRole('button', { name: 'Duplicate to edit' }).click();
		await expect(page.getByRole('heading', { name: 'Edit your agenda' })).toBeVisible();
		const attach = page.getByLabel('Attach a deck (PDF)');
		await attach.setInputFiles(pdfFile('Session A.pdf', makePdf({ pages: 20 })));
		await expect(
			page.getByRole('status').filter({ hasText: 'Attached Session A.pdf: 20 slides.' })
		).toBeVisible();
		await expect(page.getByText('Session A.pdf · 20 slides')).toBeVisible();

		// Bad files get a sentence and the deck stays.
		const replace = page.getByLabel('Replace the deck (PDF)');
		await replace.setInputFiles({
			name: 'notes.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('just some text')
		});
		await expect(page.getByRole('alert')).toHaveText(/That file is not a PDF\./);
		await replace.setInputFiles(pdfFile('locked.pdf', makePdf({ pages: 3, encrypted: true })));
		await expect(page.getByRole('alert')).toHaveText(/password-protected/);
		const whole = makePdf({ pages: 5 });
		await replace.setInputFiles(pdfFile('cut.pdf', whole.subarray(0, whole.length - 200)));
		await expect(page.getByRole('alert')).toHaveText(/damaged or incomplete/);
		await expect(page.getByText('Session A.pdf · 20 slides')).toBeVisible();

		// A block's slides are checked against the deck as they are typed.
		const slidesField = page.locator('#block-1-slides, [id$="-slides"]').first();
		await expect(slidesField).toHaveValue('1–2');
		await slidesField.fill('18-24');
		await expect(
			page.getByText('Check: slides 21–24 are past the end of the deck (20 pages).')
		).toBeVisible();
		await slidesField.fill('1–2');
		await expectAccessible(page, 'the agenda editor with a deck');

		// Start the session from the copy.
		await page.getByRole('link', { name: '← Your sessions' }).click();
		const copyCard = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: /Session A \(copy\)/ }) });
		await copyCard.getByRole('button', { name: 'Start live session' }).click();
		await expect(page).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
		const remoteUrl = page.url();
		const code = (await page.locator('.lead .code').textContent())!.replace(/\s/g, '');
		await page.setViewportSize({ width: 412, height: 915 });

		const projector = await desk.newPage();
		errors.add(projector);
		// pdf.js runs under the app's CSP (no 'unsafe-eval', worker from 'self'): any violation fails.
		const violations: string[] = [];
		for (const p of [page, projector])
			p.on('console', (m) => {
				if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
			});
		await projector.setViewportSize({ width: 1280, height: 720 });
		await projector.goto(remoteUrl + '/projector');
		await expect(projector.getByText('press Space to start')).toBeVisible();
		await projector.keyboard.press('Space');
		await expect(painted(projector)).toHaveAttribute('data-page', '1');
		// With a deck, the keys say B and W too, spaced like the rest.
		await expect(projector.locator('footer.keys')).toContainText(
			'F: full screen · B / W: black / white screen'
		);

		// A phone (390×844) joins; it shows no slide until the trainer lets phones follow.
		const phoneContext = await browser.newContext({
			...devices['Pixel 7'],
			viewport: { width: 390, height: 844 },
			baseURL: server.url
		});
		const phone = await phoneContext.newPage();
		errors.add(phone);
		await phone.goto(`/j/${code}`);
		await phone.getByLabel('Your name').fill('Priya');
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.locator('#now-title')).toBeVisible();
		await expect(phone.getByRole('figure')).toHaveCount(0);
		const follow = page.getByRole('checkbox', { name: /Phones follow the slides/ });
		await expect(follow).not.toBeChecked();
		await follow.check();
		await phoneShows(phone, 1);

		// The projector's keys: through the block, then into the next block.
		await projector.keyboard.press('ArrowRight');
		await expect(painted(projector)).toHaveAttribute('data-page', '2');
		await phoneShows(phone, 2);
		await projector.keyboard.press('PageDown');
		await expect(painted(projector)).toHaveAttribute('data-page', '3');
		await expect(page.getByText('Slide 1 of 1 in this block · 3 of 20')).toBeVisible();
		await expect(page.locator('.remote-bar .title')).toHaveText(/pyramid/);
		await projector.keyboard.press('ArrowLeft');
		await expect(painted(projector)).toHaveAttribute('data-page', '2');
		await expect(page.getByText('Slide 2 of 2 in this block · 2 of 20')).toBeVisible();

		// B blacks the screen, B again brings the slide back.
		await projector.keyboard.press('b');
		await expect(projector.locator('.blank.black')).toBeVisible();
		await expect(phone.getByRole('figure')).toHaveCount(0);
		await projector.keyboard.press('b');
		await expect(projector.locator('.blank')).toBeHidden();
		await phoneShows(phone, 2);

		// The remote: next slide into the pyramid block.
		await page.getByRole('button', { name: 'Next slide' }).click();
		await expect(painted(projector)).toHaveAttribute('data-page', '3');
		await expect(page.getByText('Slide 1 of 1 in this block · 3 of 20')).toBeVisible();
		await phoneShows(phone, 3);
		await expectAccessible(phone, 'a phone following the slides');
		await phone.screenshot({ path: 'docs/screenshots/slides-phone.png' });
		await expectAccessible(page, 'the remote with slides');
		await page.screenshot({ path: 'docs/screenshots/slides-remote.png', fullPage: true });
		await projector.screenshot({ path: 'docs/screenshots/slides-projector.png' });
		// The clock and the room code under the slide are read at a glance from the front of the
		// room, as under a video: 16 px at 720 lines (they were 12).
		const cornerPx = await projector
			.locator('.slides .corner')
			.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(cornerPx).toBeGreaterThanOrEqual(16);
		// Space pauses the clock, not the slide: the corner says so in words.
		await projector.keyboard.press('Space');
		await expect(projector.locator('.slides .corner')).toContainText('Clock paused');
		await expect(painted(projector)).toHaveAttribute('data-page', '3');
		await projector.keyboard.press('Space');
		await expect(projector.locator('.slides .corner')).not.toContainText('Clock paused');

		// An activity covers the slide; closing it gives the slide back.
		await page.getByRole('button', { name: /Launch “/ }).click();
		await expect(projector.locator('.slides')).toBeHidden();
		await expect(phone.getByRole('figure')).toHaveCount(0);
		await page.getByRole('button', { name: 'Close', exact: true }).first().click();
		await expect(painted(projector)).toHaveAttribute('data-page', '3');
		await phoneShows(phone, 3);
		await expectAccessible(projector, 'the projector showing a slide');

		// Kill -9 mid-deck: after the restart the projector is on the same slide.
		await server.crash();
		await server.start();
		await projector.reload();
		await expect(painted(projector)).toHaveAttribute('data-page', '3');
		await page.reload();
		await expect(page.getByText('Slide 1 of 1 in this block · 3 of 20')).toBeVisible();
		await expect(page.getByRole('checkbox', { name: /Phones follow the slides/ })).toBeChecked();
		await phone.reload();
		await phoneShows(phone, 3);
		// Into a block without slides: the projector shows the block and its clock again.
		await projector.keyboard.press('ArrowRight');
		await expect(projector.locator('.slides')).toBeHidden();
		await expect(projector.getByRole('heading', { name: /ten excellent practices/ })).toBeVisible();
		await expect(phone.getByRole('figure')).toHaveCount(0);
		await projector.keyboard.press('ArrowLeft');
		await expect(painted(projector)).toHaveAttribute('data-page', '3');

		// The report shows where the time went, slide by slide, with its CSV.
		await page.goto(remoteUrl + '/report');
		const times = page.getByRole('table', { name: 'Time on each slide' });
		await expect(times.getByRole('rowheader', { name: /Introductions/ })).toBeVisible();
		await expect(times.getByRole('cell', { name: 'Slide 3', exact: true })).toBeVisible();
		const csv = await page.request.get(
			(await page.getByRole('link', { name: 'Time on each slide (CSV)' }).getAttribute('href'))!
		);
		expect((await csv.text()).split('\r\n')[0]).toBe(
			'\uFEFFBlock number,Block,Slide,Time on slide (seconds)'
		);
		errors.expectNone();
		expect(violations, 'CSP violations while drawing slides').toEqual([]);
		await desk.close();
		await phoneContext.close();
	} finally {
		await server.stop();
	}
});
