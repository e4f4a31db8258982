// Summarises a V8 CPU profile (`npm run bench -- --cpu-prof`): the functions with the most self
// time, and the app's own functions (src/) by total time including what they call.
//   node bench/profile.js /tmp/wc-bench-profiles/CPU.*.cpuprofile [--top 30]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30;
const file = args.find((a, i) => !a.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));
if (!file) {
	console.error('usage: node bench/profile.js <file.cpuprofile> [--top N]');
	process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample time per node from the time deltas.
const self = new Map();
profile.samples.forEach((id, i) =>
	self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
);
const total = [...self.values()].reduce((a, b) => a + b, 0);

const short = (url) =>
	url.replace(/^.*\/(node_modules\/)/, '$1').replace(/^file:\/\/.*\/build\//, 'build/');
const keyOf = (n) =>
	`${n.callFrame.functionName || '(anonymous)'}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const bySelf = new Map();
for (const [id, ms] of self) {
	const k = keyOf(nodes.get(id));
	bySelf.set(k, (bySelf.get(k) ?? 0) + ms);
}
// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map();
for (const [id, ms] of self) {
	const seen = new Set();
	for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
		const k = keyOf(nodes.get(cur));
		if (seen.has(k)) continue;
		seen.add(k);
		inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
	}
}
const idle = [...bySelf].filter(([k]) => k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
console.log(
	`${file}\n${(total / 1000).toFixed(1)} s sampled, ${(((total - idle) / total) * 100).toFixed(0)} % busy\n`
);
console.log(`Top ${top} by self time:`);
for (const [k, ms] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top))
	console.log(
		`${ms.toFixed(0).padStart(8)} ms  ${((ms / (total - idle)) * 100).toFixed(1).padStart(5)} %  ${k}`
	);
console.log(`\nTop ${top} by total time (excluding runtime internals):`);
for (const [k, ms] of [...inclusive]
	.filter(([k]) => !k.startsWith('('))
	.sort((a, b) => b[1] - a[1])
	.slice(0, top)) {
	console.log(
		`${ms.toFixed(0).padStart(8)} ms  ${((ms / (total - idle)) * 100).toFixed(1).padStart(5)} %  ${k}`
	);
}
