// The human table and the target checks: our figure, the relay's, the ratio, the target, met or not.
import { round } from './lib.js';

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const errorsOf = (e) => (e ? e.connectErrors + e.ackErrors + e.ackTimeouts : undefined);

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
		{
			section: 'answer burst: AMO',
			label: 'generator CPU, all threads (mean)',
			path: 'amo.generatorCpuPct',
			unit: '%'
		},
		lat('group editing', 'ack p50', 'groups.ackMs.p50'),
		lat('group editing', 'ack p99', 'groups.ackMs.p99'),
		lat('group editing', 'submit→projector p50', 'groups.toProjectorMs.p50'),
		lat('group editing', 'submit→projector p99', 'groups.toProjectorMs.p99'),
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
			unit: 'MB'
		},
		{
			section: 'group editing',
			label: 'generator CPU, all threads (mean)',
			path: 'groups.generatorCpuPct',
			unit: '%'
		},
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
		lat(`many rooms ${opts.rooms}×${opts.perRoom}`, 'AMO ack p99', 'rooms.amo.ackMs.p99', true),
		lat(
			`many rooms ${opts.rooms}×${opts.perRoom}`,
			'AMO submit→projector p99',
			'rooms.amo.toProjectorMs.p99',
			true
		),
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
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'generator CPU AMO, all threads (mean)',
			path: 'rooms.amo.generatorCpuPct',
			unit: '%'
		},
		{
			section: `many rooms ${opts.rooms}×${opts.perRoom}`,
			label: 'errors + disconnects',
			path: 'rooms.errors',
			unit: '',
			value: (e) => (e ? errorsOf(e) + e.disconnects : undefined),
			target: '0',
			met: (a) => a === 0
		},
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
		checks.push({
			section: row.section,
			figure: row.label,
			unit: row.unit,
			app: a ?? null,
			relay: r ?? null,
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
		lines.push([
			`  ${c.figure}`,
			fmt(c.app, c.unit, c.peak?.app),
			fmt(c.relay, c.unit, c.peak?.relay),
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
