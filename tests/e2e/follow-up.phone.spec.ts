import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { expectAccessible, expectNoSideScroll, signUp, startSession, watchErrors } from './helpers';
import { OwnServer } from './own-server';

const GOAL =
	'Agree one stretch objective with Tom by 31 March, reviewed monthly in our one-to-ones.';
const ONE_THING = 'Ask each person what support they need before giving my view.';

test('closing Session B, a phone opts in, saves the calendar file, and 31 days later checks in on its goal', async ({
	browser
}, info) => {
	// A server of its own whose follow-up clock the test can move (the test-only entry's messages).
	const port = Number(process.env.E2E_PORT ?? 4173) + 70 + info.workerIndex;
	// PUBLIC_URL on this machine's loopback: the links work here, and the close screen warns they are local.
	const server = new OwnServer(
		port,
		{ FOLLOW_UP_TEST_CLOCK_DAYS: '0', PUBLIC_URL: `http://localhost:${port}` },
		'tests/e2e/clock-server.js'
	);
	await server.start();
	try {
		const desk = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 1280, height: 900 },
			isMobile: false
		});
		const remote = await desk.newPage();
		await signUp(remote);
		const code = await startSession(remote, /Session B/);
		const roomUrl = remote.url();
		const phoneContext = await browser.newContext({ ...info.project.use, baseURL: server.url });
		const phone = await phoneContext.newPage();
		const errors = watchErrors(remote, phone);
		await phone.goto(`/j/${code}`);
		await phone.getByLabel('Your name').fill('Priya');
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.getByText('Waiting for the trainer')).toBeVisible();

		// On the day: a goal with the SMART coach, then the exit reflection's "one thing".
		await remote.getByRole('button', { name: 'Start the agenda' }).click();
		await remote.getByRole('button', { name: 'Next block →' }).click();
		await expect(remote.getByLabel('Launch an activity')).toHaveValue('goal-setting');
		await remote.getByRole('button', { name: /Launch “/ }).click();
		await expect(phone.getByRole('heading', { name: 'Who is the goal for?' })).toBeVisible();
		await phone.getByRole('radio').first().check();
		await phone.getByRole('button', { name: 'Next: goal type' }).click();
		await expect(phone.getByRole('heading', { name: 'Which kind of goal fits?' })).toBeVisible();
		await phone.getByRole('radio').nth(3).check();
		await phone.getByRole('button', { name: 'Next: write it' }).click();
		await phone.getByLabel('The goal, as you would agree it with them').fill(GOAL);
		await phone.getByRole('radio', { name: '4' }).check();
		await phone.getByRole('button', { name: 'Send for review' }).click();
		await expect(phone.getByRole('heading', { name: 'Your goal' })).toBeVisible();

		await remote.getByRole('button', { name: 'Close', exact: true }).click();
		await remote.getByRole('button', { name: 'Go to Review and ILM assignment coverage' }).click();
		await expect(remote.getByLabel('Launch an activity')).toHaveValue('exit-reflection');
		await remote.getByRole('button', { name: /Launch “/ }).click();
		await phone.getByRole('textbox').fill(ONE_THING);
		await phone.getByRole('radio', { name: '6', exact: true }).check();
		await phone.getByRole('button', { name: 'Save my reflection' }).click();
		await expect(phone.getByRole('heading', { name: 'Your reflection' })).toBeVisible();

		remote.once('dialog', (d) => void d.accept());
		await remote.getByRole('button', { name: 'Close the session' }).click();

		// The close screen: the follow-up offer beside the evidence pack, with the local-address warning.
		await expect(phone.getByRole('heading', { name: 'Session closed' })).toBeVisible();
		const offer = phone.getByRole('region', { name: 'Check in on your goals in 30 and 90 days' });
		await expect(offer.getByRole('note')).toContainText(
			'only open where that address can be reached'
		);
		await offer.getByRole('button', { name: 'Check in on my goals later' }).click();
		const linkField = offer.getByLabel('Your link');
		await expect(linkField).toHaveValue(new RegExp(`^${server.url}/f/[a-z2-7]{32}$`));
		const link = await linkField.inputValue();
		await expect(
			offer.getByRole('img', { name: 'QR code of your follow-up link' }).locator('svg')
		).toBeVisible();
		await expectAccessible(phone, 'close screen with the follow-up link');
		await expectNoSideScroll(phone, 'close screen with the follow-up link');
		await phone.screenshot({
			path: 'test-results/e2e/screens/follow-up-close.png',
			fullPage: true
		});

		// The calendar file: a real parser reads two reminders back, each carrying the link.
		const [download] = await Promise.all([
			phone.waitForEvent('download'),
			offer.getByRole('link', { name: 'Add the reminders to my calendar' }).click()
		]);
		const ics = readFileSync((await download.path())!, 'utf8');
		const events = new ICAL.Component(ICAL.parse(ics))
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v));
		expect(events.map((e) => e.summary)).toEqual([
			expect.stringMatching(/^30-day check-in: Understanding Performance Management/),
			expect.stringMatching(/^90-day check-in: /)
		]);
		for (const e of events) expect(e.description).toContain(link);
		// All-day events: their calendar date against today's (counting milliseconds from now was
		// off by one every afternoon, when midnight 30 days on is less than 29.5 days away).
		const today = new Date();
		const days = (e: ICAL.Event) =>
			Math.round(
				(Date.UTC(e.startDate.year, e.startDate.month - 1, e.startDate.day) -
					Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) /
					86_400_000
			);
		expect(events.map(days)).toEqual([30, 90]);

		// Weeks later (the server's follow-up clock moved 31 days on), the link opens the 30-day check-in.
		await server.moveFollowUpClock(31);
		await phone.goto(link);
		await expect(phone.getByRole('heading', { name: 'Your 30-day check-in' })).toBeVisible();
		const goal = phone.getByRole('region', { name: `“${GOAL}”` });
		const oneThing = phone.getByRole('region', { name: `“${ONE_THING}”` });
		await expect(goal.getByText('Stretch goal')).toBeVisible();
		await expect(oneThing.getByText('On the day you said 6 of 10.')).toBeVisible();

		// Saving with only a line typed, nothing chosen: clear errors, nothing saved, and what was
		// typed stays in its box.
		const inTheWay = goal.getByLabel('Anything else in the way (optional)');
		await inTheWay.fill('Quarter-end reporting took every spare hour.');
		await phone.getByRole('button', { name: 'Save my 30-day check-in' }).click();
		await expect(phone.getByText('Some answers need another look')).toBeVisible();
		await expect(goal.getByText('Please choose how far you have got.')).toBeVisible();
		await expect(inTheWay).toHaveValue('Quarter-end reporting took every spare hour.');

		await goal.getByRole('radio', { name: 'Planned how' }).check();
		await goal.getByRole('checkbox', { name: 'My manager', exact: true }).check();
		await goal.getByRole('checkbox', { name: 'No time' }).check();
		await goal.getByLabel(/How confident are you now/).selectOption('7');
		await oneThing.getByRole('radio', { name: 'Doing it regularly' }).check();
		await oneThing.getByLabel(/How confident are you now/).selectOption('8');
		await phone.getByRole('checkbox', { name: /may see my check-ins/ }).check();
		await phone.getByRole('button', { name: 'Save my 30-day check-in' }).click();
		await expect(phone.getByText('Saved. You can come back')).toBeVisible();
		await expectAccessible(phone, 'the 30-day check-in');
		await expectNoSideScroll(phone, 'the 30-day check-in');
		// The smallest phones in use are 320 px wide: no sideways scrolling there either.
		await phone.setViewportSize({ width: 320, height: 640 });
		await expectNoSideScroll(phone, 'the 30-day check-in at 320 px');
		await phone.setViewportSize({ width: 412, height: 839 });
		await phone.screenshot({
			path: 'test-results/e2e/screens/follow-up-check-in-page.png',
			fullPage: true
		});
		await goal.screenshot({ path: 'test-results/e2e/screens/follow-up-check-in.png' });

		// A second visit edits the same check-in.
		await phone.goto(link);
		await expect(phone.getByText('You already answered this check-in')).toBeVisible();
		await expect(goal.getByRole('radio', { name: 'Planned how' })).toBeChecked();
		await goal.getByRole('radio', { name: 'Started', exact: true }).check();
		await phone.getByRole('button', { name: 'Save my 30-day check-in' }).click();
		await expect(phone.getByText('Saved. You can come back')).toBeVisible();

		// The learner's own pack shows the follow-up.
		await phone.goto(`/p/${code}/pack`);
		const section = phone.getByRole('region', {
			name: 'After the workshop: putting the goals into practice'
		});
		await expect(section.getByText('30 days: Stretch goal')).toBeVisible();
		await expect(section.getByText('Started', { exact: true })).toBeVisible();
		await expect(section.getByText('8 of 10 (on the day 6)')).toBeVisible();
		// On paper a check-in is never split from its heading or across two pages.
		await phone.emulateMedia({ media: 'print' });
		expect(
			await section
				.locator('.item')
				.evaluateAll((items) =>
					items.map((i) => [
						getComputedStyle(i).breakInside,
						getComputedStyle(i.querySelector('h3')!).breakAfter
					])
				)
		).toEqual([
			['avoid', 'avoid'],
			['avoid', 'avoid']
		]);
		await phone.emulateMedia({ media: null });

		// The trainer: one of one answered, the edit counted once; no aggregate under three people.
		await remote.goto(`${roomUrl}/follow-up`);
		const thirty = remote.getByRole('region', { name: '30-day check-in' }).first();
		await expect(thirty.getByText('1 of 1')).toBeVisible();
		await expect(thirty.getByText(/Fewer than 3 people answered/).first()).toBeVisible();
		await expectAccessible(remote, 'trainer follow-up view');
		await remote.screenshot({
			path: 'test-results/e2e/screens/follow-up-trainer.png',
			fullPage: true
		});
		// Priya allowed it, so the trainer's pack of her shows her check-in.
		await remote.goto(`${roomUrl}/report`);
		await remote.getByRole('link', { name: 'Priya' }).click();
		await expect(remote.getByText('30 days: Stretch goal')).toBeVisible();

		// At 70 days the same link opens the 90-day check-in, kept apart, with the 30-day answer beside it.
		await server.moveFollowUpClock(70);
		await phone.goto(link);
		await expect(phone.getByRole('heading', { name: 'Your 90-day check-in' })).toBeVisible();
		await expect(goal.getByText('At 30 days: Started')).toBeVisible();
		await expect(goal.getByRole('radio', { name: 'Started', exact: true })).not.toBeChecked();

		// Turning the link off: it opens nothing from then on.
		phone.once('dialog', (d) => void d.accept());
		await phone.getByRole('button', { name: 'Turn off this link' }).click();
		await expect(
			phone.getByRole('heading', { name: 'Your follow-up link is turned off' })
		).toBeVisible();
		const gone = await phone.goto(link);
		expect(gone?.status()).toBe(404);
		await expect(phone.getByRole('heading', { name: 'Not found' })).toBeVisible();
		errors.expectNone();
		await desk.close();
		await phoneContext.close();
	} finally {
		await server.stop();
	}
});
