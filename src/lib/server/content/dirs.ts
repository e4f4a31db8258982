import { join } from 'node:path';
import { appRoot } from '../paths';

/** `sessions/` beside the app; SESSIONS_DIR points elsewhere (tests, a trainer's own folder). */
export function sessionsDir(): string {
	return process.env.SESSIONS_DIR || join(appRoot(), 'sessions');
}

/** `activities/` beside the app; ACTIVITIES_DIR points elsewhere. */
export function activitiesDir(): string {
	return process.env.ACTIVITIES_DIR || join(appRoot(), 'activities');
}
