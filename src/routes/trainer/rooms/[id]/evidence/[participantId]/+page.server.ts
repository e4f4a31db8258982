import { error } from '@sveltejs/kit';
import { roomOfTrainer, valueInWorker } from '$lib/server/exports/access';
import { sharesWithTrainer } from '$lib/server/store/followup';
import type { PageServerLoad } from './$types';

// Built in the export pool's worker thread (exports/pool.ts): the pack replays the whole session.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	if (room.dataDeletedAt !== null)
		error(410, 'Participant data for this session was deleted, so there are no evidence packs.');
	const pack = await valueInWorker(
		db,
		{
			kind: 'pack',
			roomId: room.id,
			participantId: params.participantId,
			// The trainer sees a learner's check-ins only if the learner chose to share them.
			followUp: await sharesWithTrainer(db, params.participantId),
			now: Date.now()
		},
		'The evidence pack'
	);
	if (!pack) error(404, 'That person is not part of this session.');
	return { pack };
};
