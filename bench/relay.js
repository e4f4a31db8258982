// The bare socket.io relay the benchmark compares the app with: no app, no database, no validation.
// A plain HTTP server and socket.io 4.8 with the app's options (src/lib/server/realtime/server.ts),
// speaking the subset of the app's event names the generator uses, so the same worker code drives both:
//   room:join       joins the socket.io room named by the code, acks a seat id
//   room:watch      joins the room's watcher channel (the projector), acks
//   activity:launch a new run id; tells the room's phones (one room broadcast), acks
//   activity:status acks, tells the room's phones
//   activity:submit acks at once; the room's aggregate (distinct senders, completed count, latest text
//                   per card key) is re-sent to the watchers coalesced, one message per room per 100 ms,
//                   as the app's activity engine does.
// Run as a child process: `node bench/relay.js`; PORT (0 = any) and HOST; reports `{ ready, port }` over IPC.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const http = createServer((_req, res) => {
	res.writeHead(404);
	res.end();
});
const io = new Server(http, {
	serveClient: false,
	transports: ['websocket', 'polling'],
	maxHttpBufferSize: 32 * 1024, // as the app (src/lib/server/realtime/limits.ts)
	pingInterval: 20_000,
	pingTimeout: 20_000
});

/** @type {Map<string, { runId: string, senders: Set<string>, completed: number, texts: Map<string, string> }>} */
const rooms = new Map();
const dirty = new Set();
/** @type {NodeJS.Timeout | undefined} */
let timer;

function roomState(code) {
	let r = rooms.get(code);
	if (!r) rooms.set(code, (r = { runId: '', senders: new Set(), completed: 0, texts: new Map() }));
	return r;
}

function flush() {
	timer = undefined;
	for (const code of dirty) {
		const r = roomState(code);
		io.to(`watch:${code}`).emit('activity:trainer', {
			roomId: code,
			activity: {
				runId: r.runId,
				progress: { answered: r.senders.size },
				view: { completed: r.completed, texts: [...r.texts.values()] }
			}
		});
	}
	dirty.clear();
}

function markDirty(code) {
	dirty.add(code);
	timer ??= setTimeout(flush, 100);
}

io.on('connection', (socket) => {
	socket.on('room:join', (req, ack) => {
		const code = String(req?.code ?? '');
		const participantId = randomUUID();
		socket.data.code = code;
		socket.data.participantId = participantId;
		socket.join(`room:${code}`);
		ack?.({ ok: true, data: { room: { code }, seat: { participantId, name: req?.name } } });
	});
	socket.on('room:watch', (req, ack) => {
		const code = String(req?.roomId ?? '');
		socket.join(`watch:${code}`);
		ack?.({ ok: true, data: { room: { id: code, code } } });
	});
	socket.on('activity:launch', (req, ack) => {
		const code = String(req?.roomId ?? '');
		const r = roomState(code);
		r.runId = randomUUID();
		r.senders.clear();
		r.completed = 0;
		r.texts.clear();
		io.to(`room:${code}`).emit('activity:phone', { runId: r.runId, status: 'open' });
		markDirty(code);
		ack?.({ ok: true, data: { runId: r.runId, status: 'open' } });
	});
	socket.on('activity:status', (req, ack) => {
		const code = String(req?.roomId ?? '');
		io.to(`room:${code}`).emit('activity:phone', { runId: req?.runId, status: req?.status });
		markDirty(code);
		ack?.({ ok: true, data: { runId: req?.runId, status: req?.status } });
	});
	socket.on('activity:submit', (req, ack) => {
		const code = socket.data.code;
		if (!code) return ack?.({ ok: false, error: 'join first' });
		const r = roomState(code);
		const input = req?.input ?? {};
		r.senders.add(socket.data.participantId);
		if (input.kind === 'submit') r.completed++;
		if (typeof input.text === 'string')
			r.texts.set(input.cardId ?? `${socket.data.participantId}:${req.inputId}`, input.text);
		ack?.({ ok: true, data: { duplicate: false } });
		markDirty(code);
	});
});

http.listen(
	{ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1', backlog: 4096 },
	() => {
		const address = http.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		process.send?.({ ready: true, port });
		if (!process.send) console.log(`relay listening on ${port}`);
	}
);

const stop = () => {
	io.close();
	process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
