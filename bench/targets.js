// The two servers the generator drives, behind one small adapter each:
//   app   — the production build (`node scripts/serve.js`), a fresh database file, the shipped content;
//           a trainer signs up through the /signup form and opens rooms through the dashboard's form.
//   relay — bench/relay.js, a bare socket.io relay with the same options and event names.
// Each adapter: start() → { pid, url, stop() }, rooms(count) → [{ roomId, code }], trainerCookie,
// and projectorView(activity) → { answered, completed, texts } (what the projector sees).
import { fork } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lib.js';

const root = join(import.meta.dirname, '..');

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();

/** Kills every server this process started (finally blocks, SIGINT, uncaught errors). */
export function killAll(signal = 'SIGTERM') {
	for (const child of children)
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

function startChild(script, env, execArgv = []) {
	const child = fork(script, [], {
		cwd: root,
		env: { ...process.env, ...env },
		execArgv,
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	children.add(child);
	let log = '';
	const keep = (chunk) => {
		log = (log + chunk).slice(-20_000);
		// BENCH_CHILD_LOG=file keeps all of it (with BENCH_APP_NODE_ARGS=--trace-gc-nvp, the collections).
		if (process.env.BENCH_CHILD_LOG) appendFileSync(process.env.BENCH_CHILD_LOG, chunk);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const ready = new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`${script} did not start within 60 s:\n${log}`)),
			60_000
		);
		child.on('message', (msg) => {
			if (msg && typeof msg === 'object' && msg.ready) {
				clearTimeout(timer);
				resolve(msg.port);
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${script} exited with ${code}:\n${log}`));
		});
	});
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(force);
		children.delete(child);
	};
	return { child, ready, stop, log: () => log };
}

/** The app: production build, fresh database, normal content. `cpuProfDir` runs it under --cpu-prof. */
export function appTarget({ cpuProfDir } = {}) {
	let dir = '';
	let url = '';
	let cookie = '';
	let handle;
	return {
		name: 'app',
		/** A fresh database each time: the benchmark may start the app again for its next part. */
		async start() {
			dir = mkdtempSync(join(tmpdir(), 'wc-bench-'));
			const port = await freePort();
			const execArgv = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
			if (process.env.BENCH_APP_NODE_ARGS)
				execArgv.push(...process.env.BENCH_APP_NODE_ARGS.split(' '));
			handle = startChild(
				join(root, 'scripts', 'serve.js'),
				{
					PORT: String(port),
					HOST: '127.0.0.1',
					DATABASE_PATH: join(dir, 'bench.db'),
					NODE_ENV: 'production'
				},
				execArgv
			);
			await handle.ready;
			url = `http://127.0.0.1:${port}`;
			cookie = await signUp(url);
			return { pid: handle.child.pid, url };
		},
		get trainerCookie() {
			return cookie;
		},
		/** Opens rooms through the dashboard's "Start live session" form; the code comes from room:watch. */
		async openRooms(count) {
			const rooms = [];
			for (let i = 0; i < count; i++) {
				const res = await fetch(`${url}/trainer?/start`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						cookie,
						origin: url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ agendaId: 'session-a' })
				});
				const location = res.headers.get('location') ?? '';
				const m = /\/trainer\/rooms\/([^/?#]+)$/.exec(location);
				if (res.status !== 303 || !m)
					throw new Error(`Starting a room failed: ${res.status} ${location} ${await res.text()}`);
				rooms.push({ roomId: m[1] });
			}
			return rooms;
		},
		activities: { poll: 'quick-poll-example', amo: 'amo-assessment', pyramid: 'pm-pyramid' },
		projectorView(activity) {
			const view = activity?.view ?? {};
			const texts = [];
			for (const g of view.groups ?? [])
				for (const t of g.tiers ?? []) for (const c of t.cards ?? []) texts.push(c.text);
			return { answered: activity?.progress?.answered ?? 0, completed: view.completed ?? 0, texts };
		},
		async stop() {
			await handle?.stop();
			if (dir) rmSync(dir, { recursive: true, force: true });
		},
		log: () => handle?.log() ?? ''
	};
}

/** Signs a trainer up through the HTTP form, as a person would; returns the session cookie. */
async function signUp(url) {
	const res = await fetch(`${url}/signup`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			name: 'Bench Trainer',
			email: `bench-${Date.now()}@example.org`,
			password: 'benchmark password 123'
		})
	});
	const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('wc_session='));
	if (res.status !== 303 || !setCookie)
		throw new Error(`Sign-up failed: ${res.status} ${await res.text()}`);
	return setCookie.split(';')[0];
}

/** The bare relay: rooms are just names; the projector is a watcher socket. `cpuProfDir` as the app's. */
export function relayTarget({ cpuProfDir } = {}) {
	let handle;
	let n = 0;
	return {
		name: 'relay',
		async start() {
			const port = await freePort();
			const execArgv = cpuProfDir
				? ['--cpu-prof', `--cpu-prof-dir=${join(cpuProfDir, 'relay')}`]
				: [];
			// Node flags to try on the relay (as BENCH_APP_NODE_ARGS on the app): none by default, it is socket.io bare.
			if (process.env.BENCH_RELAY_NODE_ARGS)
				execArgv.push(...process.env.BENCH_RELAY_NODE_ARGS.split(' '));
			handle = startChild(
				join(import.meta.dirname, 'relay.js'),
				{ PORT: String(port), HOST: '127.0.0.1' },
				execArgv
			);
			await handle.ready;
			return { pid: handle.child.pid, url: `http://127.0.0.1:${port}` };
		},
		trainerCookie: '',
		async openRooms(count) {
			return Array.from({ length: count }, () => ({ roomId: `R${String(++n).padStart(5, '0')}` }));
		},
		activities: { poll: 'poll', amo: 'amo', pyramid: 'pyramid' },
		projectorView(activity) {
			return {
				answered: activity?.progress?.answered ?? 0,
				completed: activity?.view?.completed ?? 0,
				texts: activity?.view?.texts ?? []
			};
		},
		async stop() {
			await handle?.stop();
		},
		log: () => handle?.log() ?? ''
	};
}
