// First-load size of the participant pages, from the build output: the JS and CSS a phone downloads
// before the page works, gzipped (level 9, as a server would serve it precompressed: the build
// ships .gz files made the same way). A page's first load is SvelteKit's client entry (start, app),
// the root layout node and the page's node, with every static import and their CSS. Activity views
// are dynamic imports loaded when an activity opens (with the activity frame and the phone's
// outbox); they are reported on top, per type.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './lib.js';

const PAGES = { join: '/join', phone: '/p/[code]' };
const VIEWS = ['quick-poll', 'amo', 'pm-pyramid'];
// Loaded with the first activity, before the type's own view: the frame around it and the outbox.
const ACTIVITY_FRAME = [
	'src/lib/components/activity/PhoneActivityView.svelte',
	'src/lib/client/outbox.svelte.ts'
];

export function bundleSizes(root) {
	const manifestPath = join(root, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
	const serverManifest = join(root, '.svelte-kit', 'output', 'server', 'manifest.js');
	if (!existsSync(manifestPath) || !existsSync(serverManifest))
		return { error: 'no build output: run npm run build' };
	/** @type {Record<string, { file: string, imports?: string[], css?: string[], isEntry?: boolean }>} */
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const routes = readFileSync(serverManifest, 'utf8');
	const clientDir = join(root, 'build', 'client');

	const gz = new Map();
	const sizeOf = (file) => {
		if (!gz.has(file))
			gz.set(file, gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length);
		return gz.get(file);
	};
	/** Every file a set of manifest keys loads statically (JS and CSS). */
	const closure = (keys, seen = new Set()) => {
		const files = new Set();
		const visit = (key) => {
			if (seen.has(key)) return;
			seen.add(key);
			const chunk = manifest[key];
			if (!chunk) throw new Error(`${key} is not in the client manifest`);
			files.add(chunk.file);
			for (const css of chunk.css ?? []) files.add(css);
			for (const dep of chunk.imports ?? []) visit(dep);
		};
		keys.forEach(visit);
		return { files, seen };
	};
	const total = (files) => {
		let js = 0;
		let css = 0;
		for (const f of files) {
			if (f.endsWith('.css')) css += sizeOf(f);
			else js += sizeOf(f);
		}
		return {
			jsKb: round(js / 1024, 1),
			cssKb: round(css / 1024, 1),
			totalKb: round((js + css) / 1024, 1),
			files: files.size
		};
	};

	const entryKeys = Object.keys(manifest).filter(
		(k) => /client-optimized\/app\.js$/.test(k) || /kit\/src\/runtime\/client\/entry\.js$/.test(k)
	);
	const nodeKey = (n) =>
		Object.keys(manifest).find((k) => k.endsWith(`client-optimized/nodes/${n}.js`));
	const out = {};
	for (const [name, id] of Object.entries(PAGES)) {
		const m = new RegExp(
			`id: "${id.replace(/[[\]]/g, '\\$&')}",[\\s\\S]*?layouts: \\[([\\d,]*)\\][\\s\\S]*?leaf: (\\d+)`
		).exec(routes);
		if (!m) throw new Error(`route ${id} not found in the server manifest`);
		const nodes = [...m[1].split(',').filter(Boolean), m[2]].map(nodeKey);
		const first = closure([...entryKeys, ...nodes]);
		out[name] = { route: id, ...total(first.files) };
		if (name === 'phone') {
			out[name].withActivityView = {};
			for (const type of VIEWS) {
				const key = `src/lib/activities/${type}/Phone.svelte`;
				if (!manifest[key]) continue;
				const extra = closure(
					[key, ...ACTIVITY_FRAME.filter((k) => manifest[k])],
					new Set(first.seen)
				);
				out[name].withActivityView[type] = total(new Set([...first.files, ...extra.files]));
			}
		}
	}
	return out;
}
