import { activityTypes } from '$lib/activities/registry';
import { loadActivities, type ActivityDefinition } from './activities';
import { loadAgendas, missingActivities, slideProblems, type AgendaLibrary } from './agendas';
import { activitiesDir, sessionsDir } from './dirs';
import { formatProblem, type ContentProblem } from './yaml-file';

const KEY = Symbol.for('workshop-companion.content');

export interface ContentLibrary extends AgendaLibrary {
	activities: ActivityDefinition[];
	/** Problems in activities/ files, kept apart so messages name the right folder. */
	activityProblems: ContentProblem[];
}
type WithContent = typeof globalThis & { [KEY]?: ContentLibrary };

/** Every content file checked together: agendas, activities, and the activities the blocks name. */
export function checkContent(): ContentLibrary {
	const library = loadAgendas(sessionsDir());
	const { activities, problems: activityProblems } = loadActivities(activitiesDir(), activityTypes);
	// A block naming a file that exists but is broken is reported once, in activities/, not again here.
	const named = new Set([
		...activities.map((a) => a.id),
		...activityProblems.map((p) => p.file.replace(/\.ya?ml$/i, ''))
	]);
	const missing = missingActivities(library.agendas, named);
	return {
		agendas: library.agendas,
		problems: [...library.problems, ...missing, ...slideProblems(library.agendas)],
		activities,
		activityProblems
	};
}

/** Read once per process; problems are printed once so the trainer sees them in the console. */
export function getAgendaLibrary(): ContentLibrary {
	const g = globalThis as WithContent;
	if (!g[KEY]) {
		g[KEY] = checkContent();
		for (const p of g[KEY].problems.filter((x) => x.severity === 'error'))
			console.warn(`[content] sessions/${formatProblem(p)}`);
		for (const p of g[KEY].activityProblems)
			console.warn(`[content] activities/${formatProblem(p)}`);
	}
	return g[KEY];
}

/** The activities trainers can launch, by id. */
export function getActivityCatalog(): ReadonlyMap<string, ActivityDefinition> {
	return new Map(getAgendaLibrary().activities.map((a) => [a.id, a]));
}

export function findFileAgenda(id: string) {
	return getAgendaLibrary().agendas.find((a) => a.id === id);
}
