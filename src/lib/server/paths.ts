import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's folder (the first above this module holding package.json), so that content, data and
 * migrations are found from the app itself in development and in a build, whatever the working directory.
 */
export function appRoot(from = dirname(fileURLToPath(import.meta.url))): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		if (dirname(dir) === dir) return process.cwd();
	}
}

/** First folder named `name` above this module that holds `marker`: build/drizzle before ./drizzle. */
export function findUp(
	name: string,
	marker: string,
	from = dirname(fileURLToPath(import.meta.url))
): string {
	for (let dir = from; ; dir = dirname(dir)) {
		const candidate = join(dir, name);
		if (existsSync(join(candidate, marker))) return candidate;
		if (dirname(dir) === dir)
			throw new Error(`No ${name}/ folder with ${marker} found above ${from}`);
	}
}
