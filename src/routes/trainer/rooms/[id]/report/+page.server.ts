import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { sessionForTrainer } from '$lib/server/exports/access';
import {
	dataSummary,
	deleteParticipantData,
	purgeDate,
	retentionDays
} from '$lib/server/exports/data-care';
import { reportView } from '$lib/server/exports/report';
import { sessionSummary } from '$lib/server/followup/service';
import { extendsRetention } from '$lib/server/followup/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const data = sessionForTrainer(locals, params.id);
	const days = retentionDays();
	return {
		report: reportView(data),
		isOwner: data.owner.id === locals.trainer!.id,
		followUp: data.deleted ? null : sessionSummary(getDb(), data),
		summary: data.deleted ? null : dataSummary(getDb(), params.id),
		retention:
			days === null || data.deleted
				? null
				: { days, purgeAt: purgeDate(data.room, days, extendsRetention(getDb(), data.room.id)) }
	};
};

export const actions: Actions = {
	/** Deleting people's answers is the owner's decision alone, and only once the session is closed. */
	deleteData: async ({ locals, params, request }) => {
		const data = sessionForTrainer(locals, params.id);
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
		const removed = deleteParticipantData(getDb(), params.id, locals.trainer!.name);
		return { deleted: removed };
	}
};
