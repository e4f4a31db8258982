import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { completeAmo } from './activity-helpers';
import { expectAccessible, expectNoSideScroll, roomWithPhones, signUp } from './helpers';
import { pdfToPngs } from './pdf';

const SCREENS = 'test-results/e2e/screens';
const shot = (page: Page, name: string, fullPage = false) =>
	page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage });

/** Waits until every projector view on the page has loaded its component. */
async function chartsLoaded(page: Page) {
	await expect(page.locator('figure.slide').first()).toBeVisible();
	await expect(page.locator('figure.slide').getByText('Loading…')).toHaveCount(0);
}

test('a finished Session A run: report, downloads, printed PDFs and evidence packs', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	const names = ['Zoë', 'Łukasz', 'Chen', 'Dana'];
	const { phones, errors } = await roomWithPhones(page, browser, /Session A/, names);
	page.on('dialog', (d) => void d.accept());

	// The pyramid in two groups of two: everyone adds one card.
	await page.getByRole('button', { name: 'Start the agenda' }).click();
	await page.getByRole('button', { name: 'Next block →' }).click();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('pm-pyramid');
	await page.getByLabel('Groups of').fill('2');
	await page.getByRole('button', { name: /Launch “/ }).click();
	for (const [i, phone] of phones.entries()) {
		await phone.getByRole('button', { name: /^Step 1:/ }).click();
		await phone
			.getByLabel('A practice your organisation uses at this step')
			.fill(`Card from ${names[i]}`);
		await phone.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(phone.getByText(`Card from ${names[i]}`)).toBeVisible();
	}
	await expect(page.getByText('4 of 4 in')).toBeVisible();
	const groupOf = async (phone: Page) =>
		(await phone.locator('.group strong').textContent())!.replace(':', '');
	const groups = await Promise.all(phones.map(groupOf));
	await page.getByRole('button', { name: 'Close and show results' }).click();

	// AMO, two blocks on.
	await page.getByRole('button', { name: 'Next block →' }).click();
	await page.getByRole('button', { name: 'Next block →' }).click();
	await expect(page.getByLabel('Launch an activity')).toHaveValue('bath-chain');
	await page.getByLabel('Launch an activity').selectOption('amo-assessment');
	await page.getByRole('button', { name: /Launch “/ }).click();
	await Promise.all(phones.map((phone, p) => completeAmo(phone, (i) => ((i + p) % 5) + 1)));
	await expect(page.getByText('4 of 4 in')).toBeVisible();
	await page.getByRole('button', { name: 'Close and show results' }).click();

	// Through the rest of the agenda (blocks 5 to 8) to its end, then close the session.
	for (let block = 5; block <= 8; block++) {
		await page.getByRole('button', { name: 'Next block →' }).click();
		await expect(
			page.getByRole('img', { name: `Agenda progress: Block ${block} of 8` })
		).toBeVisible();
	}
	await page.getByRole('button', { name: 'Next block →' }).click();
	await expect(page.getByRole('heading', { name: 'Agenda finished' })).toBeVisible();
	await page.getByRole('button', { name: 'Close the session' }).click();
	await expect(page.getByText('This session is closed.')).toBeVisible();

	// The report.
	await page.getByRole('link', { name: 'Report and downloads' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Session A/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Timing: planned and actual' })).toBeVisible();
	// On a 390 px phone the timing is one small card per block, every value named, not a table
	// scrolled sideways inside its box; still a table to a screen reader.
	const desk = page.viewportSize()!;
	await page.setViewportSize({ width: 390, height: 844 });
	const timing = page.getByRole('table').first();
	await expect(timing.getByRole('rowheader').first()).toHaveText('Introductions');
	// Each value says its column's name, to the eye and to a screen reader.
	await expect(timing.getByRole('cell', { name: /^Planned: \d\d:\d\d, 20 min$/ })).toHaveCount(3);
	await expect(timing.getByRole('cell', { name: /^Difference: / }).first()).toBeVisible();
	expect(
		await timing.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth),
		'the timing table inside its box at 390 px'
	).toBe(true);
	await expectNoSideScroll(page, 'the report at 390 px');
	await page.screenshot({ path: `${SCREENS}/report-timing-390.png` });
	await page.setViewportSize(desk);
	const runs = page.locator('article.run');
	await expect(runs).toHaveCount(2);
	await expect(
		runs.nth(0).getByRole('heading', { name: '1. Map your performance-management practices' })
	).toBeVisible();
	await expect(runs.nth(1).getByRole('heading', { name: /^2\. AMO/ })).toBeVisible();
	await expect(runs.nth(0).locator('.meta')).toContainText(/\d+ taking part · \d+ groups/);
	// The 24-hour clock of the timing table and every other screen, whatever the browser's locale.
	await expect(runs.nth(0).locator('.meta')).toContainText(/launched [0-2]\d:[0-5]\d ·/);
	await expect(runs.nth(0).locator('.meta')).not.toContainText(/\d [AP]M/);
	// The pyramid for the whole room, then group by group.
	await expect(runs.nth(0).locator('figure.slide')).toHaveCount(3);
	await chartsLoaded(page);
	await expect(runs.nth(0).getByText('Card from Zoë').first()).toBeVisible();
	await expect(runs.nth(0).getByText('1.2').first()).toBeVisible();
	await expectAccessible(page, 'session report');
	await shot(page, 'report-desktop', true);
	// On a 390 px phone the pyramids read as on paper: every card shows and every step is whole (a
	// 16:9 frame a few pixels tall per line, with the projector's 24 px flags, showed the lower steps
	// as "+N more" only).
	await page.setViewportSize({ width: 390, height: 844 });
	const pyramids = runs.nth(0).locator('figure.slide');
	await expect
		.poll(() =>
			pyramids.evaluateAll((figs) =>
				figs.map((fig) => {
					const frame = fig.querySelector<HTMLElement>('.frame')!;
					const held = [...fig.querySelectorAll<HTMLElement>('.pyramid [data-more]')].filter((m) =>
						m.checkVisibility()
					).length;
					return { held, cut: frame.scrollHeight > frame.clientHeight + 1 };
				})
			)
		)
		.toEqual(Array.from({ length: 3 }, () => ({ held: 0, cut: false })));
	await expect(pyramids.first().getByText('Card from Zoë')).toBeVisible();
	expect(
		await pyramids
			.first()
			.locator('.legend')
			.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
		"the legend at the page's type, not the projector's 24 px"
	).toBeLessThan(20);
	await expectNoSideScroll(page, 'the report with its pyramids at 390 px');
	await page.screenshot({ path: `${SCREENS}/report-390.png`, fullPage: true });
	await page.setViewportSize(desk);

	// The workbook: a sheet per activity with the cards as the phones sent them.
	const [xlsx] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Workbook (XLSX)' }).click()
	]);
	expect(xlsx.suggestedFilename()).toMatch(
		/^understanding-performance-management-session-a-\d{4}-\d{2}-\d{2}\.xlsx$/
	);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(new Uint8Array(readFileSync(await xlsx.path())).buffer);
	expect(wb.worksheets.map((s) => s.name)).toEqual(
		expect.arrayContaining(['Summary', 'Timing', 'Activities', 'Participants', 'Input log'])
	);
	// The first activity's sheet follows Summary, Timing and Activities.
	const pyramidSheet = wb.worksheets[3]!;
	const cells: string[] = [];
	pyramidSheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
	for (const name of names) expect(cells).toContain(`Card from ${name}`);

	// "Save as PDF": real pages, with ink on them.
	const reportPdf = await page.pdf({ format: 'A4', printBackground: true });
	const reportPages = await pdfToPngs(browser, reportPdf);
	expect(reportPages.length).toBeGreaterThanOrEqual(2);
	reportPages.forEach((p, i) => writeFileSync(`${SCREENS}/report-pdf-page-${i + 1}.png`, p.png));
	// Every page carries something (a blank page means a print stylesheet went wrong); the first is full.
	expect(reportPages[0]!.ink).toBeGreaterThan(0.01);
	for (const [i, p] of reportPages.entries())
		expect(p.ink, `report page ${i + 1} has content`).toBeGreaterThan(0.0005);

	// On paper the pyramids are laid out as on the A4 page (its printable width: 210 mm less the
	// 12 mm margins, in CSS px), in print media: every step shows whole (in no box that clips, such as
	// the slide's 16:9 frame, with none of its cards held back, nothing past the page's right edge),
	// is never split by a page break and fits on a page, and its flags are in paper-sized type (at
	// most 9 pt), not the projector's 24 px floor.
	await page.emulateMedia({ media: 'print' });
	const mm = 96 / 25.4;
	await page.setViewportSize({ width: Math.floor(186 * mm), height: Math.floor(269 * mm) });
	await expect(async () => {
		const steps = await runs
			.nth(0)
			.locator('.pyramid > li')
			.evaluateAll((lis) =>
				lis.map((li) => {
					const box = li.getBoundingClientRect();
					// Every box between the step and its slide that would cut it, were the step (or
					// the steps above it) taller than the box: on paper none may clip (in a real print
					// the projector's shrink-to-fit does not run again at the page's width).
					const clippers: string[] = [];
					for (let el = li.parentElement; el && !el.matches('figure'); el = el.parentElement) {
						const style = getComputedStyle(el);
						if (style.overflowX !== 'visible' || style.overflowY !== 'visible')
							clippers.push(el.classList[0] ?? el.tagName);
					}
					return {
						step: li.querySelector('h4')!.textContent!.trim(),
						clippers,
						pastRightEdge: box.right > document.documentElement.clientWidth + 1,
						height: Math.round(box.height),
						breakInside: getComputedStyle(li).breakInside,
						// Cards the projector's shrink-to-fit held back ("+2 more"): paper has room for all.
						heldBack: [...li.querySelectorAll('.chips > li:not(.more)')].filter(
							(c) => getComputedStyle(c).display === 'none'
						).length,
						flagPx: [...li.querySelectorAll('.flag')].map((f) =>
							parseFloat(getComputedStyle(f).fontSize)
						)
					};
				})
			);
		expect(steps).toHaveLength(15);
		const problems = steps.flatMap((s) => [
			...s.clippers.map((c) => `${s.step}: inside a box that clips (${c})`),
			...(s.pastRightEdge ? [`${s.step}: past the page's right edge`] : []),
			...(s.height > 269 * mm ? [`${s.step}: taller than a page`] : []),
			...(s.breakInside === 'avoid' ? [] : [`${s.step}: a page break may cut it`]),
			...(s.heldBack ? [`${s.step}: ${s.heldBack} cards held back`] : []),
			...s.flagPx.filter((px) => px > 12).map((px) => `${s.step}: a flag in ${px} px type`)
		]);
		expect(problems).toEqual([]);
	}).toPass({ timeout: 10_000 });
	await runs
		.nth(0)
		.locator('figure.slide')
		.first()
		.screenshot({ path: `${SCREENS}/report-print-pyramid.png` });
	await page.emulateMedia({ media: null });
	await page.setViewportSize({ width: 1280, height: 720 });

	// A learner's evidence pack, printed.
	await page.getByRole('link', { name: 'Zoë' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zoë' })).toBeVisible();
	await expect(page.getByText('Card from Zoë').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Criteria covered' })).toBeVisible();
	// All eleven criteria are listed; the ones the pyramid and AMO did not evidence are named as gaps.
	await expect(page.locator('.coverage tbody th[scope="row"]')).toHaveCount(11);
	const gaps = page.locator('.not-covered');
	await expect(gaps).toContainText('Not covered today:');
	for (const id of ['2.1', '2.2', '2.3', '3.1', '3.2', '4.1'])
		await expect(gaps).toContainText(`${id} `);
	for (const id of ['1.1', '1.2', '2.4', '4.2', '4.3'])
		await expect(gaps).not.toContainText(`${id} `);
	await expectAccessible(page, 'evidence pack');
	// Printed at A4 width, no answer is squeezed into a sliver beside a long statement.
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 794, height: 1123 });
	const answerWidths = await page
		.locator('.pack dd')
		.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
	expect(Math.min(...answerWidths)).toBeGreaterThan(150);
	const packPages = await pdfToPngs(
		browser,
		await page.pdf({ format: 'A4', printBackground: true })
	);
	expect(packPages.length).toBeGreaterThanOrEqual(1);
	packPages.forEach((p, i) => writeFileSync(`${SCREENS}/pack-pdf-page-${i + 1}.png`, p.png));
	expect(packPages[0]!.ink).toBeGreaterThan(0.01);
	for (const [i, p] of packPages.entries())
		expect(p.ink, `pack page ${i + 1} has content`).toBeGreaterThan(0.0005);

	// Each phone gets its own pack at the end, with its own group's cards and not the other group's.
	const zoe = phones[0]!;
	await expect(zoe.getByRole('heading', { name: 'Session closed' })).toBeVisible();
	await zoe.getByRole('link', { name: 'Get my evidence pack' }).click();
	await expect(zoe.getByRole('heading', { level: 1, name: 'Zoë' })).toBeVisible();
	for (const [i, name] of names.entries()) {
		const card = zoe.getByText(`Card from ${name}`);
		if (groups[i] === groups[0]) await expect(card.first()).toBeVisible();
		else await expect(card).toHaveCount(0);
	}
	await expectAccessible(zoe, 'phone evidence pack');
	await zoe.screenshot({ path: `${SCREENS}/pack-phone.png`, fullPage: true });
	errors.expectNone();
});

