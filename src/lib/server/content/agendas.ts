import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { parseYamlFile, type ContentProblem } from './yaml-file';

const clockTime = z
	.string({ error: 'expected a clock time like "09:30"' })
	.regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, 'expected a clock time like "09:30"')
	.transform((s) => s.replace('.', ':'));

export const blockKinds = ['talk', 'activity', 'discussion', 'break', 'video'] as const;

export const blockSchema = z.strictObject({
	title: z.string({ error: 'expected the block title as text' }).trim().min(1, 'a block needs a title').max(120),
	minutes: z
		.number({ error: 'expected the planned minutes as a number, like 20' })
		.int('expected whole minutes')
		.min(1, 'a block lasts at least 1 minute')
		.max(480, 'a block lasts at most 480 minutes'),
	kind: z.enum(blockKinds, { error: `expected one of: ${blockKinds.join(', ')}` }),
	notes: z.string().max(4000).optional()
});

export const agendaSchema = z.strictObject({
	title: z.string({ error: 'expected the agenda title as text' }).trim().min(1, 'the agenda needs a title').max(120),
	summary: z.string().max(600).optional(),
	start: clockTime,
	blocks: z.array(blockSchema, { error: 'expected a list of blocks' }).min(1, 'an agenda needs at least one block')
});

export type Agenda = z.output<typeof agendaSchema> & { id: string; file: string };

export interface AgendaLibrary {
	agendas: Agenda[];
	problems: ContentProblem[];
}

/** Every agenda in the folder; a broken file is reported and skipped, never half-loaded, never fatal. */
export function loadAgendas(dir: string): AgendaLibrary {
	const agendas: Agenda[] = [];
	const problems: ContentProblem[] = [];
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
	} catch {
		return { agendas, problems: [{ file: basename(dir), line: 1, message: 'folder not found', severity: 'error' }] };
	}
	for (const file of files) {
		const parsed = parseYamlFile(join(dir, file), agendaSchema);
		if (parsed.ok) agendas.push({ ...parsed.value, id: basename(file, extname(file)), file });
		else problems.push(...parsed.problems);
	}
	return { agendas, problems };
}
