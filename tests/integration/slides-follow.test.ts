/**
 * Phones following the slides (issue 13, item 7): the trainer's switch, what seated phones hear, and
 * who gets a slide's picture: a real server, a real SQLite file and a real PDF drawn by the real renderer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { PublicAgendaView } from '$lib/shared/events';
import { liveRooms, phoneSlideAccess } from '$lib/server/decks/phone-slides';
import { storeDeck } from '$lib/server/decks/files';
import { MAX_SLIDE_IMAGE_BYTES, slideImage } from '$lib/server/decks/slide-images';
import type { DeckInfo } from '$lib/shared/slides';
import { makePdf } from '../helpers/make-pdf';
import { expectOk, next, send, serverPerTest } from '../helpers/server';

const t = serverPerTest();

const plan: AgendaPlan = {
	title: 'Follow',
	start: '09:00',
	blocks: [
		{ title: 'Intro', minutes: 10, kind: 'talk', resources: { slides: '1-3' } },
		{ title: 'Model', minutes: 10, kind: 'talk', resources: { slides: '5' } }
	]
};

let dir: string;
let deck: DeckInfo;
const savedPath = process.env.DATABASE_PATH;

beforeAll(async () => {
	// Decks (and their pictures) are kept beside the database named here.
	dir = mkdtempSync(join(tmpdir(), 'wc-follow-'));
	process.env.DATABASE_PATH = join(dir, 'data', 'decks.db');
	const stored = await storeDeck(makePdf({ pages: 6 }), 'deck.pdf');
	if (!stored.ok) throw new Error(stored.error);
	deck = stored.deck;
});
afterAll(() => {
	if (savedPath === undefined) delete process.env.DATABASE_PATH;
	else process.env.DATABASE_PATH = savedPath;
	rmSync(dir, { recursive: true, force: true });
});

async function setUp() {
	const trainer = await t.server.trainer();
	const room = await t.server.room(trainer.id, 'Follow', { deck, agenda: plan });
	const other = await t.server.room(trainer.id, 'Other room', { deck, agenda: plan });
	const remote = await t.server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'slides:watch', { roomId: room.id }));
	const phone = await t.server.client();
	const joined = expectOk(await send(phone, 'room:join', { code: room.code, name: 'Aisha' }));
	const stranger = await t.server.client();
	const elsewhere = expectOk(
		await send(stranger, 'room:join', { code: other.code, name: 'Bella' })
	);
	const control = (c: Parameters<typeof send<'slides:control'>>[2]['control']) =>
		send(remote, 'slides:control', { roomId: room.id, control: c });
	return { trainer, room, other, remote, phone, joined, stranger, elsewhere, control };
}

describe('phones following the slides', () => {
	it('is off by default; the switch shows seated phones the current slide, and only this room’s', async () => {
		const { room, remote, phone, joined, stranger, control } = await setUp();
		expect(joined.agenda.slide).toBeNull();
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expect(await phoneSlideAccess(t.server.db, joined.seatToken, 1)).toMatchObject({
			ok: false,
			status: 403,
			error: 'The trainer is not sharing the slides with phones now.'
		});

		let strangerHeard = 0;
		stranger.on('agenda:now', () => strangerHeard++);
		const on = next(phone, 'agenda:now', (v) => v.slide !== null);
		expect(expectOk(await control({ type: 'follow', follow: true })).follow).toBe(true);
		expect((await on).slide).toEqual({ page: 1, v: deck.hash.slice(0, 16) });

		const stepped = next(phone, 'agenda:now', (v) => v.slide?.page === 2);
		expectOk(await control({ type: 'next' }));
		await stepped;
		// Into the next block: the agenda's own update carries the block's first slide.
		expectOk(await control({ type: 'next' }));
		const moved = next(phone, 'agenda:now', (v: PublicAgendaView) => v.index === 1);
		expectOk(await control({ type: 'next' }));
		expect((await moved).slide?.page).toBe(5);

		// A blank screen is blank on phones too; the switch off takes the slide away.
		const blanked = next(phone, 'agenda:now', (v) => v.slide === null);
		expectOk(await control({ type: 'blank', blank: 'black' }));
		await blanked;
		expectOk(await control({ type: 'blank', blank: null }));
		const off = next(phone, 'agenda:now', (v) => v.slide === null);
		expectOk(await control({ type: 'follow', follow: false }));
		await off;
		expect(strangerHeard).toBe(0);

		// A reload resumes with the switch as it was (it is on disk, in the room's slide state).
		const resumed = expectOk(
			await send(await t.server.client(), 'room:resume', {
				code: room.code,
				seatToken: joined.seatToken
			})
		);
		expect(resumed.agenda.slide).toBeNull();
	});

	it('gives no slide before the agenda starts, even with following switched on first', async () => {
		const { room, remote, joined, control } = await setUp();
		expectOk(await control({ type: 'follow', follow: true }));
		// The projector shows the join screen until the start: page 1 is not shown yet.
		expect(await phoneSlideAccess(t.server.db, joined.seatToken, 1)).toMatchObject({
			ok: false,
			status: 403,
			error: 'That slide has not been shown yet.'
		});
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expect(await phoneSlideAccess(t.server.db, joined.seatToken, 1)).toMatchObject({
			ok: true,
			page: 1
		});
	});

	it('gives a seated phone the pictures of slides shown, never slides to come, another room or a stranger', async () => {
		const { room, remote, joined, elsewhere, control } = await setUp();
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expectOk(await control({ type: 'follow', follow: true }));
		expectOk(await control({ type: 'next' }));

		const db = t.server.db;
		expect(await phoneSlideAccess(db, joined.seatToken, 2)).toEqual({
			ok: true,
			hash: deck.hash,
			page: 2
		});
		// Shown a moment ago: a phone a step behind still gets it.
		expect(await phoneSlideAccess(db, joined.seatToken, 1)).toMatchObject({ ok: true, page: 1 });
		expect(await phoneSlideAccess(db, joined.seatToken, 3)).toMatchObject({
			ok: false,
			status: 403,
			error: 'That slide has not been shown yet.'
		});
		// The other room's phone asks with its own seat, so about its own room, where following is off.
		expect(await phoneSlideAccess(db, elsewhere.seatToken, 2)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await phoneSlideAccess(db, 'x'.repeat(32), 2)).toMatchObject({ ok: false, status: 404 });
		// The same answers from the running engine's memory, as the route asks when it runs the room.
		const live = liveRooms(t.server.realtime.engine);
		expect(await phoneSlideAccess(db, joined.seatToken, 2, live)).toMatchObject({ ok: true });
		expect(await phoneSlideAccess(db, joined.seatToken, 3, live)).toMatchObject({ status: 403 });
		expect(await phoneSlideAccess(db, elsewhere.seatToken, 2, live)).toMatchObject({
			status: 403
		});

		// A removed phone loses its seat, and the pictures with it.
		const removed = expectOk(
			await send(await t.server.client(), 'room:join', { code: room.code, name: 'Victor' })
		);
		// Asked once while seated, so the seat is known (kept) when it is removed.
		expect(await phoneSlideAccess(db, removed.seatToken, 2)).toMatchObject({ ok: true });
		expectOk(
			await send(remote, 'room:remove-participant', {
				roomId: room.id,
				participantId: removed.seat.participantId
			})
		);
		expect(await phoneSlideAccess(db, removed.seatToken, 2)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await phoneSlideAccess(db, removed.seatToken, 2, live)).toMatchObject({
			ok: false,
			status: 404
		});

		// Only the room's trainers turn the switch; a phone cannot.
		const phoneControl = await send(await t.server.client(), 'slides:control', {
			roomId: room.id,
			control: { type: 'follow', follow: false }
		});
		expect(phoneControl.ok).toBe(false);
	});

	it('draws a slide as a WebP under 250 KB, once, shared by phones asking together', async () => {
		const [a, b] = await Promise.all([slideImage(deck.hash, 2), slideImage(deck.hash, 2)]);
		expect(a).not.toBeNull();
		const bytes = Buffer.from(a!);
		expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
		expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
		expect(bytes.byteLength).toBeLessThanOrEqual(MAX_SLIDE_IMAGE_BYTES);
		expect(Buffer.from(b!).equals(bytes)).toBe(true);
		// Kept on disk: the next phone reads it without drawing.
		expect(Buffer.from((await slideImage(deck.hash, 2))!).equals(bytes)).toBe(true);
		expect(await slideImage('f'.repeat(64), 1)).toBeNull();
		expect(await slideImage('../../etc/passwd', 1)).toBeNull();
	});
});