test('only the session’s trainers can see its report and downloads; a phone only its own pack', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const { phones } = await roomWithPhones(page, browser, /Session B/, ['Ana']);
	const report = page.url() + '/report';
	await page.goto(report);
	await expect(page.getByRole('heading', { name: 'Downloads' })).toBeVisible();
	// On paper the report ends with its content: the screen's space below it would spill onto a
	// blank last sheet whenever the content ends near a page's foot.
	await page.emulateMedia({ media: 'print' });
	expect(await page.locator('main').evaluate((m) => getComputedStyle(m).paddingBottom)).toBe('0px');
	// The follow-up section prints (nobody opted in yet), its settings link, a screen control, not.
	await expect(page.getByText('No learner has opted in to the follow-up yet.')).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Follow-up settings and all sessions of this agenda' })
	).toBeHidden();
	await page.emulateMedia({ media: null });
	const personLink = page.getByRole('link', { name: 'Ana' });
	const packUrl = new URL((await personLink.getAttribute('href'))!, page.url()).href;
	const xlsxUrl = new URL(
		(await page.getByRole('link', { name: 'Workbook (XLSX)' }).getAttribute('href'))!,
		page.url()
	).href;
	expect((await page.request.get(xlsxUrl)).status()).toBe(200);

	// Another trainer: the same "not found" as for a session that does not exist.
	const other = await browser.newContext();
	const stranger = await other.newPage();
	await signUp(stranger, 'Other Trainer');
	for (const url of [
		report,
		packUrl,
		xlsxUrl,
		xlsxUrl.replace('session.xlsx', 'session.json'),
		xlsxUrl.replace('session.xlsx', 'inputs.csv')
	]) {
		expect((await stranger.request.get(url)).status(), url).toBe(404);
	}
	await other.close();

	// No sign-in at all (a participant's phone): sent to the trainer sign-in, nothing served.
	for (const url of [report, packUrl, xlsxUrl]) {
		const res = await request.get(url, { maxRedirects: 0 });
		expect(res.status(), url).toBe(303);
		expect(res.headers().location).toMatch(/^\/login/);
	}
	// The phone's own token opens its own pack; any other token opens nothing.
	const token = await phones[0]!.evaluate(
		() => Object.entries(localStorage).find(([k]) => k.startsWith('wc.seat.'))![1]
	);
	const own = await request.post('/api/pack', { data: { seatToken: JSON.parse(token).token } });
	expect(own.status()).toBe(200);
	expect((await own.json()).participant.name).toBe('Ana');
	const forged = await request.post('/api/pack', { data: { seatToken: 'a'.repeat(32) } });
	expect(forged.status()).toBe(404);
	expect((await forged.json()).message).toMatch(/No evidence pack/);
});

