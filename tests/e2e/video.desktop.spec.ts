import { expect, test, type Page } from '@playwright/test';
import { signUp, watchErrors } from './helpers';

/**
 * A video block's talk on the projector (issue 13, item 10): Session B's YouTube link as a
 * privacy-enhanced embed (no internet here: its address and the CSP are checked, not its picture),
 * then a small WebM attached to a copy, played and paused from the projector's K key and the
 * remote while the block's clock runs beside it.
 */

/** A one-second WebM made by Chromium itself (canvas → MediaRecorder): no binary in the repo. */
async function makeWebm(page: Page): Promise<Buffer> {
	const base64 = await page.evaluate(async () => {
		const canvas = document.createElement('canvas');
		canvas.width = 320;
		canvas.height = 180;
		const g = canvas.getContext('2d')!;
		const stream = canvas.captureStream(15);
		const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
		const chunks: Blob[] = [];
		recorder.ondataavailable = (e) => chunks.push(e.data);
		const done = new Promise((resolve) => (recorder.onstop = resolve));
		recorder.start();
		for (let f = 0; f < 20; f++) {
			g.fillStyle = `hsl(${f * 18} 70% 40%)`;
			g.fillRect(0, 0, 320, 180);
			await new Promise((r) => setTimeout(r, 50));
		}
		recorder.stop();
		await done;
		const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
		let s = '';
		for (const b of bytes) s += String.fromCharCode(b);
		return btoa(s);
	});
	return Buffer.from(base64, 'base64');
}

/** Starts a session from the named agenda, opens the projector and walks it to the video block (third). */
async function toVideoBlock(page: Page, agenda: RegExp) {
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: agenda }) });
	await card.getByRole('button', { name: 'Start live session' }).click();
	await expect(page).toHaveURL(/\/trainer\/rooms\/[a-z2-7]+$/);
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1280, height: 720 });
	await projector.goto(page.url() + '/projector');
	await expect(projector.getByText('press Space to start')).toBeVisible();
	await projector.keyboard.press('Space');
	await projector.keyboard.press('ArrowRight');
	await expect(projector.getByRole('heading', { name: /Intelligent goal setting/ })).toBeVisible();
	await projector.keyboard.press('ArrowRight');
	await expect(projector.getByRole('region', { name: /^Video: Effective feedback/ })).toBeVisible();
	return projector;
}

test('a video block plays its YouTube link as an embed, or an attached file, from the projector and the remote', async ({
	page
}) => {
	test.setTimeout(120_000);
	const errors = watchErrors(page);
	await signUp(page);

	// Session B as shipped: the block's TEDx link, embedded from youtube-nocookie.com.
	const embedded = await toVideoBlock(page, /Session B$/);
	await expect(embedded.locator('iframe')).toHaveAttribute(
		'src',
		'https://www.youtube-nocookie.com/embed/pN34FNbOKXc?enablejsapi=1&rel=0&playsinline=1'
	);
	const csp = await embedded.evaluate(async () =>
		(await fetch(location.href, { method: 'HEAD' })).headers.get('content-security-policy')
	);
	expect(csp).toMatch(
		/(^|; )frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/www\.youtube\.com(;|$)/
	);
	await embedded.keyboard.press('k');
	await expect(embedded.locator('iframe')).toHaveAttribute('data-playing', 'true');
	await expect(page.getByText('YouTube · playing')).toBeVisible();
	await embedded.close();

	// A copy with a video file, for a venue without internet.
	await page.goto('/trainer');
	await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /Session B$/ }) })
		.getByRole('button', { name: 'Duplicate to edit' })
		.click();
	await expect(page.getByRole('heading', { name: 'Edit your agenda' })).toBeVisible();
	const attach = page.getByLabel('Attach a video (MP4, WebM)');
	await attach.setInputFiles({
		name: 'notes.webm',
		mimeType: 'video/webm',
		buffer: Buffer.from('not a video')
	});
	await expect(page.getByRole('alert')).toHaveText(/not an MP4 or WebM video/);
	const webm = await makeWebm(page);
	await attach.setInputFiles({ name: 'briceno-talk.webm', mimeType: 'video/webm', buffer: webm });
	await expect(
		page.getByRole('status').filter({ hasText: 'Attached briceno-talk.webm' })
	).toBeVisible();
	await page.getByRole('link', { name: '← Your sessions' }).click();

	const projector = await toVideoBlock(page, /Session B \(copy\)/);
	errors.add(projector);
	const video = projector.locator('video');
	await expect(video).toHaveAttribute('src', /\/trainer\/rooms\/[a-z2-7]+\/video\?v=[0-9a-f]{64}$/);
	// K plays it (the clock beside it keeps counting down), the remote pauses it.
	await projector.keyboard.press('k');
	await expect
		.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0))
		.toBe(true);
	await expect(projector.locator('.video-stage .countdown')).toBeVisible();
	await expect(page.getByText('briceno-talk.webm · playing')).toBeVisible();
	await page.getByRole('button', { name: 'Pause the video' }).click();
	await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
	await expect(video).toHaveAttribute('data-playing', 'false');
	// → puts the video aside for the block's slides, or here (no deck) the block itself; V brings it back.
	await projector.keyboard.press('v');
	await expect(video).toBeHidden();
	await projector.keyboard.press('v');
	await expect(video).toBeVisible();
	errors.expectNone();
});

