import { eq } from 'drizzle-orm';
import type { DeckInfo } from '$lib/shared/slides';
import { getCopy } from '../agendas/library';
import type { Db } from '../db';
import { agendas } from '../db/schema';

/** Attaches (or with null, removes) a copy's deck. Only its owner and co-facilitators: anyone else finds nothing. */
export function setAgendaDeck(
	db: Db,
	agendaId: string,
	trainerId: string,
	deck: DeckInfo | null,
	now = Date.now()
): boolean {
	if (!getCopy(db, agendaId, trainerId)) return false;
	db.update(agendas).set({ deck, updatedAt: now }).where(eq(agendas.id, agendaId)).run();
	return true;
}
