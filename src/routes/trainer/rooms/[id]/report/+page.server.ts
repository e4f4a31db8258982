import { fail } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { reportInWorker, roomOfTrainer, sessionForTrainer } from '$lib/server/exports/access';
import {
	dataSummary,
	deleteParticipantData,
	purgeDate,
	retentionDays
} from '$lib/server/exports/data-care';
import { sessionSummary } from '$lib/server/followup/service';
import { extendsRetention, roomFollowUp } from '$lib/server/store/followup';
import type { Actions, PageServerLoad } from './$types';

// The report's data is built in a worker thread (exports/pool.ts), like the downloads: a large
// session replayed here would stall every live room on the server.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	const days = retentionDays();
	const deleted = room.dataDeletedAt !== null;
	return {
		report: await reportInWorker(db, room.id),
		isOwner: room.trainerId === locals.trainer!.id,
		// Follow-up needs the learners' goals as written on the day, so a replay on this thread, done
		// only for the few sessions where someone opted in.
		followUp:
			deleted || !(await roomFollowUp(db, room.id)).optIns.length
				? null
				: await sessionSummary(db, await sessionForTrainer(locals, params.id)),
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
		const data = await sessionForTrainer(locals, params.id);
		const form = await request.formData();
		if (data.owner.id !== locals.trainer!.id)
			return fail(403, {
				deleteError: 'Only the trainer who owns this session can delete its participant data.'
			});
		if (data.room.status === 'open')
			return fail(409, {
				deleteError: 'Close the session first: phones are still connected to it.'
			});
		if (data.deleted)
			return fail(409, { deleteError: 'The participant data was already deleted.' });
		if (form.get('confirm') !== 'yes')
			return fail(400, {
				deleteError: 'Tick the box to confirm you want to delete the participant data.'
			});
		const removed = await deleteParticipantData(getStore(), params.id, locals.trainer!.name);
		return { deleted: removed };
	}
};
