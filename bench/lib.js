// Small helpers for the benchmark: statistics, process sampling from /proc, free ports, HTTP.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of an unsorted list; null when empty. */
export function percentile(values, p) {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

export function summary(values) {
	return {
		count: values.length,
		p50: round(percentile(values, 50)),
		p95: round(percentile(values, 95)),
		p99: round(percentile(values, 99)),
		max: round(values.length ? maxOf(values) : null)
	};
}

export function round(v, digits = 1) {
	if (v === null || v === undefined || Number.isNaN(v)) return null;
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}

/** A port the OS says is free now (never 4173 or 4300–4310, which another engineer uses). */
export async function freePort() {
	for (;;) {
		const port = await new Promise((resolve, reject) => {
			const srv = createServer();
			srv.unref();
			srv.on('error', reject);
			srv.listen(0, '127.0.0.1', () => {
				const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
				srv.close(() => resolve(port));
			});
		});
		if (port !== 4173 && (port < 4300 || port > 4310)) return port;
	}
}

const CLK_TCK = 100; // Linux's USER_HZ on every mainstream kernel (getconf CLK_TCK)

/** CPU seconds (user + system) and resident memory of one process, from /proc. */
export function readProc(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name, which is in parentheses and may contain spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return { at: now(), cpuSeconds, rssKb };
	} catch {
		return null;
	}
}

/** Busy CPU seconds of the whole machine (every core, every process), from /proc/stat. */
export function machineCpuSeconds() {
	try {
		const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
		// Fields: user nice system idle iowait irq softirq steal …; idle and iowait are not busy.
		const [user, nice, system, , , irq, softirq, steal] = line
			.trim()
			.split(/\s+/)
			.slice(1)
			.map(Number);
		return (user + nice + system + irq + softirq + (steal ?? 0)) / CLK_TCK;
	} catch {
		return null;
	}
}

/** Samples a process every `everyMs` until stopped: mean CPU % (of one core), peak and last RSS. */
export function sampler(pid, everyMs = 250) {
	const first = readProc(pid);
	const samples = first ? [first] : [];
	const timer = setInterval(() => {
		const s = readProc(pid);
		if (s) samples.push(s);
	}, everyMs);
	return {
		stop() {
			clearInterval(timer);
			const last = readProc(pid);
			if (last) samples.push(last);
			if (samples.length < 2)
				return {
					cpuPct: null,
					cpuPeakPct: null,
					cpuSeconds: null,
					rssPeakMb: null,
					rssEndMb: null
				};
			const a = samples[0];
			const b = samples.at(-1);
			let peak = 0;
			for (let i = 1; i < samples.length; i++) {
				const dt = (samples[i].at - samples[i - 1].at) / 1000;
				if (dt > 0.1)
					peak = Math.max(peak, (samples[i].cpuSeconds - samples[i - 1].cpuSeconds) / dt);
			}
			return {
				cpuPct: round((100 * (b.cpuSeconds - a.cpuSeconds)) / ((b.at - a.at) / 1000)),
				cpuPeakPct: round(100 * peak),
				cpuSeconds: round(b.cpuSeconds - a.cpuSeconds, 2),
				rssPeakMb: round(Math.max(...samples.map((s) => s.rssKb)) / 1024),
				rssEndMb: round(b.rssKb / 1024)
			};
		}
	};
}

/** The largest of many numbers (Math.max(...values) overflows the stack beyond about 100,000). */
export function maxOf(values) {
	let max = -Infinity;
	for (const v of values) if (v > max) max = v;
	return max;
}

/** The smallest of many numbers; see maxOf. */
export function minOf(values) {
	let min = Infinity;
	for (const v of values) if (v < min) min = v;
	return min;
}
