// Ships the drizzle migrations inside build/, so a build applies them wherever it is run from.
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'build', 'drizzle'), { recursive: true, force: true });
cpSync(join(root, 'drizzle'), join(root, 'build', 'drizzle'), { recursive: true });
