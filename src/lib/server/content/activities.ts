import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { AnyActivityType, Grouping } from '$lib/activities/contract';
import { CRITERION_IDS } from '$lib/shared/ilm';
import { yamlFiles } from './agendas';
import { parseYamlFile, type ContentProblem } from './yaml-file';

const GROUPINGS = ['individual', 'pairs', 'groups'] as const;

/** The part every activity file shares; `config` belongs to the type and is checked by it. */
export const activityFileSchema = z.strictObject({
	type: z
		.string({ error: 'expected the activity type, like pm-pyramid' })
		.min(1, 'expected the activity type, like pm-pyramid'),
	title: z
		.string({ error: 'expected the title as text' })
		.trim()
		.min(1, 'an activity needs a title')
		.max(120, 'the title is longer than 120 characters'),
	prompt: z
		.string({ error: 'expected the prompt as text' })
		.trim()
		.max(600, 'the prompt is longer than 600 characters')
		.optional(),
	grouping: z.enum(GROUPINGS, { error: `expected one of: ${GROUPINGS.join(', ')}` }).optional(),
	groupSize: z
		.number({ error: 'expected the group size as a number' })
		.int('expected a whole number')
		.min(2, 'a group has at least 2 people')
		.max(12, 'a group has at most 12 people')
		.optional(),
	/** ILM 8600-323 assessment criteria this activity can evidence, e.g. ["1.1", "1.2"]. */
	criteria: z
		.array(
			z.enum(CRITERION_IDS, {
				error: `expected criteria ids from ILM 8600-323: ${CRITERION_IDS.join(', ')}`
			}),
			{ error: 'expected a list of criteria, like ["1.1", "1.2"]' }
		)
		.max(11, 'the unit has 11 criteria')
		.optional(),
	config: z
		.record(z.string(), z.unknown(), { error: 'expected config as a map of settings' })
		.optional()
});

/** An activity ready to launch: its file's settings, with the type's config validated and defaults applied. */
export interface ActivityDefinition {
	id: string;
	file: string;
	type: AnyActivityType;
	title: string;
	prompt: string | null;
	grouping: Grouping;
	groupSize: number;
	/** ILM criteria it evidences: the file's list, else the type's usual ones. */
	criteria: string[];
	config: unknown;
}

export function loadActivities(
	dir: string,
	types: ReadonlyMap<string, AnyActivityType>
): { activities: ActivityDefinition[]; problems: ContentProblem[] } {
	const { files, problem } = yamlFiles(dir);
	const problems: ContentProblem[] = problem ? [problem] : [];
	const activities: ActivityDefinition[] = [];
	for (const file of files) {
		const parsed = parseYamlFile(join(dir, file), activityFileSchema);
		if (!parsed.ok) {
			problems.push(...parsed.problems);
			continue;
		}
		const raw = parsed.value;
		const type = types.get(raw.type);
		if (!type) {
			const known = [...types.keys()].join(', ') || 'none yet';
			problems.push({
				file,
				line: parsed.lineOf(['type']),
				message: `type: unknown activity type "${raw.type}" (known: ${known})`,
				severity: 'error'
			});
			continue;
		}
		const config = type.config.safeParse(raw.config ?? {});
		if (!config.success) {
			for (const issue of config.error.issues) {
				const path = ['config', ...issue.path];
				problems.push({
					file,
					line: parsed.lineOf(path),
					message: `${path.map(String).join('.')}: ${issue.message}`,
					severity: 'error'
				});
			}
			continue;
		}
		const grouping = raw.grouping ?? type.defaultGrouping;
		activities.push({
			id: basename(file, extname(file)),
			file,
			type,
			title: raw.title,
			prompt: raw.prompt ?? null,
			grouping,
			groupSize: grouping === 'pairs' ? 2 : (raw.groupSize ?? 4),
			criteria: raw.criteria ?? type.criteria ?? [],
			config: config.data
		});
	}
	return { activities, problems };
}
