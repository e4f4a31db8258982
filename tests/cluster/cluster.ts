/**
 * Organisation-mode cluster test: 3 nodes of the built app behind nginx (deploy/nginx.conf with this
 * run's ports), Redis for the socket.io adapter, room leases and shared limits, and a fresh database.
 * A trainer signs up and starts sessions over HTTP (through nginx), launches a poll in each room;
 * simulated phones (the chaos test's, running the app's own outbox) answer while 20 % of their
 * connections drop; the node running the busiest room is killed with SIGKILL and restarted, and
 * another node is stopped with SIGTERM (a handover) and restarted. Then each room's JSON export,
 * downloaded through nginx, must hold every acknowledged input exactly once.
 *
 *   npm run test:cluster              300 phones in 10 rooms
 *   npm run test:cluster -- --short   30 phones in 2 rooms (what `npm test` runs)
 *   --if-available                    skip (exit 0, saying why) when Redis or PostgreSQL do not answer
 *   --port=N                          nodes on N+1…N+3, nginx on N (default: free ports)
 * The short form first runs tests/cluster/handover.test.ts (two nodes in one process, no nginx).
 *
 * Each run uses its own Redis key prefix and its own PostgreSQL database (created, then dropped),
 * passed to the nodes as DATABASE_URL; the nodes also get a SQLite file (DATABASE_PATH), which the
 * app uses when it has no PostgreSQL store.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { mulberry32 } from '../../src/lib/activities/shared/random';
import { checkExport, connected, emit, Phone, sleep } from '../chaos/chaos';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ClusterOptions {
	nodes: number;
	rooms: number;
	phones: number;
	dropRate: number;
	durationMs: number;
	inputsPerPhone: number;
	/** When the busiest room's node is killed (ms after answering starts), and for how long. */
	killAtMs: number;
	downMs: number;
	/** When another node is stopped with SIGTERM (its rooms handed over) and restarted; -1: never. */
	termAtMs: number;
	settleTimeoutMs: number;
	basePort: number;
	redisUrl: string;
	postgresUrl: string;
	ifAvailable: boolean;
	/** First the two-node handover test (tests/cluster/*.test.ts, vitest on the same Redis). */
	withHandoverTest: boolean;
	seed: number;
	out: string | null;
}

const FULL: ClusterOptions = {
	nodes: 3,
	rooms: 10,
	phones: 300,
	dropRate: 0.2,
	durationMs: 40_000,
	inputsPerPhone: 8,
	killAtMs: 12_000,
	downMs: 2_000,
	termAtMs: 28_000,
	settleTimeoutMs: 60_000,
	basePort: 0,
	redisUrl: process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379',
	postgresUrl: process.env.CLUSTER_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432',
	ifAvailable: false,
	withHandoverTest: false,
	seed: 1,
	out: join(root, 'tests', 'cluster', 'last-run.json')
};

const SHORT: Partial<ClusterOptions> = {
	rooms: 2,
	phones: 30,
	durationMs: 16_000,
	inputsPerPhone: 6,
	killAtMs: 4_000,
	termAtMs: -1,
	settleTimeoutMs: 40_000,
	withHandoverTest: true,
	out: null
};

export function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as { port: number }).port;
			srv.close(() => done(port));
		});
	});
}

/** One app node: the production entry (scripts/serve.js) on the build, killable. */
export class NodeProcess {
	#child: ChildProcess | undefined;
	#stopping = false;
	/** Exits nobody asked for (a crash): the run fails if there is one. */
	crashes = 0;
	constructor(
		readonly id: string,
		readonly port: number,
		readonly env: NodeJS.ProcessEnv
	) {}

