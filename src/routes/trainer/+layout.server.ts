import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The hooks guard has already sent anyone without a session to /login; this is the second lock,
// so a trainer page can never run without a trainer whatever spelling of its path slipped past.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.trainer) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { trainer: locals.trainer };
};
