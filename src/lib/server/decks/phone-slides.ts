import { phoneSlide, type DeckInfo, type SlideState } from '$lib/shared/slides';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { RunState } from '$lib/shared/run';
import type { RoomEngine } from '../rooms/engine';
import type { Store } from '../store';
import { findParticipantBySeat, getRoom } from '../store/rooms';
import { hashToken } from '../tokens';

export type PhoneSlideAccess =
	{ ok: true; hash: string; page: number } | { ok: false; status: number; error: string };

/** What the check needs of a room: the running engine's copy, or the stored row. */
interface RoomNow {
	status: 'open' | 'closed';
	deck: DeckInfo | null;
	slides: SlideState;
	agenda: AgendaPlan;
	run: RunState;
}

/** The engine's side, when this process runs the room: who is seated and where its deck is now. */
export interface LiveRooms {
	/** The room as the engine holds it, if it runs here; `seated` says whether the seat is still in it. */
	room(roomId: string, participantId: string): { room: RoomNow; seated: boolean } | undefined;
}

/** The running engine's rooms as the check reads them (none when this process runs no sockets). */
export function liveRooms(engine: RoomEngine | undefined): LiveRooms | undefined {
	if (!engine) return undefined;
	return {
		room(roomId, participantId) {
			const room = engine.runsHere(roomId) ? engine.room(roomId) : undefined;
			if (!room) return undefined;
			const { status, deck, slides, plan: agenda, run } = room;
			return { room: { status, deck, slides, agenda, run }, seated: !!room.seat(participantId) };
		}
	};
}

/**
 * Seat token → seat, for the phones that follow the slides: each asks once per slide, and a seat
 * never moves to another room. Only the lookup is kept: whether the seat is still in the room is
 * asked of the engine (or the store) every time.
 */
const seats = new Map<string, { id: string; roomId: string }>();
const MAX_SEATS = 20_000;

/**
 * Whether a phone may see page `page` of its session's deck: it holds a seat (the seat token names
 * the room, so another room's phone can only ever ask about its own), the session is open, the
 * trainer lets phones follow, and the page is on the projector now or was shown earlier in the
 * session (a phone a step behind still gets the slide it was told about; slides not yet shown stay private).
 * A room this process runs is read from the engine's memory (a following room asks once per phone
 * per slide); otherwise from the store.
 */
export async function phoneSlideAccess(
	s: Store,
	seatToken: string,
	page: number,
	live?: LiveRooms
): Promise<PhoneSlideAccess> {
	const hash = hashToken(seatToken);
	let seat = seats.get(hash);
	/** Whether the seat is still in its room, once something current has said so. */
	let standing: boolean | undefined;
	if (!seat) {
		const row = await findParticipantBySeat(s, hash);
		if (row) {
			seat = { id: row.id, roomId: row.roomId };
			standing = row.removedAt === null;
			if (standing) {
				if (seats.size >= MAX_SEATS) seats.delete(seats.keys().next().value!);
				seats.set(hash, seat);
			}
		}
	}
	const running = seat ? live?.room(seat.roomId, seat.id) : undefined;
	if (running) standing = running.seated;
	else if (seat && standing === undefined) {
		// Not running here (another node, or not loaded): the store says whether the seat stands.
		const row = await findParticipantBySeat(s, hash);
		standing = !!row && row.removedAt === null;
	}
	if (!seat || !standing)
		return {
			ok: false,
			status: 404,
			error: 'This phone has no seat in a session. Join with the code first.'
		};
	let room: RoomNow | undefined = running?.room;
	if (!running) {
		const stored = await getRoom(s, seat.roomId);
		room = stored && { ...stored, deck: stored.deck ?? null };
	}
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
