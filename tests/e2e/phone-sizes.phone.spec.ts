import { expect, test, type Locator, type Page } from '@playwright/test';
import { completeAmo } from './activity-helpers';
import { deskWithSession, watchErrors } from './helpers';
import {
	brokenWords,
	chartText,
	expectAnswerRows,
	expectFits,
	sizedPhone,
	smallestText,
	stickyBottomPaint,
	SIZES
} from './phone-fit';

/** First screens to look at after a run: test-results/e2e/screens/sizes/. */
const shot = (page: Page, name: string) =>
	page.screenshot({ path: `test-results/e2e/screens/sizes/${name}.png` });

/**
 * The rows of answer buttons: the shared rating kit's points, the rating checklist's levels and a
 * pyramid card's tags (three even buttons a row, or one a row, never a ragged mix).
 */
const ANSWER_ROWS =
	'fieldset.item .scale, .rc-phone .seg, .oq-phone .seg, .cards .tags, .pairs .choices';

/** How many words each line of an element's text holds, top line first. */
function wordsPerLine(el: Locator): Promise<number[]> {
	return el.evaluate((root) => {
		const lines = new Map<number, number>();
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode())
			for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
				const range = document.createRange();
				range.setStart(node, m.index);
				range.setEnd(node, m.index + m[0].length);
				const top = Math.round(range.getBoundingClientRect().top);
				lines.set(top, (lines.get(top) ?? 0) + 1);
			}
		return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
	});
}

