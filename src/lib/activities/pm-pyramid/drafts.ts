import { STEP_COUNT } from './steps';

/**
 * What is typed in each step's add box, kept in the phone's storage so a refresh or a sleeping
 * phone does not lose it. Storage may be off (private mode): then drafts last for the page.
 */
const key = (participantId: string) => `wc.pm-pyramid.drafts.${participantId}`;

export function loadDrafts(participantId: string): string[] {
	const empty = Array.from({ length: STEP_COUNT }, () => '');
	try {
		const saved: unknown = JSON.parse(localStorage.getItem(key(participantId)) ?? 'null');
		if (Array.isArray(saved))
			return empty.map((_, i) => (typeof saved[i] === 'string' ? saved[i] : ''));
	} catch {
		/* no storage on the server, or storage off */
	}
	return empty;
}

export function saveDrafts(participantId: string, drafts: string[]): void {
	try {
		localStorage.setItem(key(participantId), JSON.stringify(drafts));
	} catch {
		/* storage off: keep them in memory only */
	}
}
