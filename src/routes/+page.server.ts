import { trainerCount } from '$lib/server/auth/trainers';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	trainerName: locals.trainer?.name ?? null,
	firstRun: trainerCount(getDb()) === 0
});
