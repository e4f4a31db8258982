import { isRoomCode, normaliseRoomCode } from '$lib/shared/room-code';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	const code = normaliseRoomCode(params.code);
	const valid = isRoomCode(code);
	return { code: valid ? code : '', badLink: !valid };
};