/** What a person does in each activity to reach its next screen (run on every phone). */
const steps: Record<string, ((phone: Page) => Promise<void>)[]> = {
	'intro-responsibilities': [
		async (phone) => {
			await phone
				.getByLabel('Your answer')
				.fill('Supercalifragilisticexpialidociousperformancereviews and 1:1s');
			await phone.getByRole('button', { name: 'Add', exact: true }).click();
			await expect(phone.getByText('Supercalifragilistic', { exact: false }).first()).toBeVisible();
		}
	],
	'pm-pyramid': [
		async (phone) => {
			await phone.getByRole('button', { name: /^Step 1:/ }).click();
			const box = phone.getByLabel('A practice your organisation uses at this step');
			// The example is a line of text under the label, not a placeholder the box cuts short.
			await expect(box).toHaveAccessibleDescription(/^e\.g\. Team plan with KPIs/);
			await expect(box).not.toHaveAttribute('placeholder');
			await box.fill('Strategy document');
			await phone.getByRole('button', { name: 'Add', exact: true }).click();
			await expect(phone.getByText('Strategy document').first()).toBeVisible();
		},
		async (phone) => {
			// A tag is saved through the sticky status: its "✓ Saved" shows, then stops covering the card.
			await phone.getByRole('button', { name: 'Works well', exact: true }).first().click();
			await expect(phone.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
		},
		async (phone) => {
			await phone.getByRole('button', { name: /All steps/ }).click();
			await expect(phone.getByRole('heading', { name: 'Pick a step' })).toBeVisible();
		},
		async (phone) => {
			// The links' three choices ("no real connection", "sometimes, loosely") keep their words whole.
			await phone.getByRole('button', { name: /Links between steps/ }).click();
			await phone.getByRole('button', { name: /Weak/ }).first().click();
			await expect(phone.getByRole('button', { name: /Weak/ }).first()).toHaveAttribute(
				'aria-pressed',
				'true'
			);
		}
	],
	'amo-assessment': [
		async (phone) => {
			await phone.getByRole('button', { name: 'Next' }).click();
			await expect(phone.locator('fieldset.item').first()).toBeVisible();
		},
		async (phone) => {
			await completeAmo(phone, (i) => (i % 5) + 1, true);
			await expect(phone.getByRole('heading', { name: /profile/i }).first()).toBeVisible();
		}
	],
	'goal-setting': [
		async (phone) => {
			await phone.getByRole('radio').first().check();
			await phone.getByRole('button', { name: 'Next: goal type' }).click();
			await expect(phone.getByRole('heading', { name: 'Which kind of goal fits?' })).toBeVisible();
		},
		async (phone) => {
			await phone.getByRole('radio').first().check();
			await phone.getByRole('button', { name: 'Next: write it' }).click();
			await expect(phone.getByRole('heading', { name: 'Write the goal' })).toBeVisible();
			await phone
				.getByLabel('The goal, as you would agree it with them')
				.fill(
					'Cut rework on reports by 20% by the end of June so the team meets its service target'
				);
		}
	]
};

test("every phone view fits a 320 px phone and 200 % text at 360 px: no sideways scrolling, nothing cut, no answer's word broken", async ({
	browser
}) => {
	test.setTimeout(300_000);
	const { remote, code } = await deskWithSession(browser, /Session A/);
	const phones = await Promise.all(SIZES.map((size) => sizedPhone(browser, size)));
	const errors = watchErrors(remote, ...phones);
	const check = async (what: string) => {
		for (const [i, phone] of phones.entries()) {
			await shot(phone, `${what}-${SIZES[i]!.name}`);
			await expectFits(phone, `${what} (${SIZES[i]!.name})`);
			// The status at the bottom of the screen hides nothing while it has nothing to say.
			await expect
				.poll(() => stickyBottomPaint(phone), {
					message: `${what} (${SIZES[i]!.name}): the sticky status paints over the page`,
					timeout: 6_000
				})
				.toEqual([]);
			// An answer's word split over two lines ("Strong|ly", "Embedd|ed"): its button is too narrow.
			expect
				.soft(
					await brokenWords(phone, ANSWER_ROWS),
					`${what} (${SIZES[i]!.name}): answer words broken`
				)
				.toEqual([]);
			// Side by side or stacked full width in order, each at least 44 px tall.
			if (await phone.locator(ANSWER_ROWS).count())
				await expectAnswerRows(phone, `${what} (${SIZES[i]!.name})`, ANSWER_ROWS);
		}
	};

	// Joining: the typed-code page and the QR link's page, then in and waiting.
	for (const phone of phones) await phone.goto('/join');
	await check('join');
	for (const phone of phones) {
		await phone.goto(`/j/${code}`);
		await phone
			.getByLabel('Your name')
			.fill(phone === phones[0] ? 'Wolfeschlegelsteinhausen' : 'Zoë');
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.getByText('Waiting for the trainer')).toBeVisible();
		// Focus goes to the new screen's heading, not back to the page body.
		await expect(phone.getByRole('heading', { level: 1 })).toBeFocused();
		// The session's title in even lines: its last line is not one lone word ("… Session / A").
		const lines = await wordsPerLine(phone.getByRole('heading', { level: 1 }));
		if (lines.length > 1)
			expect.soft(lines.at(-1), `the title's last line, of ${lines.join('/')}`).toBeGreaterThan(1);
	}
	await check('waiting');

	await remote.getByRole('button', { name: 'Start the agenda' }).click();
	for (const phone of phones) await expect(phone.getByText('Introductions')).toBeVisible();
	await check('block');

	const ids = await remote
		.getByLabel('Launch an activity')
		.locator('option')
		.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	expect(ids.length).toBeGreaterThanOrEqual(12);
	for (const id of ids) {
		await remote.getByLabel('Launch an activity').selectOption(id);
		await remote.getByRole('button', { name: /Launch “/ }).click();
		// The bar shows the new run once the server has it: nobody has answered yet.
		await expect(remote.locator('.remote-bar .count')).toHaveText(/^0 of \d+ in$/);
		const title = (await remote.locator('.remote-bar .name').textContent())!.trim();
		for (const phone of phones) {
			const heading = phone.getByRole('heading', { name: title, exact: true });
			await expect(heading).toBeVisible();
			// The new activity's heading takes the focus, and the task is on the first screen.
			await expect(heading).toBeFocused();
			expect
				.soft((await heading.boundingBox())!.y, `${id}: its title on the first screen`)
				.toBeLessThan(200);
		}
		await check(`${id}-open`);
		for (const [n, step] of (steps[id] ?? []).entries()) {
			for (const phone of phones) await step(phone);
			await check(`${id}-step${n + 1}`);
		}
		for (const phone of phones) {
			const small = await smallestText(phone);
			expect.soft(small.px, `${id}: the smallest text, "${small.text}"`).toBeGreaterThanOrEqual(14);
			// A chart's labels as drawn: the SVG's font size times the drawing's scale.
			const chart = await chartText(phone);
			if (chart.text)
				expect
					.soft(chart.px, `${id}: a chart's smallest label, "${chart.text}"`)
					.toBeGreaterThanOrEqual(14);
			expect.soft(chart.overlaps, `${id}: a chart's labels over each other`).toEqual([]);
		}
		await remote.locator('.remote-bar').getByRole('button', { name: 'Close', exact: true }).click();
		for (const phone of phones)
			await expect(phone.getByText('Your answers are saved.').first()).toBeVisible();
		await check(`${id}-closed`);
		await remote.getByRole('button', { name: 'Show results on the projector' }).click();
		for (const phone of phones)
			await expect(phone.getByText('The results are on the screen.').first()).toBeVisible();
		await check(`${id}-revealed`);
	}

	// The break, then the end of the session.
	await remote.getByRole('button', { name: 'Go to Break' }).click();
	for (const phone of phones) await expect(phone.getByText('Back at')).toBeVisible();
	await check('break');
	remote.once('dialog', (d) => void d.accept());
	await remote.getByRole('button', { name: 'Close the session' }).click();
	for (const phone of phones)
		await expect(phone.getByRole('heading', { name: 'Session closed' })).toBeVisible();
	await check('closed');
	errors.expectNone();
});

