// One worker thread of simulated phones: real socket.io clients over WebSocket, as a phone's browser
// opens them. The main thread sends commands; the worker answers with raw timings, and the main
// thread computes every figure. Times are `performance.timeOrigin + performance.now()`: wall-clock
// milliseconds with sub-millisecond resolution, comparable across threads of this machine.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();
const sleepUntil = (t) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - now())));
const ACK_TIMEOUT_MS = 30_000;

/**
 * @typedef {{ id: string, code: string, name: string, socket?: import('socket.io-client').Socket,
 *   participantId?: string, cards: string[], closing?: boolean }} Phone
 */
/** @type {Phone[]} */
let phones = [];
const counters = {
	connectErrors: 0,
	disconnects: 0,
	ackTimeouts: 0,
	ackErrors: 0,
	phoneUpdates: 0,
	/** socket.io packets received by the phones, and their characters (≈ bytes on the wire). */
	messagesIn: 0,
	bytesIn: 0
};
/** @type {string[]} */
const errorSamples = [];

function noteError(message) {
	if (errorSamples.length < 10) errorSamples.push(message);
}

/** emitWithAck with a timeout; resolves with { ok, error, data, ackAt }. */
function send(socket, event, payload) {
	return socket
		.timeout(ACK_TIMEOUT_MS)
		.emitWithAck(event, payload)
		.then(
			(res) => ({ ...res, ackAt: now() }),
			(err) => {
				counters.ackTimeouts++;
				noteError(`${event}: ${err.message}`);
				return { ok: false, error: 'timeout', ackAt: now() };
			}
		);
}

async function joinOne(phone, url, at) {
	await sleepUntil(at);
	const start = now();
	const socket = io(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		timeout: 30_000
	});
	phone.socket = socket;
	socket.on('activity:phone', () => counters.phoneUpdates++);
	socket.on('activity:phone-patch', () => counters.phoneUpdates++);
	socket.io.engine.on('data', (data) => {
		counters.messagesIn++;
		counters.bytesIn += typeof data === 'string' ? data.length : data.byteLength;
	});
	socket.on('disconnect', (reason) => {
		if (!phone.closing) {
			counters.disconnects++;
			noteError(`disconnect: ${reason}`);
		}
	});
	const connected = await new Promise((resolve) => {
		socket.once('connect', () => resolve(true));
		socket.once('connect_error', (err) => {
			counters.connectErrors++;
			noteError(`connect_error: ${err.message}`);
			resolve(false);
		});
	});
	const connectedAt = now();
	if (!connected) return { id: phone.id, ok: false, start, connectedAt, ackAt: connectedAt };
	const res = await send(socket, 'room:join', { code: phone.code, name: phone.name });
	if (res.ok) phone.participantId = res.data.seat.participantId;
	else if (res.error !== 'timeout') {
		counters.ackErrors++;
		noteError(`room:join: ${res.error}`);
	}
	return { id: phone.id, ok: !!res.ok, start, connectedAt, ackAt: res.ackAt };
}

const rand = (n) => Math.floor(Math.random() * n);
const AMO_STATEMENTS = ['a', 'm', 'o'].flatMap((d) => [1, 2, 3, 4, 5].map((i) => `${d}${i}`));

/**
 * The inputs one phone sends in a scenario, each with the time to send it. A `marker` is a unique
 * text the projector will show once the input is in its aggregate (group editing); `kind` names
 * the inputs whose latency to the projector is mapped by counts (poll answers, AMO submits).
 */
function planFor(phone, scenario, t0, index) {
	const { kind, windowMs } = scenario;
	if (kind === 'poll')
		return [
			{
				at: t0 + Math.random() * windowMs,
				input: { kind: 'choose', options: [rand(5)] },
				counted: 'answered'
			}
		];
	if (kind === 'amo') {
		// Each phone starts within the first fifth of the window and spreads its 17 inputs over the rest.
		const inputs = [
			{ kind: 'set-subject', subject: { type: 'team' } },
			...AMO_STATEMENTS.map((statementId) => ({ kind: 'rate', statementId, value: 1 + rand(5) })),
			{ kind: 'submit' }
		];
		const start = t0 + Math.random() * windowMs * 0.2;
		const gap = (windowMs * 0.75) / inputs.length;
		return inputs.map((input, i) => ({
			at: start + i * gap,
			input,
			counted: input.kind === 'submit' ? 'completed' : undefined
		}));
	}
	if (kind === 'pyramid') {
		// One input per phone every `periodMs`, each phone at its own phase. The first 14 add cards
		// (a group of 4 stays under the type's 60-card cap), later ones edit the phone's own cards
		// in turn; every text carries a marker the projector's view will show.
		const plan = [];
		const phase = Math.random() * scenario.periodMs;
		for (let i = 0, t = t0 + phase; t < t0 + windowMs; i++, t += scenario.periodMs) {
			plan.push({ at: t, pyramid: i, marker: `w${workerData.index}p${index}s${i}` });
		}
		return plan;
	}
	throw new Error(`unknown scenario ${kind}`);
}

async function runPhone(phone, scenario, t0, index, records) {
	if (!phone.socket?.connected || !phone.participantId) return;
	const runId = scenario.runIds[phone.code];
	for (const step of planFor(phone, scenario, t0, index)) {
		await sleepUntil(step.at);
		const inputId = `i${workerData.index}-${index}-${Math.random().toString(36).slice(2, 10)}`;
		let input = step.input;
		if (step.pyramid !== undefined) {
			const text = `Practice ${step.marker}`;
			if (phone.cards.length < 14) {
				input = { kind: 'add-card', step: rand(5), text, tag: null };
				phone.cards.push(`${phone.participantId}:${inputId}`);
			} else {
				input = { kind: 'edit-card', cardId: phone.cards[step.pyramid % phone.cards.length], text };
			}
		}
		const sentAt = now();
		const res = await send(phone.socket, 'activity:submit', { runId, inputId, input });
		if (!res.ok && res.error !== 'timeout') {
			counters.ackErrors++;
			noteError(`activity:submit ${input.kind}: ${res.error}`);
		}
		records.push({
			code: phone.code,
			sentAt,
			ackAt: res.ackAt,
			ok: !!res.ok,
			counted: step.counted,
			marker: step.marker
		});
	}
}

parentPort.on('message', async (msg) => {
	try {
		if (msg.type === 'join') {
			phones = msg.phones.map((p) => ({ ...p, cards: [] }));
			const results = await Promise.all(
				phones.map((p, i) =>
					joinOne(p, msg.url, msg.startAt + (msg.spreadMs * i) / Math.max(1, phones.length))
				)
			);
			parentPort.postMessage({ type: 'joined', results });
		} else if (msg.type === 'run') {
			const records = [];
			for (const p of phones) p.cards = [];
			await Promise.all(phones.map((p, i) => runPhone(p, msg.scenario, msg.startAt, i, records)));
			parentPort.postMessage({ type: 'ran', records });
		} else if (msg.type === 'counters') {
			parentPort.postMessage({
				type: 'counters',
				counters: { ...counters },
				errorSamples: [...errorSamples],
				connected: phones.filter((p) => p.socket?.connected).length
			});
		} else if (msg.type === 'close') {
			for (const p of phones) {
				p.closing = true;
				p.socket?.disconnect();
			}
			phones = [];
			parentPort.postMessage({ type: 'closed' });
		}
	} catch (err) {
		parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
	}
});
