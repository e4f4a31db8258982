import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
	});
}

describe('code boundaries', () => {
	it('no component, and no browser-side module, imports from $lib/server', () => {
		const src = join(process.cwd(), 'src');
		const browserSide = [
			...files(src, /\.svelte$/),
			...files(join(src, 'lib', 'client'), /\.ts$/),
			...files(join(src, 'lib', 'shared'), /\.ts$/),
			// Universal load functions run in the browser too.
			...files(join(src, 'routes'), /^\+(page|layout)\.ts$/)
		];
		expect(browserSide.length).toBeGreaterThan(20);
		const offenders = browserSide.filter((f) =>
			/from\s+['"](\$lib\/server|[./]+\/server)\b/.test(readFileSync(f, 'utf8'))
		);
		expect(offenders.map((f) => f.slice(src.length + 1))).toEqual([]);
	});
});