	start(): Promise<void> {
		const child = spawn(process.execPath, [join(root, 'scripts', 'serve.js')], {
			cwd: root,
			env: { ...process.env, ...this.env, NODE_ID: this.id, PORT: String(this.port) },
			stdio: ['ignore', 'ignore', 'inherit', 'ipc']
		});
		this.#child = child;
		this.#stopping = false;
		child.once('exit', (code, signal) => {
			if (this.#stopping) return;
			this.crashes++;
			console.error(`cluster: node ${this.id} exited by itself (${signal ?? code})`);
		});
		return new Promise((done, reject) => {
			child.once('message', () => done());
			child.once('exit', (code) => reject(new Error(`node ${this.id} exited early (${code})`)));
		});
	}

	get pid(): number | undefined {
		return this.#child?.pid;
	}

	get alive(): boolean {
		const c = this.#child;
		return !!c && c.exitCode === null && c.signalCode === null;
	}

	async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
		const child = this.#child;
		if (!child || !this.alive) return;
		const exited = new Promise((r) => child.once('exit', r));
		this.#stopping = true;
		child.kill(signal);
		await exited;
	}
}

/** nginx in the foreground, on deploy/nginx.conf with this run's ports, everything in `dir`. */
export async function startNginx(
	dir: string,
	port: number,
	nodePorts: number[]
): Promise<ChildProcess> {
	const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
	if (!binary) throw new Error('nginx is missing (see ensureNginx)');
	const site = readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8')
		.replace(/listen 80;/, `listen 127.0.0.1:${port};`)
		.replace(
			/(upstream \w+ \{[^}]*?)((?:\s*server 127\.0\.0\.1:\d+[^;]*;)+)/g,
			(_m, head: string) =>
				head +
				nodePorts.map((p) => `\n\tserver 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('')
		);
	const temp = join(dir, 'nginx-temp');
	mkdirSync(temp, { recursive: true });
	chmodSync(temp, 0o777);
	writeFileSync(join(dir, 'site.conf'), site);
	writeFileSync(
		join(dir, 'nginx.conf'),
		`daemon off;
worker_processes 1;
worker_rlimit_nofile 8192;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path ${temp}/body;
	proxy_temp_path ${temp}/proxy;
	fastcgi_temp_path ${temp}/fastcgi;
	uwsgi_temp_path ${temp}/uwsgi;
	scgi_temp_path ${temp}/scgi;
	include ${dir}/site.conf;
}
`
	);
	const child = spawn(
		binary,
		['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'nginx-error.log')],
		{
			stdio: ['ignore', 'inherit', 'inherit']
		}
	);
	// Ready when it answers on its port (a page through to a node).
	for (let i = 0; i < 50; i++) {
		if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode})`);
		const ok = await fetch(`http://127.0.0.1:${port}/login`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return child;
		await sleep(100);
	}
	throw new Error('nginx did not answer');
}

/** Debian's nginx, installed when missing and we are root (as the browser tests do with Chromium). */
export function ensureNginx(): boolean {
	if (existsSync('/usr/sbin/nginx') || existsSync('/usr/bin/nginx')) return true;
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
	console.log('cluster: nginx not found: installing Debian’s nginx package…');
	const run = spawnSync(
		'sh',
		['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx'],
		{ stdio: 'inherit' }
	);
	return run.status === 0 && existsSync('/usr/sbin/nginx');
}

export function psql(url: string, sql: string): { ok: boolean; error: string } {
	const run = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-tAc', sql], { encoding: 'utf8' });
	return { ok: run.status === 0, error: (run.stderr || run.error?.message || '').trim() };
}

export async function redisAnswers(url: string): Promise<boolean> {
	const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
	client.on('error', () => {});
	try {
		await client.connect();
		await client.ping();
		return true;
	} catch {
		return false;
	} finally {
		await client.quit().catch(() => {});
	}
}

/** A trainer's browser, reduced to what the test needs: a session cookie and form posts. */
export class Browser {
	cookie = '';
	constructor(readonly base: string) {}

