import { count, eq } from 'drizzle-orm';
import type { Trainer } from '../db/schema';
import { first } from './rooms';
import type { Store } from './types';

// Trainer accounts and their sign-in sessions.

export async function trainerCount(s: Store): Promise<number> {
	const rows = await s.db.select({ n: count() }).from(s.t.trainers);
	return rows[0]?.n ?? 0;
}

export async function findTrainerByEmail(s: Store, email: string): Promise<Trainer | undefined> {
	const { trainers } = s.t;
	return first(await s.db.select().from(trainers).where(eq(trainers.email, email)).limit(1));
}

export async function insertTrainer(s: Store, row: Trainer): Promise<void> {
	await s.db.insert(s.t.trainers).values(row);
}

export async function insertSession(
	s: Store,
	row: { id: string; trainerId: string; expiresAt: number }
): Promise<void> {
	await s.db.insert(s.t.authSessions).values(row);
}

/** A session with its trainer's name and email, by the session's id (the token's hash). */
export async function sessionWithTrainer(s: Store, id: string) {
	const { authSessions, trainers } = s.t;
	return first(
		await s.db
			.select({
				id: authSessions.id,
				trainerId: authSessions.trainerId,
				expiresAt: authSessions.expiresAt,
				email: trainers.email,
				name: trainers.name
			})
			.from(authSessions)
			.innerJoin(trainers, eq(trainers.id, authSessions.trainerId))
			.where(eq(authSessions.id, id))
			.limit(1)
	);
}

export async function deleteSession(s: Store, id: string): Promise<void> {
	await s.db.delete(s.t.authSessions).where(eq(s.t.authSessions.id, id));
}

export async function extendSession(s: Store, id: string, expiresAt: number): Promise<void> {
	await s.db.update(s.t.authSessions).set({ expiresAt }).where(eq(s.t.authSessions.id, id));
}
