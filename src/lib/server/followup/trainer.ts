import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { rooms } from '../db/schema';
import { sessionOf, type SessionData } from '../exports/session';
import { isRoomTrainer } from '../rooms/access';
import { summarise } from './aggregate';
import { learnersOf } from './service';
import { followUpEnabled } from './store';

/**
 * The trainer's follow-up view: this session, and every session of the same agenda this trainer
 * may see, pooled (the same privacy threshold applies to the pool).
 */
export function trainerFollowUp(db: Db, data: SessionData, trainerId: string) {
	const here = learnersOf(db, data);
	const siblings = db
		.select()
		.from(rooms)
		.where(eq(rooms.agendaId, data.room.agendaId))
		.orderBy(desc(rooms.createdAt))
		.all()
		.filter((r) => isRoomTrainer(db, r, trainerId) && !r.dataDeletedAt);
	const pooled = siblings.map((r) =>
		r.id === data.room.id ? here : learnersOf(db, sessionOf(db, r))
	);
	return {
		enabled: followUpEnabled(db, data.room.id),
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
