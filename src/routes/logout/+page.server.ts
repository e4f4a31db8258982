import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getStore } from '$lib/server/store';
import { currentRealtime } from '$lib/server/realtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.session) {
			await invalidateSession(getStore(), locals.session.id);
			currentRealtime()?.endSession(locals.session.id);
		}
		clearSessionCookie(cookies);
		redirect(303, '/login');
	}
};
