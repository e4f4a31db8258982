import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { isTrainerRequest } from '$lib/server/auth/guard';
import { clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { getAgendaLibrary } from '$lib/server/content';
import { initStore } from '$lib/server/store';
import { startRetention } from '$lib/server/exports/data-care';
import { startCluster } from '$lib/server/cluster';
import { attachRealtime, currentRealtime, productionHttpServer } from '$lib/server/realtime';
import { SECURITY_HEADERS } from '$lib/server/security-headers';
import { describeStartup } from '$lib/server/startup';

/** Production: the server entry created the HTTP server before importing us; socket.io joins it here. */
export const init: ServerInit = async () => {
	if (building) return;
	const store = await initStore();
	getAgendaLibrary();
	// Organisation mode: a live room is closed by the node running it; elsewhere the database update does it.
	startRetention(store, async (roomId) => {
		const engine = currentRealtime()?.engine;
		if (engine?.runsHere(roomId) && (await engine.load(roomId))) engine.close(roomId);
	});
	const httpServer = productionHttpServer();
	if (httpServer) {
		// Organisation mode (REDIS_URL): Redis answers before the first socket is accepted.
		await startCluster();
		await (await attachRealtime(httpServer)).start();
		// The production entry prints this once it listens (it knows the port; we know the rest).
		(globalThis as Record<symbol, unknown>)[Symbol.for('workshop-companion.describe-startup')] =
			describeStartup;
	}
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.trainer = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(await initStore(), token);
		if (valid) {
			event.locals.trainer = valid.trainer;
			event.locals.session = valid.session;
			if (valid.session.renewed) {
				setSessionCookie(
					event.cookies,
					token,
					valid.session.expiresAt,
					event.url.protocol === 'https:'
				);
			}
		} else {
			clearSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/**
 * Every /trainer page needs a signed-in trainer; the rest is public (participants have no accounts).
 * Decided on the route SvelteKit matched, not the raw path: `/%74rainer` routes to `/trainer`.
 * A page or download is answered here, so the redirect passes through `headers` like any other
 * response; the client router's data and form requests get SvelteKit's own redirect format.
 */
const guard: Handle = async ({ event, resolve }) => {
	if (!event.locals.trainer && isTrainerRequest(event.route.id, event.url.pathname)) {
		const location = `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`;
		if (event.isDataRequest || event.request.headers.has('x-sveltekit-action'))
			redirect(303, location);
		return new Response(null, { status: 303, headers: { location } });
	}
	return resolve(event);
};

/** adapter-node's body limit is raised for deck uploads (scripts/serve.js); every other route keeps 512 KB. */
const BODY_LIMIT = 512 * 1024;
const DECK_UPLOAD = /^\/trainer\/agendas\/[^/]+\/deck$/;
const bodyLimit: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > BODY_LIMIT && !DECK_UPLOAD.test(event.url.pathname))
		return new Response('That request is too large.', { status: 413 });
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
};

export const handle = sequence(headers, bodyLimit, session, guard);
