import { fail } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { roomOfTrainer, valueInWorker } from '$lib/server/exports/access';
import {
	dataSummary,
	deleteParticipantData,
	purgeDate,
	retentionDays
} from '$lib/server/exports/data-care';
import { extendsRetention } from '$lib/server/store/followup';
import type { Actions, PageServerLoad } from './$types';

// The report's data, and the follow-up summary when someone opted in (it needs the learners' goals
// as written on the day), are built in the export pool's worker thread (exports/pool.ts), like the
// downloads: a large session replayed here would stall every live room on the server.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	const days = retentionDays();
	const deleted = room.dataDeletedAt !== null;
	const { report, followUp } = await valueInWorker(
		db,
		{ kind: 'report', roomId: room.id, followUp: !deleted },
		'The report'
	);
	return {
		report,
		isOwner: room.trainerId === locals.trainer!.id,
		followUp,
		summary: deleted ? null : await dataSummary(db, room.id),
		retention:
			days === null || deleted
				? null
				: { days, purgeAt: purgeDate(room, days, await extendsRetention(db, room.id)) }
	};
};

export const actions: Actions = {
	/** Deleting people's answers is the owner's decision alone, and only once the session is closed. */
	deleteData: async ({ locals, params, request }) => {
		// The room row says all the checks need: no replay of the session here.
		const { room } = await roomOfTrainer(locals, params.id);
		const form = await request.formData();
		if (room.trainerId !== locals.trainer!.id)
			return fail(403, {
				deleteError: 'Only the trainer who owns this session can delete its participant data.'
			});
		if (room.status === 'open')
			return fail(409, {
				deleteError: 'Close the session first: phones are still connected to it.'
			});
		if (room.dataDeletedAt !== null)
			return fail(409, { deleteError: 'The participant data was already deleted.' });
		if (form.get('confirm') !== 'yes')
			return fail(400, {
				deleteError: 'Tick the box to confirm you want to delete the participant data.'
			});
		const removed = await deleteParticipantData(getStore(), params.id, locals.trainer!.name);
		return { deleted: removed };
	}
};
