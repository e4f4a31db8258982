import type { PlanBlock } from './agenda';

/**
 * The talk in a video block (issue 13, item 10): an embedded YouTube link where the venue has
 * internet, or a video file attached to the agenda like the deck, for venues without.
 */

/** An attached video file: kept under data/videos/ by content hash, like decks. */
export interface VideoInfo {
	hash: string;
	bytes: number;
	name: string;
	type: 'video/mp4' | 'video/webm';
}

/** Big enough for a 20-minute talk at 720p; refused before the body is read when declared bigger. */
export const MAX_VIDEO_BYTES = 300 * 1024 * 1024;

/** The only hosts the projector may frame (the CSP's frame-src names these and nothing else). */
export const VIDEO_EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://www.youtube.com'];

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * A YouTube address (watch?v=, youtu.be/, /embed/, /shorts/, /live/) as a privacy-enhanced embed
 * that takes play/pause by postMessage (enablejsapi=1); null for anything else.
 */
export function youtubeEmbed(raw: string): string | null {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	const host = url.hostname.replace(/^(www\.|m\.)/, '');
	let id: string | null = null;
	if (host === 'youtu.be') id = url.pathname.slice(1).split('/')[0] ?? null;
	else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
		const [first, second] = url.pathname.split('/').filter(Boolean);
		if (first === 'watch') id = url.searchParams.get('v');
		else if (first === 'embed' || first === 'shorts' || first === 'live') id = second ?? null;
	}
	if (!id || !YOUTUBE_ID.test(id)) return null;
	return `https://www.youtube-nocookie.com/embed/${id}?enablejsapi=1&rel=0&playsinline=1`;
}

export type VideoSource = { kind: 'file'; video: VideoInfo } | { kind: 'embed'; url: string };

/**
 * What a video block plays: the attached file when there is one (it needs no internet), else the
 * block's first YouTube link. Null for other kinds of block and for a video block with neither.
 */
export function blockVideo(
	block: Pick<PlanBlock, 'kind' | 'resources'> | undefined,
	attached: VideoInfo | null
): VideoSource | null {
	if (block?.kind !== 'video') return null;
	if (attached) return { kind: 'file', video: attached };
	for (const link of block.resources?.links ?? []) {
		const url = youtubeEmbed(link.url);
		if (url) return { kind: 'embed', url };
	}
	return null;
}

/** Play, pause and whether the video or the block's slides hold the screen; reset with each block. */
export interface VideoState {
	block: number;
	playing: boolean;
	/** The trainer moved on to the block's slides (→), or asked for them on the remote. */
	hidden: boolean;
}

export const videoStateFor = (state: VideoState | undefined, block: number): VideoState =>
	state && state.block === block ? state : { block, playing: false, hidden: false };

/** Where an embed's talk plays on YouTube itself, to type on another device: youtube.com/watch?v=…. */
export function youtubeWatchAddress(embedUrl: string): string {
	const id = new URL(embedUrl).pathname.split('/').at(-1) ?? '';
	return `youtube.com/watch?v=${id}`;
}
