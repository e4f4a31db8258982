/**
 * Deck uploads against the real production server: every bad file gets its sentence, the deck
 * already attached stays, and an oversized body is refused before it is read.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { makePdf } from '../helpers/make-pdf';
import { signUp } from './helpers';

const MB = 1024 * 1024;

async function copyWithDeck(
	page: Page
): Promise<{ api: APIRequestContext; path: string; cookie: string }> {
	await signUp(page);
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /Session A/ }) });
	await card.getByRole('button', { name: 'Duplicate to edit' }).click();
	await expect(page.getByRole('heading', { name: 'Edit your agenda' })).toBeVisible();
	const path = new URL(page.url()).pathname + '/deck';
	const api = page.request;
	const first = await api.post(path, {
		data: makePdf({ pages: 12 }),
		headers: { 'content-type': 'application/pdf', 'x-file-name': 'good.pdf' }
	});
	expect(first.status()).toBe(200);
	expect(await first.json()).toMatchObject({ deck: { pages: 12, name: 'good.pdf' } });
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	return { api, path, cookie };
}

/** The deck the editor shows after a refusal: still the good one. */
async function expectDeckKept(page: Page) {
	await page.reload();
	await expect(page.getByText('good.pdf · 12 slides')).toBeVisible();
}

test('each bad file is refused with a sentence and the attached deck stays', async ({ page }) => {
	const { api, path } = await copyWithDeck(page);
	const whole = makePdf({ pages: 8 });
	const bad: [string, Buffer, RegExp][] = [
		['a text file', Buffer.from('Agenda notes, not slides'), /^That file is not a PDF\./],
		['a password-protected PDF', makePdf({ pages: 4, encrypted: true }), /password-protected/],
		['a truncated PDF', whole.subarray(0, Math.floor(whole.length * 0.7)), /damaged or incomplete/],
		[
			'a corrupt PDF',
			Buffer.concat([whole.subarray(0, 40), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]),
			/damaged or incomplete/
		],
		['an empty file', Buffer.alloc(0), /^That file is empty \(0 bytes\)\./],
		['a 501-page PDF', makePdf({ pages: 501 }), /has 501 pages; a deck may have at most 500/]
	];
	for (const [what, data, message] of bad) {
		const res = await api.post(path, { data, headers: { 'content-type': 'application/pdf' } });
		expect(res.status(), what).toBe(400);
		expect((await res.json()).error, what).toMatch(message);
	}
	const wrongType = await api.post(path, {
		data: makePdf({ pages: 2 }),
		headers: { 'content-type': 'application/octet-stream' }
	});
	expect(wrongType.status()).toBe(415);
	await expectDeckKept(page);
});

/**
 * A raw POST (Playwright's request API always sends a whole body with its true length). Resolves with
 * the answer even when the server closes the connection on a body it will not read.
 */
function post(
	url: URL,
	headers: Record<string, string>,
	send: (req: ClientRequest, answered: () => boolean) => () => number
): Promise<{ status: number; body: string; sent: number }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, {
			method: 'POST',
			headers: { 'content-type': 'application/pdf', origin: url.origin, ...headers }
		});
		let status = 0;
		let body = '';
		const done = () => {
			if (!status) return reject(new Error('no answer from the server'));
			resolve({ status, body, sent: sent() });
			req.destroy();
		};
		req.on('response', (res) => {
			status = res.statusCode ?? 0;
			res.on('data', (c) => (body += c));
			res.on('end', done);
			res.on('error', done);
		});
		req.on('error', () => (status ? undefined : setTimeout(done, 200)));
		const sent = send(req, () => status !== 0);
	});
}

test('over 50 MB: a declared length is refused before the body is read; a chunked body is cut off while streaming', async ({
	page,
	baseURL
}) => {
	const { path, cookie } = await copyWithDeck(page);
	const url = new URL(path, baseURL);

	// Content-Length says 60 MB; only 1 KB is ever sent. The answer comes anyway: nothing was waited for.
	const declared = await post(url, { cookie, 'content-length': String(60 * MB) }, (req) => {
		req.write(Buffer.alloc(1024, 0x20));
		return () => 1024;
	});
	expect(declared.status).toBe(413);
	expect(JSON.parse(declared.body).error).toMatch(/^That file is over 50 MB\./);

	// No length given (chunked): counted as it arrives and refused once past 50 MB.
	const chunked = await post(url, { cookie, 'transfer-encoding': 'chunked' }, (req, answered) => {
		let sent = 0;
		const chunk = Buffer.alloc(MB, 0x20);
		const pump = () => {
			while (!answered() && sent < 70 * MB) {
				sent += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', pump);
			}
			if (!answered()) req.end();
		};
		pump();
		return () => sent;
	});
	expect(chunked.status).toBe(413);
	expect(JSON.parse(chunked.body).error).toMatch(/^That file is over 50 MB\./);
	expect(chunked.sent, 'refused before the whole 70 MB was sent').toBeLessThan(70 * MB);
	await expectDeckKept(page);
});
