// The human table and the target checks: our figure, the relay's, the ratio, the target, met or not.
import { round } from './lib.js';

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const errorsOf = (e) => (e ? e.connectErrors + e.ackErrors + e.ackTimeouts : undefined);

/** Context rows for one scenario: the machine's load, the generator's CPU, the server's cost per input. */
function costRows(section, base, { perInput = true, wire = true } = {}) {
	const r = (label, path, unit, extra = {}) => ({ section, label, path, unit, ...extra });
	return [
		...(perInput ? [r('server CPU per accepted input', `${base}.serverCpuMsPerInput`, 'ms')] : []),
		...(wire
			? [
					r('bytes to phones per input (acks + pushes)', `${base}.wire.phoneBytesPerInput`, 'B'),
					r('bytes per projector update', `${base}.wire.projectorBytesPerUpdate`, 'B')
				]
			: []),
		r('generator CPU, all threads (mean)', `${base}.generatorCpuPct`, '%'),
		r('load average before / other processes’ CPU', `${base}.machine.loadAverage1m`, '', {
			alsoPath: `${base}.machine.otherCpuPct`,
			value: (v) => v,
			busyPath: `${base}.machine.busy`
		}),
		r('machine speed probe before (ms, lower is faster)', `${base}.machine.speedProbeMs`, 'ms')
	];
}

/** A relay-relative target: app ≤ relay + `ms`. */
const relayPlus = (ms) => ({
	target: `≤ relay + ${ms} ms`,
	met: (a, r) => a != null && r != null && a <= r + ms
});
const atMost = (limit, unit = 'ms') => ({
	target: `≤ ${limit} ${unit}`,
	met: (a) => a !== null && a !== undefined && a <= limit
});

/** The scale sweep: one section per size, with the issue's targets at 4,000 and 8,000. */
function scaleRows(opts) {
	return (opts.sweep ?? []).flatMap((n, i) => {
		const section = `one room, ${n} phones (joins at once; AMO burst)`;
		const base = `scale.${i}`;
		const r = (label, path, unit, extra = {}) => ({ section, label, path, unit, ...extra });
		const at4000 = n === 4000;
		const at8000 = n === 8000;
		return [
			r(`phones joined (of ${n})`, `${base}.joinAtOnce.joined`, '', {
				target: `= ${n}`,
				met: (a) => a === n
			}),
			r('time to all joined, at once', `${base}.joinAtOnce.timeToAllJoinedS`, 's', {
				...(at8000
					? {
							target: '≤ 1.5× relay',
							met: (a, rl) => a != null && rl != null && a <= 1.5 * rl
						}
					: {})
			}),
			r('time to all joined, spread', `${base}.joinSpread.timeToAllJoinedS`, 's'),
			r('join ack p99, spread', `${base}.joinSpread.joinLatencyMs.p99`, 'ms'),
			r('RSS per connected phone', `${base}.rssPerPhoneKb`, 'KB', at8000 ? atMost(30, 'KB') : {}),
			r('AMO ack p99', `${base}.amo.ackMs.p99`, 'ms', {
				...(at4000 ? atMost(250) : {}),
				...(at8000
					? {
							target: '≤ 2× relay',
							met: (a, rl) => a != null && rl != null && a <= 2 * rl
						}
					: {})
			}),
			r('AMO submit→projector p99', `${base}.amo.toProjectorMs.p99`, 'ms'),
			r('AMO accepted inputs per second', `${base}.amo.acceptedPerSecond`, '/s', {
				...(at4000
					? {
							target: '≥ 95 % of relay',
							met: (a, rl) => a != null && rl != null && a >= 0.95 * rl
						}
					: {}),
				...(at8000
					? {
							target: '≥ 75 % of relay',
							met: (a, rl) => a != null && rl != null && a >= 0.75 * rl
						}
					: {})
			}),
			r('server CPU AMO (mean / peak)', `${base}.amo.server.cpuPct`, '%', {
				alsoPath: `${base}.amo.server.cpuPeakPct`
			}),
			...costRows(section, `${base}.amo`),
			r('errors + disconnects', `${base}.errors`, '', {
				value: (e) => (e ? errorsOf(e) + e.disconnects : undefined),
				target: '0',
				met: (a) => a === 0
			})
		];
	});
}

