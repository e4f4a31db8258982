import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { BLOCK_KINDS, blockActivities, type KitItem } from '$lib/shared/agenda';
import { slideRefProblem } from '$lib/shared/slides';
import { parseYamlFile, type ContentProblem } from './yaml-file';

const clockTime = z
	.string({ error: 'expected a clock time like "09:30"' })
	.regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'expected a clock time like "09:30"')
	.transform((s) => s.replace('.', ':').padStart(5, '0'));

const text = (what: string, max: number) =>
	z
		.string({ error: `expected ${what} as text` })
		.trim()
		.max(max, `${what} is longer than ${max} characters`);

const activityId = z
	.string({ error: 'expected an activity id as text' })
	.regex(
		/^[a-z0-9][a-z0-9-]{0,63}$/,
		'expected an activity id like "pm-pyramid" (lower case, digits and dashes)'
	);

const link = z.strictObject({
	title: text('the link title', 120).min(1, 'a link needs a title'),
	url: z.url({ protocol: /^https?$/, error: 'expected a web address starting with https://' })
});

export const blockSchema = z
	.strictObject({
		title: text('the block title', 120).min(1, 'a block needs a title'),
		minutes: z
			.number({ error: 'expected the planned minutes as a number, like 20' })
			.int('expected whole minutes')
			.min(1, 'a block lasts at least 1 minute')
			.max(480, 'a block lasts at most 480 minutes'),
		kind: z.enum(BLOCK_KINDS, { error: `expected one of: ${BLOCK_KINDS.join(', ')}` }),
		/** What participants are asked to do; their phones show it. */
		task: text('the task', 400).optional(),
		/** The trainer's private notes: the remote shows them, phones and the projector never do. */
		notes: text('the notes', 4000).optional(),
		resources: z
			.strictObject({
				slides: text('the slides', 60).optional(),
				workbook: text('the workbook pages', 60).optional(),
				links: z.array(link, { error: 'expected a list of links' }).max(10).optional()
			})
			.optional(),
		/** The id of a file in activities/ that this block launches. */
		activity: activityId.optional(),
		/** Several activities, offered one after the other in this order. */
		activities: z
			.array(activityId, {
				error: 'expected a list of activity ids, like [amo-assessment, skill-will]'
			})
			.min(1, 'list at least one activity, or leave activities out')
			.max(8, 'a block has at most 8 activities')
			.optional(),
		/** Fixed blocks (breaks by default) keep their length when the trainer re-plans to finish on time. */
		fixed: z.boolean({ error: 'expected true or false' }).optional()
	})
	.refine((b) => !(b.activity && b.activities), {
		message: 'use either activity: or activities:, not both',
		path: ['activities']
	});

/** One kit item: a plain line ("Workbook"), or a title with a link. */
const kitItem = z.union(
	[
		text('a kit item', 120)
			.min(1, 'a kit item is empty')
			.transform((title): KitItem => ({ title })),
		// A title alone in object form too: that is how a saved copy stores a plain line.
		z.strictObject({
			title: link.shape.title,
			url: link.shape.url.optional()
		})
	],
	{ error: 'expected a kit item as text, or a title and a url' }
);

export const agendaSchema = z.strictObject({
	title: text('the agenda title', 120).min(1, 'the agenda needs a title'),
	summary: text('the summary', 600).optional(),
	start: clockTime,
	blocks: z
		.array(blockSchema, { error: 'expected a list of blocks' })
		.min(1, 'an agenda needs at least one block')
		.max(60, 'an agenda has at most 60 blocks'),
	/** What to bring: shown on the dashboard and the remote before the start, printed in the report. */
	kit: z
		.array(kitItem, { error: 'expected a list of kit items' })
		.max(20, 'a kit list has at most 20 items')
		.optional()
});

/** A shipped file may also name a PDF deck beside it (`deck: session-a.pdf`); copies attach theirs in the editor. */
export const agendaFileSchema = agendaSchema.extend({
	deck: z
		.string({ error: 'expected the deck as a file name like "session-a.pdf"' })
		.regex(
			/^[^/\\]+\.pdf$/i,
			'expected the deck as a PDF file name beside this file, like "session-a.pdf"'
		)
		.optional()
});

export type AgendaFile = z.output<typeof agendaFileSchema>;
/** `blockLines[i]` is the line of block i in its file, for warnings that point at the block. */
export type Agenda = AgendaFile & {
	id: string;
	file: string;
	blockLines: number[];
	/** `activityLines[i][j]`: the line of block i's j-th activity, so a warning names the entry. */
	activityLines?: number[][];
};

export interface AgendaLibrary {
	agendas: Agenda[];
	problems: ContentProblem[];
}

/** Ids (file names without .yaml) of the activity files in a folder. */
export function activityIds(dir: string): Set<string> {
	return new Set(yamlFiles(dir).files.map((f) => basename(f, extname(f))));
}

/** Files of one kind in a content folder, sorted; a missing folder is reported, not thrown. */
export function yamlFiles(dir: string): { files: string[]; problem?: ContentProblem } {
	try {
		return {
			files: readdirSync(dir)
				.filter((f) => /\.ya?ml$/i.test(f))
				.sort()
		};
	} catch {
		return {
			files: [],
			problem: { file: basename(dir), line: 1, message: 'folder not found', severity: 'error' }
		};
	}
}

/** Every agenda in the folder; a broken file is reported and skipped, never half-loaded, never fatal. */
export function loadAgendas(dir: string): AgendaLibrary {
	const agendas: Agenda[] = [];
	const { files, problem } = yamlFiles(dir);
	const problems: ContentProblem[] = problem ? [problem] : [];
	for (const file of files) {
		const parsed = parseYamlFile(join(dir, file), agendaFileSchema);
		if (parsed.ok) {
			const blockLines = parsed.value.blocks.map((_, i) => parsed.lineOf(['blocks', i]));
			const activityLines = parsed.value.blocks.map((b, i) =>
				b.activities
					? b.activities.map((_, j) => parsed.lineOf(['blocks', i, 'activities', j]))
					: [parsed.lineOf(['blocks', i, 'activity'])]
			);
			agendas.push({
				...parsed.value,
				id: basename(file, extname(file)),
				file,
				blockLines,
				activityLines
			});
		} else problems.push(...parsed.problems);
	}
	return { agendas, problems };
}

/**
 * Activity references that do not resolve yet. Activity types arrive issue by issue, so a missing
 * one is a warning on the block's own line, never an error.
 */
export function missingActivities(agendas: Agenda[], activityIds: Set<string>): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const agenda of agendas) {
		agenda.blocks.forEach((block, i) => {
			blockActivities(block).forEach((id, j) => {
				if (activityIds.has(id)) return;
				problems.push({
					file: agenda.file,
					line: agenda.activityLines?.[i]?.[j] ?? agenda.blockLines[i] ?? 1,
					message: `activity ${id} is not defined yet`,
					severity: 'warning'
				});
			});
		});
	}
	return problems;
}

/**
 * Slide references that do not read as slides ("6-14", "27–34, 44"), or (with the deck's page
 * count) point past its end: warnings on the block's line, never errors, so the agenda still runs.
 */
export function slideProblems(
	agendas: Agenda[],
	pagesOf: (a: Agenda) => number | null = () => null
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const agenda of agendas) {
		const pages = pagesOf(agenda);
		agenda.blocks.forEach((block, i) => {
			const message = slideRefProblem(block.resources?.slides, pages);
			if (message)
				problems.push({
					file: agenda.file,
					line: agenda.blockLines[i] ?? 1,
					message,
					severity: 'warning'
				});
		});
	}
	return problems;
}