test('a learner’s evidence pack fits a 320 px phone and 200 % text at 360 px: the criteria covered in full, nothing scrolled sideways', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { remote, code } = await deskWithSession(browser, /Session A/);
	const phones = await Promise.all(SIZES.map((size) => sizedPhone(browser, size)));
	const errors = watchErrors(remote, ...phones);
	for (const [i, phone] of phones.entries()) {
		await phone.goto(`/j/${code}`);
		await phone.getByLabel('Your name').fill(['Zoë', 'Wolfeschlegelsteinhausen'][i]!);
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.getByText('Waiting for the trainer')).toBeVisible();
	}
	// One answer each, so the table names an activity as well as "Not covered today".
	await remote.getByRole('button', { name: 'Start the agenda' }).click();
	await remote.getByRole('button', { name: /^Launch “/ }).click();
	for (const phone of phones) await steps['intro-responsibilities']![0]!(phone);
	for (const [i, phone] of phones.entries()) {
		await phone.goto(`/p/${code}/pack`);
		const table = phone.getByRole('table');
		await expect(table.getByText('Your performance-management jobs today')).toBeVisible();
		await table.screenshot({ path: `test-results/e2e/screens/sizes/pack-${SIZES[i]!.name}.png` });
		// The "Criteria covered" table was 322–331 px wide at 320 px: "Evidence from" was cut off.
		await expectFits(phone, `the evidence pack (${SIZES[i]!.name})`);
		// Each criterion's evidence still says what it is, read as a table or as cards.
		await expect(
			table.getByRole('cell', { name: /^Evidence from: Your performance-management jobs today/ })
		).toHaveCount(1);
	}
	errors.expectNone();
});

/** WCAG contrast of two colours given as [r, g, b] (0–255). */
function contrast(a: number[], b: number[]): number {
	const lum = (rgb: number[]) => {
		const [r, g, bl] = rgb.map((v) => {
			const c = v / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

test('the focus outline stands out at 3:1 against the page and its cards, in the light and the dark theme', async ({
	page
}) => {
	await page.goto('/join');
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		// Each token as the browser resolves it (the build may shorten #ffffff to #fff).
		const tokens = await page.evaluate(() => {
			const probe = document.createElement('div');
			document.body.append(probe);
			const rgb = (name: string) => {
				probe.style.color = `var(${name})`;
				return getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
			};
			const out = { focus: rgb('--focus'), bg: rgb('--bg'), surface: rgb('--surface') };
			probe.remove();
			return out;
		});
		expect(
			contrast(tokens.focus, tokens.bg),
			`${colorScheme}: focus on the page`
		).toBeGreaterThanOrEqual(3);
		expect(
			contrast(tokens.focus, tokens.surface),
			`${colorScheme}: focus on a card`
		).toBeGreaterThanOrEqual(3);
		// The outline really uses it.
		await page.getByLabel('Room code').focus();
		await page.keyboard.press('Tab');
		const outline = await page.evaluate(
			() => getComputedStyle(document.activeElement!).outlineWidth
		);
		expect(parseFloat(outline)).toBeGreaterThanOrEqual(3);
	}
});
