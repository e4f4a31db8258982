import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { MAX_VIDEO_BYTES, type VideoInfo } from '$lib/shared/video';
import { getCopy } from '../agendas/library';
import type { Store } from '../store';
import { cleanDeckName, decksDir, emptyFile } from './files';

/** Videos live beside the decks (data/videos/<sha256>.<ext>): one copy per content. */
export function videosDir(): string {
	return join(decksDir(), '..', 'videos');
}

const HASH = /^[0-9a-f]{64}$/;
const EXT = { 'video/mp4': 'mp4', 'video/webm': 'webm' } as const;

/** The file of a stored video, or null for anything that is not one (never a path from outside). */
export function videoPath(video: Pick<VideoInfo, 'hash' | 'type'>): string | null {
	if (!HASH.test(video.hash) || !(video.type in EXT)) return null;
	const path = join(videosDir(), `${video.hash}.${EXT[video.type]}`);
	return existsSync(path) ? path : null;
}

const tooBig = () =>
	`That video is over ${MAX_VIDEO_BYTES / 1024 / 1024} MB. Export it at 720p (most editors: File › Export › 720p) and attach it again.`;
const NOT_VIDEO =
	'That file is not an MP4 or WebM video. Save the talk as MP4 (H.264) or WebM and attach that file.';

/** MP4 says "ftyp" at byte 4; WebM (Matroska) starts with its EBML magic. The name and header are not trusted. */
function sniff(head: Uint8Array): VideoInfo['type'] | null {
	if (head.length >= 12 && Buffer.from(head.subarray(4, 8)).toString('latin1') === 'ftyp')
		return 'video/mp4';
	if (
		head.length >= 4 &&
		head[0] === 0x1a &&
		head[1] === 0x45 &&
		head[2] === 0xdf &&
		head[3] === 0xa3
	)
		return 'video/webm';
	return null;
}

export type VideoUpload =
	{ ok: true; video: VideoInfo } | { ok: false; status: number; error: string };

/**
 * Streams an upload to disk while hashing it, never holding it in memory: a declared size over the
 * limit is refused before a byte is read, a stream that grows past it is dropped, and the type is
 * read from the first bytes. Written to a temporary name first, so no half file is ever named.
 */
export async function storeVideoUpload(request: Request, name: string): Promise<VideoUpload> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > MAX_VIDEO_BYTES)
		return { ok: false, status: 413, error: tooBig() };
	if (declared === 0) return { ok: false, status: 400, error: emptyFile('video') };
	if (!request.body)
		return { ok: false, status: 400, error: 'No file arrived. Choose a video and try again.' };
	const dir = videosDir();
	mkdirSync(dir, { recursive: true });
	const tmp = join(
		dir,
		`upload.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`
	);
	const out = createWriteStream(tmp);
	const hash = createHash('sha256');
	const reader = request.body.getReader();
	let total = 0;
	let type: VideoInfo['type'] | null = null;
	const fail = async (status: number, error: string): Promise<VideoUpload> => {
		await new Promise((resolve) => out.end(resolve));
		rmSync(tmp, { force: true });
		return { ok: false, status, error };
	};
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (total === 0) {
			type = sniff(value);
			if (!type) {
				reader.releaseLock();
				return fail(415, NOT_VIDEO);
			}
		}
		total += value.byteLength;
		if (total > MAX_VIDEO_BYTES) {
			// As with decks: stop reading without cancelling, so the answer still reaches the sender.
			reader.releaseLock();
			return fail(413, tooBig());
		}
		hash.update(value);
		if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	}
	if (total === 0 || !type) return fail(400, emptyFile('video'));
	await new Promise((resolve, reject) =>
		out.end((err?: Error | null) => (err ? reject(err) : resolve(null)))
	);
	const digest = hash.digest('hex');
	const path = join(dir, `${digest}.${EXT[type]}`);
	if (existsSync(path)) rmSync(tmp, { force: true });
	else renameSync(tmp, path);
	return { ok: true, video: { hash: digest, bytes: total, name: cleanDeckName(name), type } };
}

/** Attaches (or with null, removes) a copy's video. Only its owner and co-facilitators: anyone else finds nothing. */
export async function setAgendaVideo(
	s: Store,
	agendaId: string,
	trainerId: string,
	video: VideoInfo | null,
	now = Date.now()
): Promise<boolean> {
	if (!(await getCopy(s, agendaId, trainerId))) return false;
	const { agendas } = s.t;
	await s.db.update(agendas).set({ video, updatedAt: now }).where(eq(agendas.id, agendaId));
	return true;
}
