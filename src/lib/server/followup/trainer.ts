import { sessionOf, type SessionData } from '../exports/session';
import { isRoomTrainer } from '../rooms/access';
import type { Store } from '../store';
import { followUpEnabled } from '../store/followup';
import { roomsOfAgenda } from '../store/exports';
import { summarise } from './aggregate';
import { learnersOf } from './service';

/**
 * The trainer's follow-up view: this session, and every session of the same agenda this trainer
 * may see, pooled (the same privacy threshold applies to the pool).
 */
export async function trainerFollowUp(s: Store, data: SessionData, trainerId: string) {
	const here = await learnersOf(s, data);
	const siblings = [];
	for (const r of await roomsOfAgenda(s, data.room.agendaId))
		if (!r.dataDeletedAt && (await isRoomTrainer(s, r, trainerId))) siblings.push(r);
	const pooled = [];
	for (const r of siblings)
		pooled.push(r.id === data.room.id ? here : await learnersOf(s, await sessionOf(s, r)));
	return {
		enabled: await followUpEnabled(s, data.room.id),
		session: summarise(here.learners, here.answers),
		agenda:
			siblings.length > 1
				? {
						sessions: siblings.length,
						summary: summarise(
							pooled.flatMap((p) => p.learners),
							pooled.flatMap((p) => p.answers)
						)
					}
				: null
	};
}
