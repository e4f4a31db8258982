import { sveltekit } from '@sveltejs/kit/vite';
import type { Server as HttpServer } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Development: socket.io on Vite's own HTTP server, with the same module the production entry
 * uses. Loaded through ssrLoadModule so it shares module instances with SvelteKit's routes.
 */
function realtimeDev(): Plugin {
	const entry = '/src/lib/server/realtime/index.ts';
	return {
		name: 'workshop-companion:realtime',
		apply: 'serve',
		configureServer(server: ViteDevServer) {
			const httpServer = server.httpServer as HttpServer | null;
			if (!httpServer) return; // vitest and middleware mode have no HTTP server
			let pending: ReturnType<typeof setTimeout> | undefined;
			const load = async () => {
				const mod = await server.ssrLoadModule(entry);
				await mod.attachRealtime(httpServer, { development: true });
			};
			httpServer.once(
				'listening',
				() => void load().catch((err) => console.error('[realtime]', err))
			);
			// A change to server code swaps the handlers; phones reconnect by themselves.
			server.watcher.on('change', (file) => {
				if (!/src[\\/]lib[\\/](server|shared)[\\/]/.test(file)) return;
				clearTimeout(pending);
				pending = setTimeout(
					() => void load().catch((err) => console.error('[realtime]', err)),
					200
				);
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), realtimeDev()],
	server: { port: 5173 },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		hookTimeout: 30_000,
		pool: 'forks'
	}
});
