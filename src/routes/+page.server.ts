import { trainerCount } from '$lib/server/auth/trainers';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	trainerName: locals.trainer?.name ?? null,
	firstRun: (await trainerCount(getStore())) === 0
});
