import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { videoPath } from '$lib/server/decks/videos';
import { roomForTrainer } from '$lib/server/rooms/access';
import type { RequestHandler } from './$types';

/**
 * The session's video file, to its owner and co-facilitators only. Streamed from disk with byte
 * ranges, as a browser's video player asks for them (to start at once and to seek).
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	const room = await roomForTrainer(getStore(), params.id, locals.trainer!.id);
	if (!room) error(404, 'No such session among yours.');
	const path = room.video && videoPath(room.video);
	if (!room.video || !path) error(404, 'This session has no video file.');
	const size = statSync(path).size;
	const headers: Record<string, string> = {
		'content-type': room.video.type,
		'accept-ranges': 'bytes',
		'cache-control': 'private, max-age=86400, immutable'
	};
	const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
	if (!range || (range[1] === '' && range[2] === '')) {
		const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
		return new Response(body, { headers: { ...headers, 'content-length': String(size) } });
	}
	// "bytes=500-" from 500 on, "bytes=-500" the last 500, "bytes=0-99" the first 100.
	let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
	let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
	if (start >= size || start > end)
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'content-range': `bytes */${size}` }
		});
	start = Math.max(0, start);
	end = Math.max(start, end);
	const body = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
	return new Response(body, {
		status: 206,
		headers: {
			...headers,
			'content-length': String(end - start + 1),
			'content-range': `bytes ${start}-${end}/${size}`
		}
	});
};
