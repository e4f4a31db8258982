import { and, asc, desc, eq } from 'drizzle-orm';
import { first } from './rooms';
import type { Q, Store } from './types';

// Who runs what: trainers as co-facilitators see them, and sessions' co-facilitators.

export interface Person {
	id: string;
	name: string;
	email: string;
}

const personOf = ({ trainers }: Store['t']) => ({
	id: trainers.id,
	name: trainers.name,
	email: trainers.email
});

export async function personById(s: Store, id: string): Promise<Person | undefined> {
	const { trainers } = s.t;
	return first(await s.db.select(personOf(s.t)).from(trainers).where(eq(trainers.id, id)).limit(1));
}

export async function personByEmail(s: Store, email: string): Promise<Person | undefined> {
	const { trainers } = s.t;
	return first(
		await s.db.select(personOf(s.t)).from(trainers).where(eq(trainers.email, email)).limit(1)
	);
}

/** A session's co-facilitators, first added first. */
export async function roomCoFacilitatorRows(s: Store, roomId: string) {
	const { roomTrainers, trainers } = s.t;
	return s.db
		.select({ ...personOf(s.t), addedAt: roomTrainers.addedAt })
		.from(roomTrainers)
		.innerJoin(trainers, eq(trainers.id, roomTrainers.trainerId))
		.where(eq(roomTrainers.roomId, roomId))
		.orderBy(asc(roomTrainers.addedAt), asc(trainers.name));
}

/** Adds a co-facilitator (inside the caller's transaction, if any); false if they already were one. */
export async function addRoomTrainer(
	s: Store,
	roomId: string,
	trainerId: string,
	now: number,
	db: Q = s.db
): Promise<boolean> {
	const { roomTrainers } = s.t;
	const added = await db
		.insert(roomTrainers)
		.values({ roomId, trainerId, addedAt: now })
		.onConflictDoNothing()
		.returning({ roomId: roomTrainers.roomId });
	return added.length > 0;
}

export async function removeRoomTrainer(s: Store, roomId: string, trainerId: string) {
	const { roomTrainers } = s.t;
	await s.db
		.delete(roomTrainers)
		.where(and(eq(roomTrainers.roomId, roomId), eq(roomTrainers.trainerId, trainerId)));
}

/** Sessions this trainer co-facilitates (not their own), newest first, with the owner's name. */
export async function coFacilitatedRooms(s: Store, trainerId: string, limit: number) {
	const { roomTrainers, rooms, trainers } = s.t;
	return s.db
		.select({
			id: rooms.id,
			code: rooms.code,
			title: rooms.title,
			status: rooms.status,
			createdAt: rooms.createdAt,
			ownerName: trainers.name
		})
		.from(roomTrainers)
		.innerJoin(rooms, eq(rooms.id, roomTrainers.roomId))
		.innerJoin(trainers, eq(trainers.id, rooms.trainerId))
		.where(eq(roomTrainers.trainerId, trainerId))
		.orderBy(desc(rooms.createdAt))
		.limit(limit);
}
