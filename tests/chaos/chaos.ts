/**
 * Chaos test: N simulated phones answer a quick poll (several answers each) while a share of their
 * connections is dropped at random, some phones "reload" (a new socket and a new outbox over the
 * same storage), and the server is killed with SIGKILL once and restarted on the same database.
 *
 * The phones are real socket.io clients running the app's own outbox core, so they behave like the
 * browser: an input gets its id once, is kept until acknowledged, and is retried with the same id.
 *
 * At the end it exports the session (the JSON download's own code, over the database the restarted
 * server left) and checks that every input a phone got an ack for is in the export exactly once, that every input a phone made was acknowledged,
 * that each phone's inputs are stored in the order it made them, and that a fresh resume shows
 * each phone its last answer.
 *
 *   npm run test:chaos -- --phones=200 --drop=0.2 --duration=30 --inputs=8 --seed=1
 *
 * Writes the summary to tests/chaos/last-run.json (or --out=FILE) and exits 1 if anything was lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { mulberry32 } from '../../src/lib/activities/shared/random';
import { openStore } from '../../src/lib/server/store';
import { toJson } from '../../src/lib/server/exports/json';
import { loadSession } from '../../src/lib/server/exports/session';
import {
	MemoryStorage,
	OutboxCore,
	outboxKey,
	type OutboxItem,
	type SubmitAck
} from '../../src/lib/client/outbox-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ChaosOptions {
	phones: number;
	/** Share of the phones whose connection is dropped in each drop wave (0–1). */
	dropRate: number;
	/** How long phones keep answering, in ms (the settle phase comes after). */
	durationMs: number;
	inputsPerPhone: number;
	/** Time between drop waves. */
	dropEveryMs: number;
	/** Share of drops that are a "reload" instead: a new socket and a new outbox over the same storage. */
	reloadShare: number;
	/** Share of sends whose connection drops right after the input left (the ack is lost; the input may be stored). */
	ackLoss: number;
	/** When the server is killed (ms after the phones start) and how long it stays down. */
	killAtMs: number;
	downMs: number;
	/** Wait at most this long after the answering phase for every outbox to empty. */
	settleTimeoutMs: number;
	ackTimeoutMs: number;
	seed: number;
	out: string | null;
	log: (line: string) => void;
}

export interface ChaosSummary {
	ok: boolean;
	phones: number;
	dropRate: number;
	durationMs: number;
	inputsMade: number;
	acked: number;
	/** Acks that said "duplicate": a retry of an input the server already had. */
	ackedAsDuplicate: number;
	stored: number;
	lost: number;
	duplicates: number;
	unacked: number;
	refused: number;
	/** Stored inputs no phone made (never expected). */
	unknown: number;
	/** Phones whose inputs are stored in another order than they made them. */
	outOfOrder: number;
	/** Phones whose resumed view does not show their last answer. */
	staleViews: number;
	drops: number;
	/** Sends whose connection was dropped right after the input left. */
	acksLost: number;
	reloads: number;
	kills: number;
	/** From the restart until every phone was resumed again. */
	recoveryMs: number | null;
	settleMs: number;
	elapsedMs: number;
	seed: number;
	at: string;
}

const DEFAULTS: Omit<ChaosOptions, 'log'> = {
	phones: 200,
	dropRate: 0.2,
	durationMs: 30_000,
	inputsPerPhone: 8,
	dropEveryMs: 1000,
	reloadShare: 0.25,
	ackLoss: 0.05,
	killAtMs: -1,
	downMs: 1500,
	settleTimeoutMs: 60_000,
	ackTimeoutMs: 4000,
	seed: 1,
	out: join(root, 'tests', 'chaos', 'last-run.json')
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as { port: number }).port;
			srv.close(() => resolvePort(port));
		});
	});
}

interface Setup {
	cookie: string;
	roomId: string;
	code: string;
}

/** The server process: the real socket server over one SQLite file, killable with SIGKILL. */
class ServerProcess {
	#child: ChildProcess | undefined;
	constructor(
		readonly dbPath: string,
		readonly port: number
	) {}

	start(setup = false): Promise<Setup | undefined> {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', join(root, 'tests', 'chaos', 'server.ts')],
			{
				cwd: root,
				env: {
					...process.env,
					DATABASE_PATH: this.dbPath,
					PORT: String(this.port),
					CHAOS_SETUP: setup ? '1' : '0'
				},
				stdio: ['ignore', 'ignore', 'inherit', 'ipc']
			}
		);
		this.#child = child;
		return new Promise((resolveStart, reject) => {
			child.once('message', (msg: { setup?: Setup }) => resolveStart(msg.setup));
			child.once('exit', (code) => reject(new Error(`chaos server exited early with ${code}`)));
		});
	}

	async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill(signal);
		await exited;
	}
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string; code?: string };

