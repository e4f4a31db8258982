import type { Server as HttpServer } from 'node:http';
import { initStore } from '../store';
import { currentCluster } from '../cluster';
import { configuredOrigins } from '../public-url';
import { buildApp, createSocketServer, type Realtime } from './server';

const KEY = Symbol.for('workshop-companion.realtime');
/** Set by the production entry before it imports the SvelteKit handler. */
export const HTTP_SERVER_KEY = Symbol.for('workshop-companion.http-server');

type Holder = typeof globalThis & { [KEY]?: Realtime; [HTTP_SERVER_KEY]?: HttpServer };

/**
 * Attaches socket.io to the app's HTTP server once per process. Called again (a development reload
 * of this module), it swaps in the new handler code instead of attaching a second server.
 */
export async function attachRealtime(
	httpServer: HttpServer,
	{ development = false } = {}
): Promise<Realtime> {
	const g = globalThis as Holder;
	const existing = g[KEY];
	if (existing) {
		existing.replace(buildApp);
		return existing;
	}
	const store = await initStore();
	if (g[KEY]) return g[KEY];
	g[KEY] = createSocketServer(httpServer, {
		store,
		allowedOrigins: configuredOrigins(),
		shareUpgrades: development,
		cluster: currentCluster()
	});
	return g[KEY];
}

/** The production entry's HTTP server, if this process was started by it. */
export function productionHttpServer(): HttpServer | undefined {
	return (globalThis as Holder)[HTTP_SERVER_KEY];
}

export function currentRealtime(): Realtime | undefined {
	return (globalThis as Holder)[KEY];
}
