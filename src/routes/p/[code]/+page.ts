import { error } from '@sveltejs/kit';
import { isRoomCode, normaliseRoomCode } from '$lib/shared/room-code';
import type { PageLoad } from './$types';

// The live page is all client state (the seat token lives on the phone), so it skips server rendering.
export const ssr = false;

export const load: PageLoad = ({ params }) => {
	const code = normaliseRoomCode(params.code);
	if (!isRoomCode(code)) error(404, 'That is not a room code. Check the code on the screen.');
	return { code };
};
