import { loadAgendas, type AgendaLibrary } from './agendas';
import { sessionsDir } from './dirs';
import { formatProblem } from './yaml-file';

const KEY = Symbol.for('workshop-companion.content');
type WithContent = typeof globalThis & { [KEY]?: AgendaLibrary };

/** Read once per process; problems are printed once so the trainer sees them in the console. */
export function getAgendaLibrary(): AgendaLibrary {
	const g = globalThis as WithContent;
	if (!g[KEY]) {
		g[KEY] = loadAgendas(sessionsDir());
		for (const p of g[KEY].problems) console.warn(`[content] sessions/${formatProblem(p)}`);
	}
	return g[KEY];
}

export function findAgenda(id: string) {
	return getAgendaLibrary().agendas.find((a) => a.id === id);
}
