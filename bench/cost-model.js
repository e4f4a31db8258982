// The README's cost model, computed from a results file (and optionally the app server's CPU
// profile of the same run): per scenario, the server's CPU per accepted input and the bytes on the
// wire per input and per projector update; with a profile, the CPU of one projector update and of
// one phone update (the functions that build and send them, by their inclusive sample time).
//   node bench/cost-model.js [bench/results/latest.json] [--profile CPU.*.cpuprofile]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const profIndex = args.indexOf('--profile');
const profileFile = profIndex >= 0 ? args[profIndex + 1] : null;
const file =
	args.find((a, i) => !a.startsWith('--') && (profIndex < 0 || i !== profIndex + 1)) ??
	join(root, 'bench', 'results', 'latest.json');
const results = JSON.parse(readFileSync(file, 'utf8'));

const scenarios = (t) => {
	const list = [
		['answer burst: poll', t?.poll],
		['answer burst: AMO', t?.amo],
		['group editing', t?.groups],
		['many rooms: AMO', t?.rooms?.amo]
	];
	for (const s of t?.scale ?? []) list.push([`one room of ${s.phones}: AMO`, s.amo]);
	return list.filter(([, f]) => f && f.accepted);
};

const fmt = (v, digits = 0) => (v === null || v === undefined ? '—' : v.toFixed(digits));
console.log(
	'| scenario | target | server CPU per input (µs) | bytes to phones per input | messages to phones per input | projector updates | bytes per projector update | busy |'
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const name of ['app', 'relay']) {
	for (const [label, f] of scenarios(results.targets?.[name])) {
		console.log(
			`| ${label} | ${name} | ${fmt(f.serverCpuMsPerInput * 1000)} | ${fmt(f.wire?.phoneBytesPerInput)} | ${fmt(f.wire?.phoneMessagesPerInput, 2)} | ${f.wire?.projectorUpdates ?? '—'} | ${fmt(f.wire?.projectorBytesPerUpdate)} | ${f.machine?.busy ? 'yes' : 'no'} |`
		);
	}
}

if (profileFile) {
	// Inclusive time of the functions that build and send each kind of update, as the profile
	// attributes it (wall-clock samples: only meaningful on a quiet machine).
	const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map();
	profile.samples.forEach((id, i) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
	);
	const inclusive = (names) => {
		let ms = 0;
		for (const [id, t] of self) {
			for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
				const fn = nodes.get(cur).callFrame.functionName;
				if (names.includes(fn)) {
					ms += t;
					break;
				}
			}
		}
		return ms;
	};
	const app = results.targets?.app ?? {};
	const all = scenarios(app).map(([, f]) => f);
	const projectorUpdates = all.reduce((s, f) => s + (f.wire?.projectorUpdates ?? 0), 0);
	const phoneUpdates = all.reduce((s, f) => s + (f.wire?.phoneUpdates ?? 0), 0);
	const trainerMs = inclusive(['trainer', 'trainerView']);
	const phoneMs = inclusive(['phone', 'phonePatch', '#update', '#wholeView']);
	console.log(
		`\nFrom ${profileFile}: building and sending projector views ${trainerMs.toFixed(0)} ms for ${projectorUpdates} updates` +
			` (${projectorUpdates ? ((1000 * trainerMs) / projectorUpdates).toFixed(0) : '—'} µs each);` +
			` pushed phone updates ${phoneMs.toFixed(0)} ms for ${phoneUpdates} updates` +
			` (${phoneUpdates ? ((1000 * phoneMs) / phoneUpdates).toFixed(0) : '—'} µs each, acks not included).`
	);
}
