import { isRoomCode, normaliseRoomCode } from '$lib/shared/room-code';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	const code = normaliseRoomCode(params.code);
	return { code: isRoomCode(code) ? code : '' };
};
