// Ships the drizzle migrations inside build/ (SQLite's drizzle/, PostgreSQL's drizzle-pg/), so a
// build applies them wherever it is run from.
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const folder of ['drizzle', 'drizzle-pg']) {
	rmSync(join(root, 'build', folder), { recursive: true, force: true });
	cpSync(join(root, folder), join(root, 'build', folder), { recursive: true });
}
