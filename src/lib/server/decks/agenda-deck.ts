import type { DeckInfo } from '$lib/shared/slides';
import { getCopy } from '../agendas/library';
import type { Store } from '../store';
import { setAgendaDeckRow } from '../store/agendas';

/** Attaches (or with null, removes) a copy's deck. Only its owner and co-facilitators: anyone else finds nothing. */
export async function setAgendaDeck(
	s: Store,
	agendaId: string,
	trainerId: string,
	deck: DeckInfo | null,
	now = Date.now()
): Promise<boolean> {
	if (!(await getCopy(s, agendaId, trainerId))) return false;
	await setAgendaDeckRow(s, agendaId, deck, now);
	return true;
}
