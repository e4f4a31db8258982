/**
 * The talk in a video block (issue 13, item 10): play, pause and put aside from the trainers' screens
 * against a real server, and the upload store refusing what is not a video, over the size limit.
 */
import { existsSync, mkdtempSync, readdirSync as readdir, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaPlan } from '$lib/shared/agenda';
import { MAX_VIDEO_BYTES, type VideoInfo } from '$lib/shared/video';
import { storeVideoUpload, videoPath } from '$lib/server/decks/videos';
import { expectOk, next, send, serverPerTest } from '../helpers/server';

const t = serverPerTest();

const plan: AgendaPlan = {
	title: 'Video',
	start: '09:00',
	blocks: [
		{ title: 'Intro', minutes: 5, kind: 'talk' },
		{
			title: 'The talk',
			minutes: 20,
			kind: 'video',
			resources: { links: [{ title: 'TEDx', url: 'https://youtu.be/pN34FNbOKXc' }] }
		}
	]
};

/** The first bytes of a WebM (EBML magic) and of an MP4 (ftyp box), then filler. */
const webm = () => new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(60).fill(7)]);
const mp4 = () =>
	new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), ...new Array(40).fill(1)]);
const upload = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
	new Request('http://localhost/upload', { method: 'POST', body, headers });

let dir: string;
const savedPath = process.env.DATABASE_PATH;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'wc-video-'));
	process.env.DATABASE_PATH = join(dir, 'data', 'videos.db');
});
afterAll(() => {
	if (savedPath === undefined) delete process.env.DATABASE_PATH;
	else process.env.DATABASE_PATH = savedPath;
	rmSync(dir, { recursive: true, force: true });
});

describe('a video block on the projector', () => {
	it('plays, pauses and gives way to the slides from either trainer screen; the clock runs on', async () => {
		const trainer = await t.server.trainer();
		const room = await t.server.room(trainer.id, 'Video', { agenda: plan });
		const projector = await t.server.client({ cookie: trainer.cookie });
		const remote = await t.server.client({ cookie: trainer.cookie });
		expectOk(await send(projector, 'slides:watch', { roomId: room.id }));
		expectOk(await send(remote, 'slides:watch', { roomId: room.id }));
		const video = (action: 'play' | 'pause' | 'show' | 'hide') =>
			send(remote, 'slides:control', { roomId: room.id, control: { type: 'video', action } });
		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'start' } }));
		expect(await video('play')).toEqual({
			ok: false,
			code: 'invalid',
			error:
				'This block has no video: make it a video block with a YouTube link, or attach a video file to the agenda.'
		});

		expectOk(await send(remote, 'agenda:control', { roomId: room.id, control: { type: 'next' } }));
		const heard = next(projector, 'slides:state', (v) => v.video.playing);
		expect(expectOk(await video('play')).video).toEqual({ block: 1, playing: true, hidden: false });
		expect((await heard).video.block).toBe(1);
		// Playing the video leaves the block's clock alone: it keeps running beside it.
		expect(t.server.realtime.engine.room(room.id)!.run.phase).toBe('running');
		expect(expectOk(await video('pause')).video.playing).toBe(false);
		expect(expectOk(await video('hide')).video).toEqual({ block: 1, playing: false, hidden: true });
		expect(expectOk(await video('show')).video.hidden).toBe(false);
		expectOk(await video('play'));

		// On disk: a restart resumes the video's state; another trainer cannot touch it.
		await t.restart();
		const back = await t.server.client({ cookie: trainer.cookie });
		expect(expectOk(await send(back, 'slides:watch', { roomId: room.id })).video).toEqual({
			block: 1,
			playing: true,
			hidden: false
		});
		const stranger = await t.server.client({ cookie: (await t.server.trainer()).cookie });
		expect(
			await send(stranger, 'slides:control', {
				roomId: room.id,
				control: { type: 'video', action: 'pause' }
			})
		).toMatchObject({ ok: false, code: 'forbidden' });
		// The next block starts with its video paused and on screen.
		expectOk(
			await send(back, 'agenda:control', { roomId: room.id, control: { type: 'previous' } })
		);
		expect(expectOk(await send(back, 'slides:watch', { roomId: room.id })).video).toEqual({
			block: 0,
			playing: false,
			hidden: false
		});
	});
});

describe('an attached video file', () => {
	it('is kept by content hash, typed from its own first bytes', async () => {
		const a = await storeVideoUpload(upload(webm()), 'talk.webm');
		expect(a).toMatchObject({
			ok: true,
			video: { type: 'video/webm', bytes: 64, name: 'talk.webm' }
		});
		const video = (a as { video: VideoInfo }).video;
		expect(readFileSync(videoPath(video)!)).toEqual(Buffer.from(webm()));
		const b = await storeVideoUpload(upload(mp4()), 'talk.mp4');
		expect(b).toMatchObject({ ok: true, video: { type: 'video/mp4' } });
		expect(videoPath({ hash: '../../etc/passwd', type: 'video/mp4' })).toBeNull();
	});

	it('refuses what is not a video, an empty file and one over the limit, leaving nothing behind', async () => {
		expect(
			await storeVideoUpload(upload(new Uint8Array(Buffer.from('%PDF-1.7 not a video'))), 'x.mp4')
		).toEqual({
			ok: false,
			status: 415,
			error:
				'That file is not an MP4 or WebM video. Save the talk as MP4 (H.264) or WebM and attach that file.'
		});
		expect(await storeVideoUpload(upload(new Uint8Array(0)), 'x.webm')).toEqual({
			ok: false,
			status: 400,
			error:
				'That file is empty (0 bytes). Check it opens on your computer, then choose the video again.'
		});
		const declared = await storeVideoUpload(
			upload(webm(), { 'content-length': String(MAX_VIDEO_BYTES + 1) }),
			'big.webm'
		);
		expect(declared).toMatchObject({ ok: false, status: 413 });
		expect((declared as { error: string }).error).toMatch(/^That video is over 300 MB\./);
		const dir = join(process.env.DATABASE_PATH!, '..', 'videos');
		expect(existsSync(dir) ? readdir(dir).filter((f) => f.endsWith('.tmp')) : []).toEqual([]);
	});
});
