import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { followUpLink, remindersIcs } from '$lib/server/followup/service';
import { findByToken } from '$lib/server/store/followup';
import { joinAddress } from '$lib/server/public-url';
import type { RequestHandler } from './$types';

/** The two reminders as a calendar file; the token in the path opens its own learner's file only. */
export const GET: RequestHandler = async ({ params, url }) => {
	const holder = await findByToken(getStore(), params.token);
	if (!holder) error(404, 'Not found.');
	const ics = remindersIcs(holder, followUpLink(joinAddress(url).base, params.token));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="workshop-follow-up.ics"',
			'cache-control': 'no-store'
		}
	});
};
