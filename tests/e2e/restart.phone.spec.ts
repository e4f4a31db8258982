import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { signUp, startSession } from './helpers';
import { OwnServer } from './own-server';

/** Ports of this run's own servers: beside the shared one, so parallel checkouts do not collide. */
const ownPort = (workerIndex: number) => Number(process.env.E2E_PORT ?? 4173) + 100 + workerIndex;

/** A trainer (desktop) with Session A started on the given server, and Grace's phone joined to it. */
async function sessionWithGrace(browser: Browser, info: TestInfo, baseURL: string) {
	const trainerContext = await browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 800 },
		isMobile: false
	});
	const trainer = await trainerContext.newPage();
	await signUp(trainer);
	const code = await startSession(trainer, /Session A/);
	const consoleUrl = trainer.url();
	const phoneContext = await browser.newContext({ ...info.project.use, baseURL });
	const phone = await phoneContext.newPage();
	await phone.goto(`/j/${code}`);
	await phone.getByLabel('Your name').fill('Grace');
	await phone.getByRole('button', { name: 'Join' }).click();
	await expect(phone.getByText('You: Grace')).toBeVisible();
	return { trainerContext, trainer, code, consoleUrl, phoneContext, phone };
}

test('after kill -9 and a restart, the phone comes back by itself as the same person', async ({
	browser
}, info) => {
	const server = new OwnServer(ownPort(info.workerIndex));
	await server.start();
	try {
		const { trainerContext, trainer, consoleUrl, phoneContext, phone } = await sessionWithGrace(
			browser,
			info,
			server.url
		);

		await server.crash();
		await expect(phone.getByText('Reconnecting…')).toBeVisible();
		await server.start();

		// No reload, no tap: socket.io reconnects and the seat token resumes the same participant.
		await expect(phone.getByText('Reconnecting…')).toBeHidden({ timeout: 15_000 });
		await expect(phone.getByText('You: Grace')).toBeVisible();
		await expect(phone.getByText('Waiting for the trainer')).toBeVisible();

		await trainer.goto(consoleUrl);
		await expect(trainer.getByText('1 joined, 1 online')).toBeVisible();
		await trainerContext.close();
		await phoneContext.close();
		expect(await server.stop(), 'a clean exit on SIGTERM').toBe(0);
	} finally {
		await server.stop();
	}
});

test('kill -9 mid-activity: acknowledged answers stay, one made while the server is down is sent after the restart, the block and the activity resume', async ({
	browser
}, info) => {
	test.setTimeout(90_000);
	const server = new OwnServer(ownPort(info.workerIndex));
	await server.start();
	try {
		const { trainerContext, trainer, code, consoleUrl, phoneContext, phone } =
			await sessionWithGrace(browser, info, server.url);

		await trainer.getByRole('button', { name: 'Start the agenda' }).click();
		await trainer.getByLabel('Launch an activity').selectOption('quick-poll-example');
		await trainer.getByRole('button', { name: /Launch “/ }).click();
		await phone.getByRole('radio', { name: 'Never', exact: true }).check();
		await expect(phone.getByText('Saved')).toBeVisible();
		await expect(trainer.getByText('1 of 1 in')).toBeVisible();
		const secs = (t: string | null) =>
			t!
				.trim()
				.split(':')
				.reduce((n, part) => n * 60 + Number(part), 0);
		const before = secs(await trainer.getByRole('timer').first().textContent());

		await server.crash();
		await expect(phone.getByText('Reconnecting…')).toBeVisible();
		// Changed while the server is down: kept on the phone, said so, not "Saved".
		await phone.getByRole('radio', { name: 'Once a year', exact: true }).check();
		await expect(phone.getByText('Will send when back online', { exact: true })).toBeVisible();
		await server.start();

		await expect(phone.getByText('Saved')).toBeVisible({ timeout: 20_000 });
		await expect(phone.getByText('Reconnecting…')).toBeHidden();
		await trainer.goto(consoleUrl);
		await expect(trainer.getByText('1 of 1 in')).toBeVisible();
		// The same block, its clock still running from where it was (the server's time, from disk).
		await expect(trainer.getByText('Block 1 of 8')).toBeVisible();
		const after = secs(await trainer.getByRole('timer').first().textContent());
		expect(after).toBeLessThanOrEqual(before);
		expect(before - after).toBeLessThan(60);

		// A fresh page (a phone back after hours) is shown the activity with its last answer.
		const later = await phoneContext.newPage();
		await later.goto(`/p/${code}`);
		await expect(later.getByRole('radio', { name: 'Once a year', exact: true })).toBeChecked();
		await trainerContext.close();
		await phoneContext.close();
	} finally {
		await server.stop();
	}
});