/**
 * Every row of the report. `target` is the issue's target (text) and `met(app, relay)` decides it;
 * rows without a target are context (relay ratio only).
 */
function rows(opts) {
	const N = opts.phones;
	const R = opts.rooms * opts.perRoom;
	const lat = (section, label, path, target = null) => ({
		section,
		label,
		path,
		unit: 'ms',
		target: target ? '≤ 250 ms' : null,
		met: target ? (a) => a !== null && a !== undefined && a <= 250 : null
	});
	return [
		{
			section: 'join storm',
			label: `phones joined (of ${N})`,
			path: 'join.joined',
			unit: '',
			target: `= ${N}`,
			met: (a) => a === N
		},
		{
			section: 'join storm',
			label: 'time to all joined',
			path: 'join.timeToAllJoinedS',
			unit: 's',
			target: '≤ 10 s',
			met: (a) => a !== null && a <= 10
		},
		{ section: 'join storm', label: 'join ack p50', path: 'join.joinLatencyMs.p50', unit: 'ms' },
		{ section: 'join storm', label: 'join ack p99', path: 'join.joinLatencyMs.p99', unit: 'ms' },
		{
			section: 'join storm',
			label: 'server CPU (mean, % of a core)',
			path: 'join.server.cpuPct',
			unit: '%'
		},
		...costRows('join storm', 'join', { perInput: false, wire: false }),
		{ section: 'memory', label: 'RSS idle', path: 'idleRssMb', unit: 'MB' },
		{ section: 'memory', label: `RSS with ${N} phones`, path: 'join.rssMb', unit: 'MB' },
		{
			section: 'memory',
			label: 'RSS per connected phone',
			path: 'join.rssPerPhoneKb',
			unit: 'KB',
			target: '≤ 30 KB',
			met: (a) => a !== null && a !== undefined && a <= 30
		},
		lat('answer burst: poll', 'ack p50', 'poll.ackMs.p50'),
		lat('answer burst: poll', 'ack p95', 'poll.ackMs.p95'),
		lat('answer burst: poll', 'ack p99', 'poll.ackMs.p99', true),
		lat('answer burst: poll', 'submit→projector p50', 'poll.toProjectorMs.p50'),
		lat('answer burst: poll', 'submit→projector p99', 'poll.toProjectorMs.p99', true),
		{
			section: 'answer burst: poll',
			label: 'server CPU (mean)',
			path: 'poll.server.cpuPct',
			unit: '%'
		},
		...costRows('answer burst: poll', 'poll'),
		lat('answer burst: AMO', 'ack p50', 'amo.ackMs.p50'),
		lat('answer burst: AMO', 'ack p95', 'amo.ackMs.p95'),
		lat('answer burst: AMO', 'ack p99', 'amo.ackMs.p99', true),
		lat('answer burst: AMO', 'submit→projector p50', 'amo.toProjectorMs.p50'),
		lat('answer burst: AMO', 'submit→projector p99', 'amo.toProjectorMs.p99', true),
		{
			section: 'answer burst: AMO',
			label: 'accepted inputs per second',
			path: 'amo.acceptedPerSecond',
			unit: '/s',
			target: '≥ 50 % of relay',
			met: (a, r) => a != null && r != null && a >= 0.5 * r
		},
		{
			section: 'answer burst: AMO',
			label: 'server CPU (mean / peak)',
			path: 'amo.server.cpuPct',
			unit: '%',
			alsoPath: 'amo.server.cpuPeakPct'
		},
		...costRows('answer burst: AMO', 'amo'),
		lat('group editing', 'ack p50', 'groups.ackMs.p50'),
		{ ...lat('group editing', 'ack p99', 'groups.ackMs.p99'), ...atMost(50) },
		lat('group editing', 'submit→projector p50', 'groups.toProjectorMs.p50'),
		{
			...lat('group editing', 'submit→projector p99', 'groups.toProjectorMs.p99'),
			...relayPlus(100)
		},
		{
			section: 'group editing',
			label: 'accepted inputs per second',
			path: 'groups.acceptedPerSecond',
			unit: '/s'
		},
		{
			section: 'group editing',
			label: 'server CPU (mean / peak)',
			path: 'groups.server.cpuPct',
			unit: '%',
			alsoPath: 'groups.server.cpuPeakPct'
		},
		{
			section: 'group editing',
			label: 'server RSS peak',
			path: 'groups.server.rssPeakMb',
			unit: 'MB',
			target: '≤ 2× relay',
			met: (a, r) => a != null && r != null && a <= 2 * r
		},
		...costRows('group editing', 'groups'),
		{
			section: 'one room',
			label: 'errors + disconnects',
			path: 'singleRoomErrors',
			unit: '',
			value: (e) => (e ? errorsOf(e) + e.disconnects : undefined),
			target: '0',
			met: (a) => a === 0
		},
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: `phones joined (of ${R})`,
			path: 'rooms.join.joined',
			unit: '',
			target: `= ${R}`,
			met: (a) => a === R
		},
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'time to all joined',
			path: 'rooms.join.timeToAllJoinedS',
			unit: 's'
		},
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'RSS per connected phone',
			path: 'rooms.join.rssPerPhoneKb',
			unit: 'KB'
		},
		lat(`many rooms ${opts.rooms}×${opts.perRoom}`, 'poll ack p99', 'rooms.poll.ackMs.p99', true),
		lat(
			`many rooms ${opts.rooms}×${opts.perRoom}`,
			'poll submit→projector p99',
			'rooms.poll.toProjectorMs.p99',
			true
		),
		{
			...lat(`many rooms ${opts.rooms}×${opts.perRoom}`, 'AMO ack p99', 'rooms.amo.ackMs.p99'),
			...atMost(100)
		},
		{
			...lat(
				`many rooms ${opts.rooms}×${opts.perRoom}`,
				'AMO submit→projector p99',
				'rooms.amo.toProjectorMs.p99'
			),
			...relayPlus(100)
		},
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'AMO accepted inputs per second',
			path: 'rooms.amo.acceptedPerSecond',
			unit: '/s'
		},
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'server CPU AMO (mean / peak)',
			path: 'rooms.amo.server.cpuPct',
			unit: '%',
			alsoPath: 'rooms.amo.server.cpuPeakPct'
		},
		...costRows(`many rooms ${opts.rooms}×${opts.perRoom}`, 'rooms.amo'),
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'errors + disconnects',
			path: 'rooms.errors',
			unit: '',
			value: (e) => (e ? errorsOf(e) + e.disconnects : undefined),
			target: '0',
			met: (a) => a === 0
		},
		...scaleRows(opts),
		...exportRows(opts)
	];
}

