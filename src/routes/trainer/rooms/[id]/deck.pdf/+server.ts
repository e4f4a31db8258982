import { readFile } from 'node:fs/promises';
import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { deckPath } from '$lib/server/decks/files';
import { roomForTrainer } from '$lib/server/rooms/access';
import type { RequestHandler } from './$types';

/** The session's deck, to its owner and co-facilitators only; anyone else gets "not found". */
export const GET: RequestHandler = async ({ params, locals }) => {
	const room = await roomForTrainer(getStore(), params.id, locals.trainer!.id);
	if (!room) error(404, 'No such session among yours.');
	const path = room.deck && deckPath(room.deck.hash);
	if (!path) error(404, 'This session has no slides.');
	return new Response(new Uint8Array(await readFile(path)), {
		headers: {
			'content-type': 'application/pdf',
			// The URL carries the hash (?v=), so the browser may keep it; private: never a shared cache.
			'cache-control': 'private, max-age=86400, immutable',
			'content-disposition': 'inline; filename="deck.pdf"'
		}
	});
};
