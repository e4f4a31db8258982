import { activityIds, loadAgendas, missingActivities, type AgendaLibrary } from './agendas';
import { activitiesDir, sessionsDir } from './dirs';
import { formatProblem } from './yaml-file';

const KEY = Symbol.for('workshop-companion.content');
type WithContent = typeof globalThis & { [KEY]?: AgendaLibrary };

/** Every content file checked together: agendas, and the activities their blocks name. */
export function checkContent(): AgendaLibrary {
	const library = loadAgendas(sessionsDir());
	const missing = missingActivities(library.agendas, activityIds(activitiesDir()));
	return { agendas: library.agendas, problems: [...library.problems, ...missing] };
}

/** Read once per process; problems are printed once so the trainer sees them in the console. */
export function getAgendaLibrary(): AgendaLibrary {
	const g = globalThis as WithContent;
	if (!g[KEY]) {
		g[KEY] = checkContent();
		const errors = g[KEY].problems.filter((p) => p.severity === 'error');
		for (const p of errors) console.warn(`[content] sessions/${formatProblem(p)}`);
	}
	return g[KEY];
}

export function findFileAgenda(id: string) {
	return getAgendaLibrary().agendas.find((a) => a.id === id);
}