export function emit<T>(
	socket: Socket,
	event: string,
	payload: unknown,
	timeoutMs: number
): Promise<Ack<T> | 'timeout'> {
	return socket
		.timeout(timeoutMs)
		.emitWithAck(event, payload)
		.catch(() => 'timeout' as const);
}

/** Resolves once the socket is connected; handshake refusals in between are retried by the caller's socket. */
export function connected(socket: Socket, timeoutMs: number): Promise<void> {
	return new Promise<void>((r, reject) => {
		if (socket.connected) return r();
		const timer = setTimeout(() => reject(new Error('no connection')), timeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			r();
		});
	});
}

/** Sockets the test closed on purpose: a refused handshake of theirs is not retried. */
const closedSockets = new WeakSet<Socket>();

/** One simulated phone: a socket, a seat token, and the app's outbox core over its own storage. */
export class Phone {
	readonly storage = new MemoryStorage();
	socket!: Socket;
	core!: OutboxCore;
	token = '';
	participantId = '';
	/** Input ids in the order they were made, with what each chose. */
	readonly made: { id: string; options: number[] }[] = [];
	readonly acked = new Set<string>();
	ackedAsDuplicate = 0;
	readonly refused: { id: string; error: string }[] = [];
	ready = false;
	/** When each resume succeeded. */
	readonly resumedAt: number[] = [];
	#resuming = false;

	constructor(
		readonly name: string,
		readonly url: string,
		readonly code: string,
		readonly runId: string,
		readonly ackTimeoutMs: number,
		readonly loseAck: () => boolean
	) {}
	acksLost = 0;

	#connect(): Socket {
		// The room code in the handshake, as the browser sends it: organisation mode routes by it.
		const socket = io(this.url, {
			transports: ['websocket'],
			forceNew: true,
			reconnectionDelay: 300,
			reconnectionDelayMax: 3000,
			timeout: 5000,
			query: { room: this.code }
		});
		// As the browser's socket does: a refused handshake (the room moving between nodes) is retried.
		socket.on('connect_error', () => {
			if (!socket.active)
				setTimeout(() => {
					if (!closedSockets.has(socket)) socket.connect();
				}, 500);
		});
		return socket;
	}

	async join(): Promise<void> {
		this.socket = this.#connect();
		await connected(this.socket, 20_000);
		const res = await emit<{ seatToken: string; seat: { participantId: string } }>(
			this.socket,
			'room:join',
			{ code: this.code, name: this.name },
			10_000
		);
		if (res === 'timeout' || !res.ok)
			throw new Error(`${this.name} could not join: ${res === 'timeout' ? 'timeout' : res.error}`);
		this.token = res.data.seatToken;
		this.participantId = res.data.seat.participantId;
		this.#makeCore();
		this.#attach();
		this.ready = true;
		this.core.setOnline(true);
	}

	#makeCore() {
		const transport = {
			send: async (item: OutboxItem): Promise<SubmitAck> => {
				if (!this.socket.connected) return 'timeout';
				const res = emit<{ duplicate: boolean }>(
					this.socket,
					'activity:submit',
					{ runId: item.runId, inputId: item.id, input: item.input },
					this.ackTimeoutMs
				);
				if (this.loseAck()) {
					// The Wi-Fi dies just after the input left: the server may store it, the ack never comes.
					this.acksLost++;
					setTimeout(() => this.drop(), 0);
				}
				return res;
			}
		};
		this.core = new OutboxCore({
			storage: this.storage,
			key: outboxKey(this.code, this.participantId),
			transport,
			onSettled: (item, result) => {
				if (result.ok) {
					this.acked.add(item.id);
					if (result.duplicate) this.ackedAsDuplicate += 1;
				} else this.refused.push({ id: item.id, error: result.error });
			}
		});
	}

	#attach() {
		const socket = this.socket;
		socket.on('connect', () => void this.#resume(socket));
		socket.on('disconnect', () => {
			if (socket !== this.socket) return;
			this.ready = false;
			this.core.setOnline(false);
		});
	}

	/** What the browser's Seat does on every (re)connect: resume the seat, take the full view, flush. */
	async #resume(socket: Socket): Promise<void> {
		if (this.#resuming) return;
		this.#resuming = true;
		try {
			while (socket === this.socket && socket.connected) {
				const res = await emit<unknown>(
					socket,
					'room:resume',
					{ code: this.code, seatToken: this.token },
					5000
				);
				if (res !== 'timeout' && res.ok) {
					this.ready = true;
					this.resumedAt.push(Date.now());
					this.core.setOnline(socket.connected);
					return;
				}
				if (res !== 'timeout' && ['closed', 'removed', 'not-found'].includes(res.code ?? ''))
					throw new Error(`${this.name}: resume refused: ${res.error}`);
				await sleep(300);
			}
		} finally {
			this.#resuming = false;
		}
	}

	answer(option: number): void {
		const options = [option];
		const { item } = this.core.enqueue(this.runId, { kind: 'choose', options });
		this.made.push({ id: item.id, options });
	}

	/** The network drops: socket.io notices and reconnects by itself. */
	drop(): void {
		this.socket.io.engine?.close();
	}

	/** A reload: the page and its socket go; a new page finds the outbox in storage and resumes. */
	reload(): void {
		this.core.dispose();
		this.ready = false;
		const old = this.socket;
		closedSockets.add(old);
		old.removeAllListeners();
		old.disconnect();
		this.socket = this.#connect();
		this.#makeCore();
		this.#attach();
	}

	get settled(): boolean {
		return (
			this.core.items.length === 0 && this.acked.size + this.refused.length >= this.made.length
		);
	}

	/** A fresh connection's resume: what a phone back after hours would be shown. */
	async freshView(): Promise<{ mine: number[] } | null> {
		const socket = this.#connect();
		try {
			// As the Seat does: a resume that meets a room moving between nodes is tried again.
			for (let attempt = 0; attempt < 20; attempt++) {
				await connected(socket, 20_000);
				const res = await emit<{ activity: { view: { mine: number[] } } | null }>(
					socket,
					'room:resume',
					{ code: this.code, seatToken: this.token },
					10_000
				);
				if (res !== 'timeout' && res.ok) return res.data.activity?.view ?? null;
				if (res !== 'timeout' && ['closed', 'removed', 'not-found'].includes(res.code ?? ''))
					return null;
				await sleep(300);
			}
			return null;
		} finally {
			closedSockets.add(socket);
			socket.disconnect();
		}
	}

	close(): void {
		this.core.dispose();
		closedSockets.add(this.socket);
		this.socket.removeAllListeners();
		this.socket.disconnect();
	}
}