/** Issue 20: exports built beside a live room. */
function exportRows(opts) {
	const section = `exports: closed session of ${opts.exportParticipants}, live room of ${opts.livePhones}`;
	const row = (label, path, unit, extra = {}) => ({ section, label, path, unit, ...extra });
	return [
		row('closed session inputs', 'exports.closedInputs', ''),
		row('live AMO ack p99, no downloads', 'exports.ackP99AloneMs', 'ms'),
		row('live AMO ack p99, during downloads', 'exports.ackP99DuringMs', 'ms'),
		row('ack p99 rise', 'exports.ackP99RiseMs', 'ms', {
			target: '≤ 50 ms',
			met: (a) => a !== null && a !== undefined && a <= 50
		}),
		row('session.xlsx download: seconds / MB', 'exports.downloads.xlsx.seconds', '', {
			alsoPath: 'exports.downloads.xlsx.mb'
		}),
		row('session.json download: seconds / MB', 'exports.downloads.json.seconds', '', {
			alsoPath: 'exports.downloads.json.mb'
		}),
		row('inputs.csv download: seconds / MB', 'exports.downloads.csv.seconds', '', {
			alsoPath: 'exports.downloads.csv.mb'
		}),
		row('report page: seconds / MB', 'exports.downloads.report.seconds', '', {
			alsoPath: 'exports.downloads.report.mb'
		}),
		row('evidence pack page: seconds / MB', 'exports.downloads.pack.seconds', '', {
			alsoPath: 'exports.downloads.pack.mb'
		}),
		row('RSS before / after downloads', 'exports.rssBeforeMb', 'MB', {
			alsoPath: 'exports.rssAfterMb'
		}),
		row('RSS after ÷ before', 'exports.rssRatio', '×', {
			target: '≤ 1.5×',
			met: (a) => a !== null && a !== undefined && a <= 1.5
		}),
		row('live inputs rejected', 'exports.rejected', '', { target: '0', met: (a) => a === 0 })
	];
}