	async request(path: string, form?: Record<string, string>): Promise<Response> {
		const res = await fetch(this.base + path, {
			method: form ? 'POST' : 'GET',
			redirect: 'manual',
			headers: {
				cookie: this.cookie,
				origin: this.base,
				accept: 'text/html',
				...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body: form ? new URLSearchParams(form).toString() : undefined
		});
		const set = res.headers.getSetCookie();
		if (set.length) {
			const jar = new Map(
				this.cookie
					.split('; ')
					.filter(Boolean)
					.map((c) => c.split('=') as [string, string])
			);
			for (const c of set) {
				const [pair] = c.split(';');
				const [name, value] = pair!.split('=');
				jar.set(name!, value ?? '');
			}
			this.cookie = [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
		}
		return res;
	}

	async startRoom(agendaId: string): Promise<{ id: string; code: string }> {
		const res = await this.request('/trainer?/start', { agendaId });
		const id = res.headers.get('location')?.match(/\/trainer\/rooms\/([^/?#]+)/)?.[1];
		if (!id) throw new Error(`starting a session failed (${res.status})`);
		const page = await (await this.request(`/trainer/rooms/${id}`)).text();
		const code = page.match(/\/j\/([A-Za-z0-9]{6})\b/)?.[1];
		if (!code) throw new Error('no room code on the session page');
		return { id, code };
	}
}

/** The room's projector: reconnects by itself and watches the room again on every connect. */
class Projector {
	readonly socket: Socket;
	readonly watchedAt: number[] = [];
	constructor(base: string, cookie: string, code: string, roomId: string) {
		this.socket = io(base, {
			transports: ['websocket'],
			forceNew: true,
			reconnectionDelay: 300,
			reconnectionDelayMax: 3000,
			query: { room: code },
			extraHeaders: { cookie }
		});
		const socket = this.socket;
		socket.on('connect_error', () => {
			if (!socket.active) setTimeout(() => socket.connect(), 500);
		});
		socket.on('connect', async () => {
			for (let i = 0; i < 20 && socket.connected; i++) {
				const res = await emit(socket, 'room:watch', { roomId }, 10_000);
				if (res !== 'timeout' && res.ok) return void this.watchedAt.push(Date.now());
				await sleep(300);
			}
		});
	}
}

export async function runCluster(options: Partial<ClusterOptions> = {}) {
	const o: ClusterOptions = { ...FULL, ...options };
	const log = (line: string) => console.log(`cluster: ${line}`);
	const silent = [
		...((await redisAnswers(o.redisUrl)) ? [] : [`Redis at ${o.redisUrl}`]),
		...(psql(`${o.postgresUrl}/postgres`, 'SELECT 1').ok ? [] : [`PostgreSQL at ${o.postgresUrl}`])
	];
	if (silent.length) {
		const message = `Skipped the organisation-mode cluster test: ${silent.join(' and ')} ${silent.length > 1 ? 'do' : 'does'} not answer.`;
		if (o.ifAvailable) {
			console.log(message);
			return { ok: true, skipped: true };
		}
		throw new Error(message);
	}
	if (o.withHandoverTest) {
		const unit = spawnSync('npx', ['vitest', 'run', '--config', 'tests/cluster/vitest.config.ts'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, CLUSTER_REDIS_URL: o.redisUrl }
		});
		if (unit.status !== 0) throw new Error('the handover test failed');
	}
	if (!ensureNginx()) throw new Error('nginx is missing: apt-get install -y nginx');
	if (!existsSync(join(root, 'build', 'handler.js'))) {
		log('no build: npm run build');
		if (spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0)
			throw new Error('the build failed');
	}

	const started = Date.now();
	const random = mulberry32(o.seed);
	const run = randomBytes(4).toString('hex');
	const prefix = `wc-cluster-${run}:`;
	const dbName = `wc_cluster_${run}`;
	const dir = mkdtempSync(join(tmpdir(), 'wc-cluster-'));
	const created = psql(`${o.postgresUrl}/postgres`, `CREATE DATABASE ${dbName}`);
	if (!created.ok) throw new Error(`CREATE DATABASE failed: ${created.error}`);
	const lbPort = o.basePort || (await freePort());
	const nodePorts: number[] = [];
	for (let i = 1; i <= o.nodes; i++) nodePorts.push(o.basePort ? o.basePort + i : await freePort());
	const base = `http://127.0.0.1:${lbPort}`;
	const env = {
		DATABASE_PATH: join(dir, 'workshop.db'),
		DATABASE_URL: `${o.postgresUrl}/${dbName}`,
		REDIS_URL: o.redisUrl,
		REDIS_PREFIX: prefix,
		HOST: '127.0.0.1',
		ORIGIN: base,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	};
	const nodes = nodePorts.map((port, i) => new NodeProcess(`n${i + 1}`, port, env));
	let nginx: ChildProcess | undefined;
	const phones: Phone[] = [];
	const projectors: Projector[] = [];
	const redis = createClient({ url: o.redisUrl });
	redis.on('error', () => {});
	await redis.connect();
	try {
		// The first node applies the migrations alone; then the others start.
		await nodes[0]!.start();
		await Promise.all(nodes.slice(1).map((n) => n.start()));
		nginx = await startNginx(dir, lbPort, nodePorts);
		log(
			`${o.nodes} nodes on ${nodePorts.join(', ')}, nginx on ${lbPort}, Redis prefix ${prefix}, database ${dbName}`
		);

		const trainer = new Browser(base);
		const signedUp = await trainer.request('/signup', {
			name: 'Cluster Trainer',
			email: `cluster-${run}@example.org`,
			password: 'correct horse battery staple'
		});
		if (signedUp.status !== 303)
			throw new Error(
				`sign-up failed (${signedUp.status}): ${(await signedUp.text()).replace(/<[^>]+>/g, ' ').slice(0, 400)}`
			);
		const dashboard = await (await trainer.request('/trainer')).text();
		const agendaId = dashboard.match(/name="agendaId"[^>]*value="([^"]+)"/)?.[1];
		if (!agendaId) throw new Error('no agenda to start on the dashboard');

		const rooms: { id: string; code: string; runId: string; phones: Phone[] }[] = [];
		for (let r = 0; r < o.rooms; r++) {
			const room = await trainer.startRoom(agendaId);
			const projector = new Projector(base, trainer.cookie, room.code, room.id);
			projectors.push(projector);
			await connected(projector.socket, 20_000);
			const launched = await emit<{ runId: string }>(
				projector.socket,
				'activity:launch',
				{ roomId: room.id, activityId: 'quick-poll-example' },
				15_000
			);
			if (launched === 'timeout' || !launched.ok)
				throw new Error(`launch failed: ${launched === 'timeout' ? 'timeout' : launched.error}`);
			rooms.push({ ...room, runId: launched.data.runId, phones: [] });
		}
		for (let i = 0; i < o.phones; i++) {
			const room = rooms[i % rooms.length]!;
			const phone = new Phone(
				`Phone ${String(i + 1).padStart(3, '0')}`,
				base,
				room.code,
				room.runId,
				4000,
				() => random() < 0.05
			);
			room.phones.push(phone);
			phones.push(phone);
		}
		for (let i = 0; i < phones.length; i += 25)
			await Promise.all(phones.slice(i, i + 25).map((p) => p.join()));
		log(`${rooms.length} rooms, ${phones.length} phones joined`);

		const holderOf = async (roomId: string) =>
			((await redis.get(`${prefix}lease:${roomId}`)) ?? '').split('/')[0] ?? '';
		const answering = Date.now();
		const timers: ReturnType<typeof setTimeout>[] = [];
		for (const phone of phones)
			for (let k = 0; k < o.inputsPerPhone; k++) {
				const option = Math.floor(random() * 5);
				timers.push(setTimeout(() => phone.answer(option), random() * o.durationMs * 0.9));
			}

		let drops = 0;
		const events: Record<string, number | string | null> = {};
		let killed: { room: (typeof rooms)[number]; at: number; node: NodeProcess } | undefined;
		let termed: { room: (typeof rooms)[number]; at: number; node: NodeProcess } | undefined;
		const restarts: Promise<void>[] = [];
		while (Date.now() - answering < o.durationMs) {
			await sleep(1000);
			for (const phone of phones) {
				if (random() >= o.dropRate || !phone.socket.connected) continue;
				phone.drop();
				drops++;
			}
			const elapsed = Date.now() - answering;
			if (!killed && elapsed >= o.killAtMs) {
				const room = rooms[0]!;
				const holder = await holderOf(room.id);
				const owner = nodes.find((n) => n.id === holder);
				if (!owner) throw new Error(`no node holds room ${room.code} (lease: "${holder}")`);
				log(
					`kill -9 of ${owner.id}, the node running room ${room.code}, at ${(elapsed / 1000).toFixed(1)} s`
				);
				await owner.stop('SIGKILL');
				killed = { room, at: Date.now(), node: owner };
				restarts.push(
					(async () => {
						await sleep(o.downMs);
						await owner.start();
						log(`${owner.id} restarted`);
					})()
				);
				// When another node holds the room's lease: the takeover.
				void (async () => {
					while (Date.now() - killed!.at < 30_000) {
						const now = await holderOf(room.id);
						if (now && now !== owner.id) {
							events.takeoverMs = Date.now() - killed!.at;
							events.takenBy = now;
							return;
						}
						await sleep(100);
					}
				})();
			}
			if (!termed && o.termAtMs >= 0 && elapsed >= o.termAtMs) {
				const room = rooms[1]!;
				const holder = await holderOf(room.id);
				const owner = nodes.find((n) => n.id === holder);
				if (owner && owner !== killed?.node) {
					log(
						`SIGTERM to ${owner.id}, the node running room ${room.code}, at ${(elapsed / 1000).toFixed(1)} s`
					);
					termed = { room, at: Date.now(), node: owner };
					restarts.push(
						(async () => {
							await owner.stop('SIGTERM');
							await sleep(o.downMs);
							await owner.start();
							log(`${owner.id} restarted after its handover`);
						})()
					);
				}
			}
		}
		timers.forEach(clearTimeout);
		for (const phone of phones)
			while (phone.made.length < o.inputsPerPhone) phone.answer(Math.floor(random() * 5));
		await Promise.all(restarts);

		log('answering over; waiting for every outbox to empty');
		const settleStart = Date.now();
		while (Date.now() - settleStart < o.settleTimeoutMs) {
			if (phones.every((p) => p.settled)) break;
			await sleep(200);
		}
		const settleMs = Date.now() - settleStart;
		/** From the event until every phone of the room had resumed again (their own reconnection). */
		const backAfter = (ev: { room: (typeof rooms)[number]; at: number } | undefined) => {
			if (!ev) return null;
			const firsts = ev.room.phones.map((p) => p.resumedAt.find((t) => t >= ev.at));
			return firsts.every((t) => t !== undefined)
				? Math.max(...(firsts as number[])) - ev.at
				: null;
		};
		const projectorBack = (ev: { room: (typeof rooms)[number]; at: number } | undefined) => {
			if (!ev) return null;
			const p = projectors[rooms.indexOf(ev.room)]!;
			const t = p.watchedAt.find((w) => w >= ev.at);
			return t === undefined ? null : t - ev.at;
		};

		let staleViews = 0;
		for (let i = 0; i < phones.length; i += 25) {
			const views = await Promise.all(phones.slice(i, i + 25).map((p) => p.freshView()));
			views.forEach((view, j) => {
				const last = phones[i + j]!.made.at(-1)?.options ?? [];
				if (!view || JSON.stringify(view.mine) !== JSON.stringify(last)) staleViews++;
			});
		}
		for (const phone of phones) phone.close();
		for (const p of projectors) p.socket.disconnect();

		// The truth as a facilitator gets it: each room's JSON export, downloaded through nginx.
		let stored = 0;
		let lost = 0;
		let duplicates = 0;
		let unknown = 0;
		let outOfOrder = 0;
		for (const room of rooms) {
			const res = await trainer.request(`/trainer/rooms/${room.id}/export/session.json`);
			if (!res.ok) throw new Error(`export of ${room.code} failed (${res.status})`);
			const checked = checkExport(await res.json(), room.runId, room.phones);
			stored += checked.rows.length;
			lost += checked.lost;
			duplicates += checked.duplicates;
			unknown += checked.unknown;
			outOfOrder += checked.outOfOrder;
		}
		const inputsMade = phones.reduce((n, p) => n + p.made.length, 0);
		const acked = phones.reduce((n, p) => n + p.acked.size, 0);
		const refused = phones.reduce((n, p) => n + p.refused.length, 0);
		const summary = {
			ok: false,
			nodes: o.nodes,
			rooms: o.rooms,
			phones: o.phones,
			dropRate: o.dropRate,
			inputsMade,
			acked,
			ackedAsDuplicate: phones.reduce((n, p) => n + p.ackedAsDuplicate, 0),
			stored,
			lost,
			duplicates,
			unacked: inputsMade - acked,
			refused,
			unknown,
			outOfOrder,
			staleViews,
			drops,
			acksLost: phones.reduce((n, p) => n + p.acksLost, 0),
			crashes: nodes.reduce((n, node) => n + node.crashes, 0),
			kill: killed
				? {
						node: killed.node.id,
						takeoverMs: events.takeoverMs ?? null,
						takenBy: events.takenBy ?? null,
						phonesBackMs: backAfter(killed),
						projectorBackMs: projectorBack(killed)
					}
				: null,
			sigterm: termed
				? {
						node: termed.node.id,
						phonesBackMs: backAfter(termed),
						projectorBackMs: projectorBack(termed)
					}
				: null,
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
			summary.crashes === 0 &&
			!!killed &&
			summary.kill?.phonesBackMs !== null &&
			summary.kill?.projectorBackMs !== null &&
			stored === acked;
		for (const p of phones)
			for (const r of p.refused.slice(0, 1)) log(`${p.name} refused: ${r.error}`);
		log(
			`${summary.ok ? 'PASS' : 'FAIL'}: ${o.nodes} nodes, ${o.rooms} rooms, ${o.phones} phones, ${drops} drops; ` +
				`inputs made ${inputsMade}, acked ${acked} (${summary.ackedAsDuplicate} as duplicates), stored ${stored}, ` +
				`lost ${lost}, duplicates ${duplicates}, node crashes ${summary.crashes}, unacked ${summary.unacked}, out of order ${outOfOrder}, stale views ${staleViews}; ` +
				`kill -9: lease taken by ${summary.kill?.takenBy} after ${fmt(summary.kill?.takeoverMs)}, phones back after ${fmt(summary.kill?.phonesBackMs)}, projector after ${fmt(summary.kill?.projectorBackMs)}` +
				(summary.sigterm
					? `; SIGTERM: phones back after ${fmt(summary.sigterm.phonesBackMs)}, projector after ${fmt(summary.sigterm.projectorBackMs)}`
					: '') +
				`; settled in ${fmt(settleMs)}, ${fmt(summary.elapsedMs)} in all`
		);
		if (o.out) {
			mkdirSync(dirname(o.out), { recursive: true });
			writeFileSync(o.out, JSON.stringify(summary, null, 2) + '\n');
		}
		return summary;
	} finally {
		for (const phone of phones) if (phone.socket) phone.close();
		for (const p of projectors) p.socket.disconnect();
		await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
		if (nginx && nginx.exitCode === null) {
			const exited = new Promise((r) => nginx!.once('exit', r));
			nginx.kill('SIGTERM');
			await exited;
		}
		// Nothing of this run stays behind: its keys and streams, its database, its files.
		for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
			if (keys.length) await redis.del(keys);
		await redis.quit().catch(() => {});
		psql(`${o.postgresUrl}/postgres`, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
		rmSync(dir, { recursive: true, force: true });
	}
}

function fmt(ms: unknown): string {
	return typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '?';
}

function parseArgs(argv: string[]): Partial<ClusterOptions> {
	const opts: Partial<ClusterOptions> = {};
	for (const arg of argv) {
		const [key, value = ''] = arg.replace(/^--/, '').split('=');
		if (key === 'short') Object.assign(opts, SHORT);
		else if (key === 'if-available') opts.ifAvailable = true;
		else if (key === 'port') opts.basePort = Number(value);
		else if (key === 'phones') opts.phones = Number(value);
		else if (key === 'rooms') opts.rooms = Number(value);
		else if (key === 'duration') opts.durationMs = Number(value) * 1000;
		else if (key === 'seed') opts.seed = Number(value);
		else if (key === 'out') opts.out = resolve(value);
		else
			throw new Error(
				`unknown option ${arg} (use --short --if-available --port=N --phones=N --rooms=N --duration=SECONDS --seed=N --out=FILE)`
			);
	}
	return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	runCluster(parseArgs(process.argv.slice(2))).then(
		(s) => process.exit(s.ok ? 0 : 1),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
