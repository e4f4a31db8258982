import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { roomTrainers, rooms, type Room } from '../db/schema';

/**
 * Who may run, see and export a session: its owner and its co-facilitators, nobody else. Every
 * trainer route and export goes through here, so sharing a session is one table, checked in one place.
 */
export function isRoomTrainer(
	db: Db,
	room: Pick<Room, 'id' | 'trainerId'>,
	trainerId: string
): boolean {
	if (room.trainerId === trainerId) return true;
	return !!db
		.select({ roomId: roomTrainers.roomId })
		.from(roomTrainers)
		.where(and(eq(roomTrainers.roomId, room.id), eq(roomTrainers.trainerId, trainerId)))
		.get();
}

/** The room if this trainer may use it; a stranger's room answers exactly like a missing one. */
export function roomForTrainer(db: Db, roomId: string, trainerId: string): Room | undefined {
	const room = db.select().from(rooms).where(eq(rooms.id, roomId)).get();
	return room && isRoomTrainer(db, room, trainerId) ? room : undefined;
}

/** The co-facilitators' trainer ids (not the owner), for the live room's trainer set. */
export function coFacilitatorIds(db: Db, roomId: string): string[] {
	return db
		.select({ trainerId: roomTrainers.trainerId })
		.from(roomTrainers)
		.where(eq(roomTrainers.roomId, roomId))
		.all()
		.map((r) => r.trainerId);
}
