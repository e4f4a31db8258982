import type { Room } from '../db/schema';
import type { Store } from '../store';
import { getRoom, isRoomCoFacilitator } from '../store/rooms';

/**
 * Who may run, see and export a session: its owner and its co-facilitators, nobody else. Every
 * trainer route and export goes through here, so sharing a session is one table, checked in one place.
 */
export async function isRoomTrainer(
	s: Store,
	room: Pick<Room, 'id' | 'trainerId'>,
	trainerId: string
): Promise<boolean> {
	if (room.trainerId === trainerId) return true;
	return isRoomCoFacilitator(s, room.id, trainerId);
}

/** The room if this trainer may use it; a stranger's room answers exactly like a missing one. */
export async function roomForTrainer(
	s: Store,
	roomId: string,
	trainerId: string
): Promise<Room | undefined> {
	const room = await getRoom(s, roomId);
	return room && (await isRoomTrainer(s, room, trainerId)) ? room : undefined;
}