function valueOf(row, t) {
	if (!t) return undefined;
	const v = get(t, row.path);
	return row.value ? row.value(v) : v;
}

/** The checks against the issue's targets, for the JSON file and the exit summary. */
export function targetsFor(results, opts) {
	const app = results.targets.app;
	const relay = results.targets.relay;
	const checks = [];
	for (const row of rows(opts)) {
		const a = valueOf(row, app);
		const r = valueOf(row, relay);
		if (a === undefined && r === undefined) continue;
		const also = row.alsoPath
			? { app: get(app, row.alsoPath) ?? null, relay: get(relay, row.alsoPath) ?? null }
			: undefined;
		const busy = row.busyPath
			? { app: get(app, row.busyPath) ?? null, relay: get(relay, row.busyPath) ?? null }
			: undefined;
		checks.push({
			section: row.section,
			figure: row.label,
			unit: row.unit,
			app: a ?? null,
			relay: r ?? null,
			...(busy ? { busy } : {}),
			...(also ? { peak: also } : {}),
			ratio: typeof a === 'number' && typeof r === 'number' && r !== 0 ? round(a / r, 2) : null,
			target: row.target ?? null,
			met: row.met && app ? row.met(a ?? null, r ?? null) : null
		});
	}
	const b = results.bundle;
	if (b && !b.error) {
		checks.push({
			section: 'bundle (gzipped JS + CSS)',
			figure: 'join page first load',
			unit: 'KB',
			app: b.join.totalKb,
			relay: null,
			ratio: null,
			target: '≤ 60 KB',
			met: b.join.totalKb <= 60
		});
		checks.push({
			section: 'bundle (gzipped JS + CSS)',
			figure: 'phone page first load',
			unit: 'KB',
			app: b.phone.totalKb,
			relay: null,
			ratio: null,
			target: '≤ 60 KB',
			met: b.phone.totalKb <= 60
		});
		for (const [type, s] of Object.entries(b.phone.withActivityView ?? {})) {
			checks.push({
				section: 'bundle (gzipped JS + CSS)',
				figure: `phone page + ${type} view`,
				unit: 'KB',
				app: s.totalKb,
				relay: null,
				ratio: null,
				target: null,
				met: null
			});
		}
	}
	return checks;
}

export function printTable(results) {
	const fmt = (v, unit, peak) => {
		if (v === null || v === undefined) return '—';
		const s = `${v}${peak !== undefined && peak !== null ? ` / ${peak}` : ''}`;
		return unit && unit !== '/s' && unit !== '' ? `${s} ${unit}` : unit === '/s' ? `${s}/s` : s;
	};
	const lines = [['figure', 'app', 'relay', 'app/relay', 'target', 'met']];
	let section = '';
	const sectionRows = [];
	for (const c of results.checks) {
		if (c.section !== section) {
			section = c.section;
			sectionRows.push(lines.length);
			lines.push([`[${section}]`, '', '', '', '', '']);
		}
		const mark = (who) => (c.busy?.[who] ? ' BUSY' : '');
		lines.push([
			`  ${c.figure}`,
			fmt(c.app, c.unit, c.peak?.app) + mark('app'),
			fmt(c.relay, c.unit, c.peak?.relay) + mark('relay'),
			c.ratio === null ? '' : `${c.ratio}×`,
			c.target ?? '',
			c.met === null ? '' : c.met ? 'met' : 'NOT MET'
		]);
	}
	const widths = lines[0].map((_, i) =>
		Math.max(...lines.map((l, j) => (sectionRows.includes(j) ? 0 : l[i].length)))
	);
	const m = results.machine;
	console.log(
		`\nResults — ${m.cores} cores (${m.cpuModel}), ${m.totalMemoryGb} GB, Node ${m.node}, commit ${m.commit?.slice(0, 10)}, ${m.date}`
	);
	lines.forEach((l, j) => {
		if (sectionRows.includes(j)) console.log(l[0]);
		else
			console.log(
				l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
			);
	});
}
