import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getStore } from '$lib/server/store';
import { liveRooms, phoneSlideAccess } from '$lib/server/decks/phone-slides';
import { currentRealtime } from '$lib/server/realtime';
import { slideImage } from '$lib/server/decks/slide-images';
import { MAX_DECK_PAGES } from '$lib/shared/slides';
import type { RequestHandler } from './$types';

const body = z.object({
	seatToken: z.string().min(16).max(200),
	page: z.number().int().min(1).max(MAX_DECK_PAGES)
});

/**
 * The slide a following phone shows, as a picture. The phone proves its seat with its token in the
 * body (never in a URL, like /api/pack), so the picture goes to that room's seated phones only.
 */
export const POST: RequestHandler = async ({ request }) => {
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'Ask for a slide with this phone’s seat and a page number.');
	// A room this process runs is read from the engine: following phones ask once per slide each.
	const live = liveRooms(currentRealtime()?.engine);
	const access = await phoneSlideAccess(getStore(), parsed.data.seatToken, parsed.data.page, live);
	if (!access.ok) error(access.status, access.error);
	let bytes: Uint8Array | null;
	try {
		bytes = await slideImage(access.hash, access.page);
	} catch {
		error(500, 'This slide could not be drawn for phones. The projector still shows it.');
	}
	if (!bytes) error(404, 'This session has no slides to show.');
	return new Response(new Uint8Array(bytes), {
		headers: { 'content-type': 'image/webp', 'cache-control': 'private, no-store' }
	});
};