test('a YouTube video that cannot be reached leaves the block on the projector, with where to play it', async ({
	page
}) => {
	test.setTimeout(120_000);
	const errors = watchErrors(page);
	await signUp(page);
	// No internet: YouTube's address does not resolve.
	await page
		.context()
		.route('https://www.youtube-nocookie.com/**', (route) => route.abort('namenotresolved'));
	const offline = await toVideoBlock(page, /Session B$/);
	errors.add(offline);
	const stage = offline.getByRole('region', { name: /^Video: Effective feedback/ });
	await expect(stage.getByRole('heading', { name: /Effective feedback/ })).toBeVisible();
	await expect(stage.getByRole('timer')).toBeVisible();
	await expect(stage.getByRole('status')).toHaveText(
		'The video can’t be reached from this computer — check the Wi-Fi, or play it from youtube.com/watch?v=pN34FNbOKXc. K shows the frame anyway.',
		{ timeout: 20_000 }
	);
	// The message covers the frame's error page, whole and on screen.
	const card = await stage.locator('.block-card').boundingBox();
	const frame = await stage.locator('iframe').boundingBox();
	expect(card!.x).toBeLessThanOrEqual(frame!.x);
	expect(card!.y).toBeLessThanOrEqual(frame!.y);
	expect(card!.width).toBeGreaterThanOrEqual(frame!.width);
	await expect(stage.getByRole('status')).toBeInViewport({ ratio: 1 });
	// The bar under the video (keys, join address, code) is read from the room too: 16 px at 720 lines.
	const barPx = await stage
		.locator('.corner .state')
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(barPx).toBeGreaterThanOrEqual(16);
	// The player's silence is the only sign: K (play) shows the frame, in case it is there after all.
	await offline.keyboard.press('k');
	await expect(stage.locator('.block-card')).toHaveCount(0);
	await expect(stage.locator('iframe')).toBeVisible();
	await offline.close();

	// Online, the player answers the page (YouTube's IFrame API handshake, played here by a stand-in)
	// and the video takes the screen.
	await page.context().unrouteAll();
	await page.context().route('https://www.youtube-nocookie.com/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><title>Player</title><p>The talk</p><script>
				addEventListener('message', (e) => {
					const m = JSON.parse(e.data);
					if (m.event === 'listening') parent.postMessage(JSON.stringify({ event: 'onReady', id: m.id, channel: 'widget' }), '*');
				});
			</script>`
		})
	);
	await page.goto('/trainer');
	const online = await toVideoBlock(page, /Session B$/);
	errors.add(online);
	const video = online.getByRole('region', { name: /^Video: Effective feedback/ });
	await expect(video.frameLocator('iframe').getByText('The talk')).toBeVisible();
	await expect(video.locator('.block-card')).toHaveCount(0);
	await expect(video.getByRole('timer')).toBeVisible();
	errors.expectNone();
});
