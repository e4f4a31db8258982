// The README's plot, drawn from a results file: AMO ack p99 and submit→projector p99 against the
// number of phones in one room (the scale scenario), for the app and the bare relay. Plain SVG
// written by hand from the data, no plotting library.
//   node bench/plot.js [bench/results/latest.json] [--out bench/results/scale.svg]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : join(root, 'bench', 'results', 'scale.svg');
const file =
	args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1)) ??
	join(root, 'bench', 'results', 'latest.json');
const results = JSON.parse(readFileSync(file, 'utf8'));

/** [{ n, ack, toProjector }] of one target, sizes in order. */
function series(target) {
	return (results.targets?.[target]?.scale ?? [])
		.map((s) => ({
			n: s.phones,
			ack: s.amo?.ackMs?.p99 ?? null,
			toProjector: s.amo?.toProjectorMs?.p99 ?? null,
			busy: !!s.amo?.machine?.busy
		}))
		.sort((a, b) => a.n - b.n);
}
const data = { app: series('app'), relay: series('relay') };
if (data.app.length + data.relay.length === 0) {
	console.error(`${file} has no scale scenario: run npm run bench -- --scenario scale`);
	process.exit(1);
}

const W = 360;
const H = 260;
const M = { left: 58, right: 14, top: 34, bottom: 44 };
const COLORS = { app: '#1d4ed8', relay: '#9a3412' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Log scales: sizes double from one step to the next, latencies span milliseconds to seconds. */
function panel(key, title, x0) {
	const points = [...data.app, ...data.relay].filter((p) => p[key] !== null && p[key] > 0);
	const ns = [...new Set([...data.app, ...data.relay].map((p) => p.n))].sort((a, b) => a - b);
	const vmin = Math.max(1, Math.min(...points.map((p) => p[key])));
	const vmax = Math.max(...points.map((p) => p[key]));
	const y0 = 10 ** Math.floor(Math.log10(vmin));
	const y1 = 10 ** Math.ceil(Math.log10(vmax * 1.01));
	const nx0 = Math.log2(ns[0]);
	const nx1 = Math.log2(ns.at(-1));
	const px = (n) =>
		x0 + M.left + ((Math.log2(n) - nx0) / Math.max(1e-9, nx1 - nx0)) * (W - M.left - M.right);
	const py = (v) =>
		M.top +
		(1 - (Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) *
			(H - M.top - M.bottom);
	const parts = [
		`<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">${esc(title)}</text>`
	];
	for (let v = y0; v <= y1; v *= 10) {
		const y = py(v);
		parts.push(
			`<line x1="${x0 + M.left}" x2="${x0 + W - M.right}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
			`<text x="${x0 + M.left - 6}" y="${y + 4}" text-anchor="end">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`
		);
	}
	for (const n of ns) {
		const x = px(n);
		parts.push(
			`<line x1="${x}" x2="${x}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`,
			`<text x="${x}" y="${H - M.bottom + 16}" text-anchor="middle">${n.toLocaleString('en')}</text>`
		);
	}
	parts.push(
		`<text x="${x0 + M.left + (W - M.left - M.right) / 2}" y="${H - 8}" text-anchor="middle">phones in one room</text>`
	);
	for (const [target, list] of Object.entries(data)) {
		const pts = list.filter((p) => p[key] !== null && p[key] > 0);
		if (!pts.length) continue;
		const color = COLORS[target];
		parts.push(
			`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${px(p.n).toFixed(1)},${py(p[key]).toFixed(1)}`).join(' ')}"/>`
		);
		for (const p of pts)
			parts.push(
				`<circle cx="${px(p.n).toFixed(1)}" cy="${py(p[key]).toFixed(1)}" r="3.5" fill="${p.busy ? 'white' : color}" stroke="${color}" stroke-width="1.5"><title>${target} ${p.n}: ${p[key]} ms${p.busy ? ' (busy machine)' : ''}</title></circle>`
			);
	}
	return parts.join('\n');
}

const m = results.machine ?? {};
const legend = Object.entries(COLORS)
	.map(
		([t, c], i) =>
			`<rect x="${20 + i * 90}" y="${H + 6}" width="14" height="4" fill="${c}"/><text x="${38 + i * 90}" y="${H + 12}">${t === 'app' ? 'app' : 'bare relay'}</text>`
	)
	.join('');
const note = `AMO burst, p99. ${m.cores ?? '?'} cores, Node ${m.node ?? '?'}, commit ${(m.commit ?? '').slice(0, 7)}, ${(m.date ?? '').slice(0, 10)}${(m.busyScenarios ?? []).length ? '; hollow points: busy machine' : ''}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 40}" viewBox="0 0 ${2 * W} ${H + 40}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
${panel('ack', 'Ack p99', 0)}
${panel('toProjector', 'Submit → projector p99', W)}
${legend}
<text x="${2 * W - 10}" y="${H + 12}" text-anchor="end" fill="#555">${esc(note)}</text>
</svg>
`;
writeFileSync(out, svg);
console.log(`Wrote ${relative(process.cwd(), out)} from ${relative(process.cwd(), file)}`);