/** An export's inputs of one run, one row per phone input (with how often it is stored). */
interface ExportedInputs {
	activities: {
		runId: string;
		inputs: { participantId: string | null; inputId: string; seq: number }[];
	}[];
}

/**
 * The export check: every input a phone got an ack for is stored (not lost), none twice, none that
 * no phone made, and each phone's inputs in the order it made them.
 */
export function checkExport(
	exported: ExportedInputs,
	runId: string,
	phones: Pick<Phone, 'participantId' | 'acked' | 'made'>[]
) {
	const counted = new Map<string, { participantId: string; id: string; n: number; seq: number }>();
	for (const input of exported.activities.find((a) => a.runId === runId)?.inputs ?? []) {
		if (!input.participantId) continue;
		const key = `${input.participantId}:${input.inputId}`;
		const row = counted.get(key);
		if (row) row.n++;
		else
			counted.set(key, {
				participantId: input.participantId,
				id: input.inputId,
				n: 1,
				seq: input.seq
			});
	}
	const rows = [...counted.values()].sort((a, b) => a.seq - b.seq);

	const storedBy = new Map<string, { id: string; n: number }[]>();
	for (const row of rows) {
		const list = storedBy.get(row.participantId) ?? [];
		list.push(row);
		storedBy.set(row.participantId, list);
	}
	let lost = 0;
	let duplicates = 0;
	let unknown = 0;
	let outOfOrder = 0;
	for (const phone of phones) {
		const stored = storedBy.get(phone.participantId) ?? [];
		const counts = new Map(stored.map((r) => [r.id, r.n]));
		for (const id of phone.acked) if (!counts.has(id)) lost++;
		duplicates += stored.filter((r) => r.n > 1).length;
		const madeIds = new Set(phone.made.map((m) => m.id));
		unknown += stored.filter((r) => !madeIds.has(r.id)).length;
		const storedOrder = stored.map((r) => r.id).join(',');
		const madeOrder = phone.made
			.map((m) => m.id)
			.filter((id) => counts.has(id))
			.join(',');
		if (storedOrder !== madeOrder) outOfOrder++;
	}

	return { rows, lost, duplicates, unknown, outOfOrder };
}