test('the owner deletes a closed session’s participant data; the report and downloads then say so', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const { phones } = await roomWithPhones(page, browser, /Session B/, ['Łukasz']);
	page.on('dialog', (d) => void d.accept());
	await page.getByLabel('Launch an activity').selectOption('quick-poll-example');
	await page.getByRole('button', { name: /Launch “/ }).click();
	await phones[0]!.getByRole('radio', { name: 'Once a year', exact: true }).check();
	await expect(page.getByText('1 of 1 in')).toBeVisible();
	const room = page.url();

	// Live: the report is there, deleting is not offered yet.
	await page.goto(room + '/report');
	await expect(page.getByText('This session is still running')).toBeVisible();
	await expect(
		page.getByText('Close the session before deleting its participant data.')
	).toBeVisible();
	await page.goto(room);
	await page.getByRole('button', { name: 'Close the session' }).click();
	await expect(page.getByText('This session is closed.')).toBeVisible();

	await page.goto(room + '/report');
	const form = page.locator('form[action="?/deleteData"]');
	await expect(form.getByText('the names of 1 participant')).toBeVisible();
	await expect(form.getByText('1 answer they sent in 1 activity')).toBeVisible();
	const button = form.getByRole('button', { name: 'Delete participant data' });
	await expect(button).toBeDisabled();
	await form.getByLabel(/delete this session's participant data/).check();
	await page.screenshot({ path: `${SCREENS}/report-delete-confirm.png`, fullPage: true });
	await button.click();
	await expect(page.getByText(/Participant data was deleted on .* by Jo Trainer/)).toBeVisible();
	await expect(
		page.getByText('Results are not available: the participant data was deleted.')
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Evidence packs' })).toHaveCount(0);

	const csvHref = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
	const csv = await (await page.request.get(new URL(csvHref!, page.url()).href)).text();
	expect(csv).toContain('Participant data for this session was deleted');
	expect(csv).not.toContain('Łukasz');
	const json = await (await page.request.get(room + '/export/session.json')).json();
	expect(json.dataDeleted.by).toBe('Jo Trainer');
	expect(JSON.stringify(json)).not.toContain('Łukasz');

	// The phone's pack went with the data, and it is told so.
	await phones[0]!.goto(phones[0]!.url() + '/pack');
	await expect(phones[0]!.getByRole('alert')).toContainText(
		'No evidence pack was found for this phone'
	);
});
