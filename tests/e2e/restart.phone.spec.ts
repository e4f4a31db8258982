import { expect, test } from '@playwright/test';
import { signUp, startSession } from './helpers';
import { OwnServer } from './own-server';

test('after kill -9 and a restart, the phone comes back by itself as the same person', async ({ browser }, info) => {
	const server = new OwnServer(4300 + info.workerIndex);
	await server.start();
	try {
		const trainerContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, isMobile: false });
		const trainer = await trainerContext.newPage();
		await signUp(trainer);
		const code = await startSession(trainer, /Session A/);
		const consoleUrl = trainer.url();

		const phoneContext = await browser.newContext({ ...info.project.use, baseURL: server.url });
		const phone = await phoneContext.newPage();
		await phone.goto(`/j/${code}`);
		await phone.getByLabel('Your name').fill('Grace');
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone.getByText('You: Grace')).toBeVisible();

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
