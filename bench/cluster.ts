/**
 * Bench scenario "cluster": many rooms on one node against the same rooms on three nodes behind nginx
 * (organisation mode: Redis adapter and leases). On one machine the three nodes share its cores, so
 * the ratio is the cluster's overhead, not a speed-up; the per-input CPU costs (app nodes, Redis,
 * nginx) are what the README's projection to N machines is made from.
 *
 *   npx tsx bench/cluster.ts [--rooms 30 --per-room 10 --seconds 20 --every-ms 2000] [--quick] [--out file]
 *   node bench/run.js --scenario cluster   (the same, registered in the load benchmark)
 *
 * Each phone answers the room's quick poll every `everyMs` (a steady load, random phase); an input's
 * latency is from its emit to its ack (on disk). Needs Redis (CLUSTER_REDIS_URL) and nginx.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { Browser, ensureNginx, freePort, NodeProcess, startNginx } from '../tests/cluster/cluster';
import { connected, sleep } from '../tests/chaos/chaos';

interface Options {
	rooms: number;
	perRoom: number;
	seconds: number;
	everyMs: number;
	out: string | null;
}

interface Setup {
	label: string;
	nodes: number;
	cluster: boolean;
}

const SETUPS: Setup[] = [
	{ label: '1 node, SQLite, no Redis (a laptop today)', nodes: 1, cluster: false },
	{ label: '1 node + Redis + nginx', nodes: 1, cluster: true },
	{ label: '3 nodes + Redis + nginx', nodes: 3, cluster: true }
];

const redisUrl = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number | undefined): number {
	if (!pid) return 0;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(f[11]) + Number(f[12])) / 100;
	} catch {
		return 0;
	}
}

/** nginx's master and its workers. */
function treeCpu(pid: number | undefined): number {
	if (!pid) return 0;
	let total = cpuSeconds(pid);
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
		for (const c of children) if (c) total += cpuSeconds(Number(c));
	} catch {
		/* no children */
	}
	return total;
}

async function redisCpu(redis: ReturnType<typeof createClient>): Promise<number> {
	const info = await redis.info('cpu');
	const user = Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
	const sys = Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
	return user + sys;
}

