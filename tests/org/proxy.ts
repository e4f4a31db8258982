import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay to PostgreSQL that a test can cut and restore: the database "goes away" for the
 * app's pool (its connections drop, new ones are refused) without touching the shared server.
 */
export async function cuttableRelay(target: { host: string; port: number }) {
	const open = new Set<Socket>();
	let server: Server | undefined;
	const listen = (port: number) =>
		new Promise<number>((resolve, reject) => {
			server = createServer((client) => {
				const upstream = connect(target);
				for (const s of [client, upstream]) {
					open.add(s);
					s.on('close', () => open.delete(s));
					s.on('error', () => {
						client.destroy();
						upstream.destroy();
					});
				}
				client.pipe(upstream).pipe(client);
			});
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				const address = server!.address();
				resolve(typeof address === 'object' && address ? address.port : port);
			});
		});
	const port = await listen(0);
	return {
		port,
		/** Drops every connection and refuses new ones. */
		async cut() {
			await new Promise<void>((resolve) => {
				server!.close(() => resolve());
				for (const s of open) s.destroy();
			});
		},
		/** Accepts connections again, on the same port. */
		async restore() {
			await listen(port);
		}
	};
}
