// Builds the export worker (src/lib/server/exports/export-worker.ts) as its own file next to the
// server build, build/server/export-worker.js: SvelteKit bundles only routes and hooks, and a worker
// thread needs a file to start from. Same bundler (Vite), $lib resolved, packages left to node_modules
// as in the rest of the build. pool.ts finds it by walking up from its own chunk.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
	configFile: false,
	root,
	logLevel: 'warn',
	resolve: { alias: { $lib: join(root, 'src', 'lib') } },
	build: {
		ssr: join(root, 'src', 'lib', 'server', 'exports', 'export-worker.ts'),
		outDir: join(root, 'build', 'server'),
		emptyOutDir: false,
		target: 'node20',
		minify: false,
		sourcemap: true,
		rollupOptions: { output: { format: 'esm', entryFileNames: 'export-worker.js' } }
	}
});
console.log('Export worker built: build/server/export-worker.js');
