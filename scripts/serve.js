// Production entry: one HTTP server and port for SvelteKit and socket.io.
// Order matters: the server is created with its request listener first; socket.io is attached
// to it by the app's init hook while build/handler.js is imported, so engine.io wraps that listener
// and answers /socket.io/ itself (attached the other way round, SvelteKit would 404 polling requests).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// The old generation grows to 1.25× what the last full collection kept before the next one, not
// V8's default of up to 4× on a machine with this much memory: a room's live heap is a few hundred
// MB at most, the garbage of thousands of phone updates a second is short-lived, and without this
// the heap of a 2,000-phone room editing pyramids swelled to 500 MB before a collection gave it
// back. Measured in the load benchmark (README): RSS peak 511 → 266–275 MB, CPU per input within
// the run-to-run noise. Set before the app loads; a flag given on the command line wins.
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent')))
	v8.setFlagsFromString('--heap-growing-percent=25');

// The app's production build: checks kept for development and the tests are off (the socket
// encoder's comparison with socket.io's own, in src/lib/server/realtime/encoder.ts).
process.env.NODE_ENV ??= 'production';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const handlerPath = join(root, 'build', 'handler.js');
if (!existsSync(handlerPath)) {
	console.error(
		'No build found. Run `npm start` (it builds when needed) or `npm run build` first.'
	);
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// adapter-node assumes https unless told otherwise, which fails its CSRF check for every form on a
// plain-http venue LAN. Unless ORIGIN or PROTOCOL_HEADER is configured (behind a proxy), it reads the
// protocol from a header that we set from the connection itself, so no client can spoof it.
const OWN_PROTOCOL_HEADER = 'x-workshop-companion-protocol';
const stampProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (stampProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;

// Slide decks are uploaded whole (up to 50 MB, checked by their route while streaming); every other
// route keeps the usual 512 KB through the app's own hook (src/hooks.server.ts). adapter-node reads this at import.
process.env.BODY_SIZE_LIMIT ??= '51M';

let handle = (_req, res) => {
	res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' });
	res.end('Starting up…');
};
// The same security headers as the app's hooks (src/lib/server/security-headers.ts), here for what
// bypasses them: static files (JS, CSS, images). socket.io's answers get them from its own hook.
const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};
const server = createServer((req, res) => {
	if (stampProtocol) req.headers[OWN_PROTOCOL_HEADER] = req.socket.encrypted ? 'https' : 'http';
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	handle(req, res);
});
globalThis[Symbol.for('workshop-companion.http-server')] = server;

const { handler } = await import(pathToFileURL(handlerPath).href);
handle = handler;
const realtime = globalThis[Symbol.for('workshop-companion.realtime')];
if (!realtime) throw new Error('The socket server did not attach during start-up.');

server.on('error', (err) => {
	if (err.code === 'EADDRINUSE') {
		console.error(
			`Port ${port} is already in use (is Workshop Companion already running?). Start on another port: PORT=${port + 1} npm start`
		);
	} else console.error(err);
	process.exit(1);
});

// A join storm of hundreds of phones overflows Node's default backlog of 511.
server.listen({ port, host, backlog: 4096 }, async () => {
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	console.log(
		await globalThis[Symbol.for('workshop-companion.describe-startup')](actualPort, host)
	);
	process.send?.({ ready: true, port: actualPort });
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`\n${signal}: closing connections…`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	await realtime.close(); // also closes the HTTP server
	// Exports being built fail with a 503; their worker threads end (src/lib/server/exports/pool.ts).
	await globalThis[Symbol.for('workshop-companion.export-pool')]?.close();
	globalThis[Symbol.for('workshop-companion.db')]?.$client.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