export async function runChaos(options: Partial<ChaosOptions> = {}): Promise<ChaosSummary> {
	const o: ChaosOptions = { ...DEFAULTS, log: (line) => console.log(line), ...options };
	const killAtMs = o.killAtMs >= 0 ? o.killAtMs : Math.round(o.durationMs * 0.4);
	const random = mulberry32(o.seed);
	const started = Date.now();
	const dir = mkdtempSync(join(tmpdir(), 'wc-chaos-'));
	const dbPath = join(dir, 'chaos.db');
	const port = await freePort();
	const server = new ServerProcess(dbPath, port);
	const url = `http://127.0.0.1:${port}`;
	const phones: Phone[] = [];
	let trainer: Socket | undefined;
	try {
		const setup = await server.start(true);
		if (!setup) throw new Error('the chaos server did not report its set-up');
		o.log(
			`chaos: server on ${url}, room ${setup.code}; ${o.phones} phones, drop rate ${Math.round(o.dropRate * 100)} %, ${o.durationMs / 1000} s, seed ${o.seed}`
		);

		trainer = io(url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: { cookie: setup.cookie }
		});
		await new Promise<void>((r, reject) => {
			trainer!.once('connect', () => r());
			trainer!.once('connect_error', reject);
		});
		const watched = await emit(trainer, 'room:watch', { roomId: setup.roomId }, 10_000);
		if (watched === 'timeout' || !watched.ok)
			throw new Error('the trainer could not watch the room');
		const launched = await emit<{ runId: string }>(
			trainer,
			'activity:launch',
			{ roomId: setup.roomId, activityId: 'quick-poll-example' },
			10_000
		);
		if (launched === 'timeout' || !launched.ok)
			throw new Error(
				`the poll did not launch: ${launched === 'timeout' ? 'timeout' : launched.error}`
			);
		const runId = launched.data.runId;
		trainer.disconnect();

		for (let i = 0; i < o.phones; i++)
			phones.push(
				new Phone(
					`Phone ${String(i + 1).padStart(3, '0')}`,
					url,
					setup.code,
					runId,
					o.ackTimeoutMs,
					() => random() < o.ackLoss
				)
			);
		for (let i = 0; i < phones.length; i += 25)
			await Promise.all(phones.slice(i, i + 25).map((p) => p.join()));
		o.log(`chaos: ${phones.length} phones joined`);

		// Answers at random moments over the first 90 % of the run; a few on each phone.
		const answering = Date.now();
		const timers: ReturnType<typeof setTimeout>[] = [];
		for (const phone of phones) {
			for (let k = 0; k < o.inputsPerPhone; k++) {
				const at = random() * o.durationMs * 0.9;
				const option = Math.floor(random() * 5);
				timers.push(setTimeout(() => phone.answer(option), at));
			}
		}

		let drops = 0;
		let reloads = 0;
		let killed = false;
		let restartedAt = 0;
		while (Date.now() - answering < o.durationMs) {
			await sleep(o.dropEveryMs);
			for (const phone of phones) {
				if (random() >= o.dropRate) continue;
				if (random() < o.reloadShare) {
					phone.reload();
					reloads++;
				} else if (phone.socket.connected) {
					phone.drop();
					drops++;
				}
			}
			if (!killed && Date.now() - answering >= killAtMs) {
				killed = true;
				o.log(`chaos: kill -9 of the server at ${((Date.now() - answering) / 1000).toFixed(1)} s`);
				await server.kill('SIGKILL');
				await sleep(o.downMs);
				await server.start();
				restartedAt = Date.now();
				o.log('chaos: server restarted on the same database');
			}
		}
		timers.forEach(clearTimeout);
		// Answers whose moment had not come yet are made now, so every phone makes all of its inputs.
		for (const phone of phones)
			while (phone.made.length < o.inputsPerPhone) phone.answer(Math.floor(random() * 5));

		o.log('chaos: answering over; waiting for every outbox to empty');
		const settleStart = Date.now();
		while (Date.now() - settleStart < o.settleTimeoutMs) {
			if (phones.every((p) => p.settled)) break;
			await sleep(200);
		}
		const settleMs = Date.now() - settleStart;
		// Every phone back by itself after the restart: the time of the last one's first resume.
		const firstBack = phones.map((p) => p.resumedAt.find((t) => t >= restartedAt));
		const recoveryMs =
			restartedAt && firstBack.every((t) => t !== undefined)
				? Math.max(...(firstBack as number[])) - restartedAt
				: null;

		// What a phone coming back after a long time would see: its last answer.
		let staleViews = 0;
		for (let i = 0; i < phones.length; i += 25) {
			const views = await Promise.all(phones.slice(i, i + 25).map((p) => p.freshView()));
			views.forEach((view, j) => {
				const phone = phones[i + j]!;
				const last = phone.made.at(-1)?.options ?? [];
				if (!view || JSON.stringify(view.mine) !== JSON.stringify(last)) staleViews++;
			});
		}
		for (const phone of phones) phone.close();
		await server.kill('SIGTERM');

		// The truth as a facilitator gets it: the session's JSON export (the same code as the download),
		// rebuilt from the database file the killed and restarted server left behind.
		const exportDb = await openStore({ kind: 'sqlite', path: dbPath });
		const exported = toJson((await loadSession(exportDb, setup.roomId))!);
		await exportDb.close();
		const { rows, lost, duplicates, unknown, outOfOrder } = checkExport(exported, runId, phones);

		const inputsMade = phones.reduce((n, p) => n + p.made.length, 0);
		const acked = phones.reduce((n, p) => n + p.acked.size, 0);
		const refused = phones.reduce((n, p) => n + p.refused.length, 0);
		const summary: ChaosSummary = {
			ok: false,
			phones: o.phones,
			dropRate: o.dropRate,
			durationMs: o.durationMs,
			inputsMade,
			acked,
			ackedAsDuplicate: phones.reduce((n, p) => n + p.ackedAsDuplicate, 0),
			stored: rows.length,
			lost,
			duplicates,
			unacked: inputsMade - acked,
			refused,
			unknown,
			outOfOrder,
			staleViews,
			drops,
			acksLost: phones.reduce((n, p) => n + p.acksLost, 0),
			reloads,
			kills: killed ? 1 : 0,
			recoveryMs,
			settleMs,
			elapsedMs: Date.now() - started,
			seed: o.seed,
			at: new Date().toISOString()
		};
		summary.ok =
			lost === 0 &&
			duplicates === 0 &&
			summary.unacked === 0 &&
			unknown === 0 &&
			outOfOrder === 0 &&
			staleViews === 0 &&
			killed &&
			rows.length === acked;
		for (const p of phones)
			for (const r of p.refused.slice(0, 2)) o.log(`chaos: ${p.name} refused: ${r.error}`);
		o.log(
			`chaos: ${summary.ok ? 'PASS' : 'FAIL'}: ${summary.phones} phones, drop rate ${Math.round(o.dropRate * 100)} %, ` +
				`${drops} drops, ${summary.acksLost} dropped mid-send, ${reloads} reloads, 1 kill -9; ` +
				`inputs made ${inputsMade}, acked ${acked} (${summary.ackedAsDuplicate} as duplicates), ` +
				`stored ${rows.length}, lost ${lost}, duplicates ${duplicates}, unacked ${summary.unacked}, out of order ${outOfOrder}, stale views ${staleViews}; ` +
				`recovered in ${recoveryMs === null ? '?' : (recoveryMs / 1000).toFixed(1) + ' s'}, settled in ${(settleMs / 1000).toFixed(1)} s`
		);
		if (o.out) {
			mkdirSync(dirname(o.out), { recursive: true });
			writeFileSync(o.out, JSON.stringify(summary, null, 2) + '\n');
		}
		return summary;
	} finally {
		for (const phone of phones) if (phone.socket) phone.close();
		trainer?.disconnect();
		await server.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
}

