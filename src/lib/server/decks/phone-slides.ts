import { phoneSlide } from '$lib/shared/slides';
import type { Store } from '../store';
import { findParticipantBySeat, getRoom } from '../store/rooms';
import { hashToken } from '../tokens';

export type PhoneSlideAccess =
	{ ok: true; hash: string; page: number } | { ok: false; status: number; error: string };

/**
 * Whether a phone may see page `page` of its session's deck: it holds a seat (the seat token names
 * the room, so another room's phone can only ever ask about its own), the session is open, the
 * trainer lets phones follow, and the page is on the projector now or was shown earlier in the
 * session (a phone a step behind still gets the slide it was told about; slides not yet shown stay private).
 */
export async function phoneSlideAccess(
	s: Store,
	seatToken: string,
	page: number
): Promise<PhoneSlideAccess> {
	const seat = await findParticipantBySeat(s, hashToken(seatToken));
	if (!seat || seat.removedAt !== null)
		return {
			ok: false,
			status: 404,
			error: 'This phone has no seat in a session. Join with the code first.'
		};
	const room = await getRoom(s, seat.roomId);
	if (!room || room.status !== 'open' || !room.deck)
		return { ok: false, status: 404, error: 'This session has no slides to show.' };
	if (room.slides.follow !== true)
		return {
			ok: false,
			status: 403,
			error: 'The trainer is not sharing the slides with phones now.'
		};
	const now = phoneSlide(room.agenda, room.run, room.deck, room.slides);
	const shown = now?.page === page || room.slides.log.some((entry) => entry.page === page);
	if (!shown) return { ok: false, status: 403, error: 'That slide has not been shown yet.' };
	return { ok: true, hash: room.deck.hash, page };
}