function pct(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function runSetup(setup: Setup, o: Options, redis: ReturnType<typeof createClient>) {
	const dir = mkdtempSync(join(tmpdir(), 'wc-bench-cluster-'));
	const prefix = `wc-bench-${randomBytes(4).toString('hex')}:`;
	const ports: number[] = [];
	for (let i = 0; i < setup.nodes; i++) ports.push(await freePort());
	const lbPort = await freePort();
	const base = setup.cluster ? `http://127.0.0.1:${lbPort}` : `http://127.0.0.1:${ports[0]}`;
	const env: NodeJS.ProcessEnv = {
		DATABASE_PATH: join(dir, 'bench.db'),
		HOST: '127.0.0.1',
		ORIGIN: base,
		...(setup.cluster
			? {
					REDIS_URL: redisUrl,
					REDIS_PREFIX: prefix,
					ADDRESS_HEADER: 'x-forwarded-for',
					XFF_DEPTH: '1'
				}
			: {})
	};
	const nodes = ports.map((port, i) => new NodeProcess(`b${i + 1}`, port, env));
	let nginx: ChildProcess | undefined;
	const sockets: Socket[] = [];
	try {
		await nodes[0]!.start();
		await Promise.all(nodes.slice(1).map((n) => n.start()));
		if (setup.cluster) nginx = await startNginx(dir, lbPort, ports);
		const trainer = new Browser(base);
		await trainer.request('/signup', {
			name: 'Bench Trainer',
			email: `bench-${prefix.slice(9, 17)}@example.org`,
			password: 'correct horse battery staple'
		});
		const dashboard = await (await trainer.request('/trainer')).text();
		const agendaId = dashboard.match(/name="agendaId"[^>]*value="([^"]+)"/)?.[1];
		if (!agendaId) throw new Error('no agenda on the dashboard');
		const phones: { socket: Socket; runId: string; n: number }[] = [];
		for (let r = 0; r < o.rooms; r++) {
			const room = await trainer.startRoom(agendaId);
			const open = (cookie?: string) => {
				const s = io(base, {
					transports: ['websocket'],
					forceNew: true,
					query: { room: room.code },
					extraHeaders: cookie ? { cookie } : {}
				});
				sockets.push(s);
				return s;
			};
			const projector = open(trainer.cookie);
			await connected(projector, 20_000);
			const launched = await projector.emitWithAck('activity:launch', {
				roomId: room.id,
				activityId: 'quick-poll-example'
			});
			if (!launched.ok) throw new Error(`launch: ${launched.error}`);
			await Promise.all(
				Array.from({ length: o.perRoom }, async (_, i) => {
					const socket = open();
					await connected(socket, 20_000);
					const joined = await socket.emitWithAck('room:join', {
						code: room.code,
						name: `Phone ${r}-${i}`
					});
					if (!joined.ok) throw new Error(`join: ${joined.error}`);
					phones.push({ socket, runId: launched.data.runId, n: 0 });
				})
			);
		}

		const pids = nodes.map((n) => n.pid);
		const before = {
			nodes: pids.reduce((t, pid) => t + cpuSeconds(pid), 0),
			redis: setup.cluster ? await redisCpu(redis) : 0,
			nginx: treeCpu(nginx?.pid)
		};
		const latencies: number[] = [];
		let errors = 0;
		const started = performance.now();
		const until = started + o.seconds * 1000;
		await Promise.all(
			phones.map(async (phone) => {
				await sleep(Math.random() * o.everyMs);
				while (performance.now() < until) {
					const sent = performance.now();
					const res = await phone.socket
						.timeout(10_000)
						.emitWithAck('activity:submit', {
							runId: phone.runId,
							inputId: `i-${phone.n++}`,
							input: { kind: 'choose', options: [phone.n % 4] }
						})
						.catch(() => null);
					if (res?.ok) latencies.push(performance.now() - sent);
					else errors++;
					await sleep(Math.max(0, o.everyMs - (performance.now() - sent)));
				}
			})
		);
		const elapsed = (performance.now() - started) / 1000;
		const inputs = latencies.length;
		const after = {
			nodes: pids.reduce((t, pid) => t + cpuSeconds(pid), 0),
			redis: setup.cluster ? await redisCpu(redis) : 0,
			nginx: treeCpu(nginx?.pid)
		};
		const perInput = (s: number) => Math.round(((s * 1000) / Math.max(1, inputs)) * 1000) / 1000;
		return {
			setup: setup.label,
			nodes: setup.nodes,
			phones: phones.length,
			rooms: o.rooms,
			inputs,
			errors,
			inputsPerSecond: Math.round(inputs / elapsed),
			ackMs: {
				p50: Math.round(pct(latencies, 50) * 10) / 10,
				p95: Math.round(pct(latencies, 95) * 10) / 10,
				p99: Math.round(pct(latencies, 99) * 10) / 10
			},
			cpuMsPerInput: {
				nodes: perInput(after.nodes - before.nodes),
				redis: perInput(after.redis - before.redis),
				nginx: perInput(after.nginx - before.nginx)
			}
		};
	} finally {
		for (const s of sockets) s.disconnect();
		await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
		if (nginx && nginx.exitCode === null) {
			const exited = new Promise((r) => nginx!.once('exit', r));
			nginx.kill('SIGTERM');
			await exited;
		}
		for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
			if (keys.length) await redis.del(keys);
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function benchCluster(o: Options) {
	if (!ensureNginx()) throw new Error('nginx is missing: apt-get install -y nginx');
	const redis = createClient({ url: redisUrl });
	await redis.connect();
	const results = [];
	try {
		for (const setup of SETUPS) {
			console.log(`cluster bench: ${setup.label}, ${o.rooms} rooms × ${o.perRoom} phones…`);
			const r = await runSetup(setup, o, redis);
			console.log(
				`  ${r.inputs} inputs (${r.inputsPerSecond}/s, ${r.errors} errors), ack p50 ${r.ackMs.p50} ms, p95 ${r.ackMs.p95} ms, p99 ${r.ackMs.p99} ms; ` +
					`CPU per input: nodes ${r.cpuMsPerInput.nodes} ms, Redis ${r.cpuMsPerInput.redis} ms, nginx ${r.cpuMsPerInput.nginx} ms`
			);
			results.push(r);
		}
	} finally {
		await redis.quit();
	}
	const summary = {
		options: o,
		machine: {
			cores: os.cpus().length,
			loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100)
		},
		results
	};
	if (o.out) {
		mkdirSync(dirname(o.out), { recursive: true });
		writeFileSync(o.out, JSON.stringify(summary, null, '\t') + '\n');
	}
	return summary;
}

function parseArgs(argv: string[]): Options {
	const o: Options = { rooms: 30, perRoom: 10, seconds: 20, everyMs: 2000, out: null };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i]!.split('=');
		const value = () => inline ?? argv[++i]!;
		if (flag === '--rooms') o.rooms = Number(value());
		else if (flag === '--per-room') o.perRoom = Number(value());
		else if (flag === '--seconds') o.seconds = Number(value());
		else if (flag === '--every-ms') o.everyMs = Number(value());
		else if (flag === '--quick') Object.assign(o, { rooms: 10, perRoom: 10, seconds: 10 });
		else if (flag === '--out') o.out = value();
		else throw new Error(`Unknown option ${argv[i]}`);
	}
	return o;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
	benchCluster(parseArgs(process.argv.slice(2))).then(
		() => process.exit(0),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
