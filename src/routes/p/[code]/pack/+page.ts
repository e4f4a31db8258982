import { error } from '@sveltejs/kit';
import { isRoomCode, normaliseRoomCode } from '$lib/shared/room-code';
import type { PageLoad } from './$types';

// The seat token lives on the phone, so the pack is fetched from the browser.
export const ssr = false;

export const load: PageLoad = ({ params }) => {
	const code = normaliseRoomCode(params.code);
	if (!isRoomCode(code)) error(404, 'That is not a room code.');
	return { code };
};
