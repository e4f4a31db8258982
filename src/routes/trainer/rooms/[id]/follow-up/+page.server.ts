import { fail } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { sessionForTrainer } from '$lib/server/exports/access';
import { setFollowUpEnabled } from '$lib/server/store/followup';
import { trainerFollowUp } from '$lib/server/followup/trainer';
import { joinAddress } from '$lib/server/public-url';
import { reachabilityWarning } from '$lib/server/followup/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const data = await sessionForTrainer(locals, params.id);
	return {
		title: data.room.title,
		status: data.room.status,
		deleted: !!data.deleted,
		warning: reachabilityWarning(joinAddress(url).base) ?? null,
		...(await trainerFollowUp(getStore(), data, locals.trainer!.id))
	};
};

export const actions: Actions = {
	/** Either of the session's trainers may switch it: it is part of running the session. */
	setEnabled: async ({ locals, params, request }) => {
		await sessionForTrainer(locals, params.id);
		const value = (await request.formData()).get('enabled');
		if (value !== 'yes' && value !== 'no')
			return fail(400, { error: 'Choose whether the follow-up is on or off.' });
		await setFollowUpEnabled(getStore(), params.id, value === 'yes');
		return { enabled: value === 'yes' };
	}
};
