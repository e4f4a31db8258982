import { and, asc, desc, eq } from 'drizzle-orm';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { DeckInfo } from '$lib/shared/slides';
import type { AgendaRow } from '../db/schema';
import { first } from './rooms';
import type { Q, Store } from './types';

// Trainers' agenda copies, and who co-facilitates them.

export async function listCopies(s: Store, trainerId: string): Promise<AgendaRow[]> {
	const { agendas } = s.t;
	return s.db
		.select()
		.from(agendas)
		.where(eq(agendas.trainerId, trainerId))
		.orderBy(desc(agendas.updatedAt));
}

export async function agendaById(s: Store, id: string): Promise<AgendaRow | undefined> {
	const { agendas } = s.t;
	return first(await s.db.select().from(agendas).where(eq(agendas.id, id)).limit(1));
}

/** The agenda's owner, read inside the caller's transaction. */
export async function agendaOwnerId(s: Store, id: string, db: Q = s.db) {
	const { agendas } = s.t;
	const [row] = await db
		.select({ trainerId: agendas.trainerId })
		.from(agendas)
		.where(eq(agendas.id, id))
		.limit(1);
	return row?.trainerId;
}

export async function isAgendaCoFacilitator(
	s: Store,
	agendaId: string,
	trainerId: string
): Promise<boolean> {
	const { agendaTrainers } = s.t;
	const rows = await s.db
		.select({ agendaId: agendaTrainers.agendaId })
		.from(agendaTrainers)
		.where(and(eq(agendaTrainers.agendaId, agendaId), eq(agendaTrainers.trainerId, trainerId)))
		.limit(1);
	return rows.length > 0;
}

export async function insertAgenda(s: Store, row: AgendaRow): Promise<void> {
	await s.db.insert(s.t.agendas).values(row);
}

export async function updateAgendaPlan(
	s: Store,
	id: string,
	plan: AgendaPlan,
	now: number
): Promise<AgendaRow | undefined> {
	const { agendas } = s.t;
	const [changed] = await s.db
		.update(agendas)
		.set({
			title: plan.title,
			summary: plan.summary ?? null,
			start: plan.start,
			blocks: plan.blocks,
			kit: plan.kit ?? null,
			updatedAt: now
		})
		.where(eq(agendas.id, id))
		.returning();
	return changed;
}

/** Deletes a copy if this trainer owns it; whether it did. */
export async function deleteOwnAgenda(s: Store, id: string, trainerId: string): Promise<boolean> {
	const { agendas } = s.t;
	const gone = await s.db
		.delete(agendas)
		.where(and(eq(agendas.id, id), eq(agendas.trainerId, trainerId)))
		.returning({ id: agendas.id });
	return gone.length > 0;
}

export async function setAgendaDeckRow(
	s: Store,
	id: string,
	deck: DeckInfo | null,
	now: number
): Promise<void> {
	const { agendas } = s.t;
	await s.db.update(agendas).set({ deck, updatedAt: now }).where(eq(agendas.id, id));
}

/** Agendas shared with this trainer, newest first, with the owner's name. */
export async function sharedAgendaRows(s: Store, trainerId: string) {
	const { agendaTrainers, agendas, trainers } = s.t;
	return s.db
		.select({ agenda: agendas, ownerName: trainers.name })
		.from(agendaTrainers)
		.innerJoin(agendas, eq(agendas.id, agendaTrainers.agendaId))
		.innerJoin(trainers, eq(trainers.id, agendas.trainerId))
		.where(eq(agendaTrainers.trainerId, trainerId))
		.orderBy(desc(agendas.updatedAt));
}

export type CoFacilitatorRow = { id: string; name: string; email: string; addedAt: number };

/** An agenda's co-facilitators, first added first (inside the caller's transaction, if any). */
export async function agendaCoFacilitatorRows(
	s: Store,
	agendaId: string,
	db: Q = s.db
): Promise<CoFacilitatorRow[]> {
	const { agendaTrainers, trainers } = s.t;
	return db
		.select({
			id: trainers.id,
			name: trainers.name,
			email: trainers.email,
			addedAt: agendaTrainers.addedAt
		})
		.from(agendaTrainers)
		.innerJoin(trainers, eq(trainers.id, agendaTrainers.trainerId))
		.where(eq(agendaTrainers.agendaId, agendaId))
		.orderBy(asc(agendaTrainers.addedAt), asc(trainers.name));
}

/** Adds a co-facilitator; false if they already were one (the primary key decides a race). */
export async function addAgendaTrainer(
	s: Store,
	agendaId: string,
	trainerId: string,
	now: number
): Promise<boolean> {
	const { agendaTrainers } = s.t;
	const added = await s.db
		.insert(agendaTrainers)
		.values({ agendaId, trainerId, addedAt: now })
		.onConflictDoNothing()
		.returning({ agendaId: agendaTrainers.agendaId });
	return added.length > 0;
}

export async function removeAgendaTrainer(
	s: Store,
	agendaId: string,
	trainerId: string
): Promise<void> {
	const { agendaTrainers } = s.t;
	await s.db
		.delete(agendaTrainers)
		.where(and(eq(agendaTrainers.agendaId, agendaId), eq(agendaTrainers.trainerId, trainerId)));
}