function parseArgs(argv: string[]): Partial<ChaosOptions> {
	const opts: Partial<ChaosOptions> = {};
	for (const arg of argv) {
		const [key, value = ''] = arg.replace(/^--/, '').split('=');
		const num = Number(value);
		switch (key) {
			case 'phones':
				opts.phones = num;
				break;
			case 'drop':
				opts.dropRate = num > 1 ? num / 100 : num;
				break;
			case 'duration':
				opts.durationMs = num * 1000;
				break;
			case 'inputs':
				opts.inputsPerPhone = num;
				break;
			case 'seed':
				opts.seed = num;
				break;
			case 'reloads':
				opts.reloadShare = num;
				break;
			case 'ack-loss':
				opts.ackLoss = num;
				break;
			case 'out':
				opts.out = resolve(value);
				break;
			case 'short':
				Object.assign(opts, { phones: 20, durationMs: 10_000, inputsPerPhone: 6 });
				break;
			default:
				throw new Error(
					`unknown option ${arg} (use --phones=N --drop=0.2 --duration=SECONDS --inputs=N --seed=N --reloads=0.25 --ack-loss=0.05 --out=FILE --short)`
				);
		}
	}
	return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	runChaos(parseArgs(process.argv.slice(2))).then(
		(s) => process.exit(s.ok ? 0 : 1),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
