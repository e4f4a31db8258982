import { eq } from 'drizzle-orm';
import type { DeckInfo } from '$lib/shared/slides';
import { getCopy } from '../agendas/library';
import type { Store } from '../store';

/** Attaches (or with null, removes) a copy's deck. Only its owner and co-facilitators: anyone else finds nothing. */
export async function setAgendaDeck(
	s: Store,
	agendaId: string,
	trainerId: string,
	deck: DeckInfo | null,
	now = Date.now()
): Promise<boolean> {
	if (!(await getCopy(s, agendaId, trainerId))) return false;
	const { agendas } = s.t;
	await s.db.update(agendas).set({ deck, updatedAt: now }).where(eq(agendas.id, agendaId));
	return true;
}
