import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { currentRealtime } from '$lib/server/realtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.session) {
			invalidateSession(getDb(), locals.session.id);
			currentRealtime()?.endSession(locals.session.id);
		}
		clearSessionCookie(cookies);
		redirect(303, '/login');
	}
};
