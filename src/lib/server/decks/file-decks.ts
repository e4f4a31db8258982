import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeckInfo } from '$lib/shared/slides';
import { slideRefProblem } from '$lib/shared/slides';
import type { Agenda } from '../content/agendas';
import { sessionsDir } from '../content/dirs';
import type { ContentProblem } from '../content/yaml-file';
import { checkDeck } from './check';
import { storeDeck } from './files';

const KEY = Symbol.for('workshop-companion.file-decks');
type WithDecks = typeof globalThis & { [KEY]?: Map<string, Promise<DeckInfo | null>> };

/**
 * The deck a shipped agenda names beside its YAML, stored under data/decks/ on first use (once per
 * process). A missing or bad file means no deck: the agenda runs without slides and content:check says why.
 */
export function fileDeck(
	agenda: Pick<Agenda, 'id' | 'deck'>,
	dir = sessionsDir()
): Promise<DeckInfo | null> {
	if (!agenda.deck) return Promise.resolve(null);
	const g = globalThis as WithDecks;
	const cache = (g[KEY] ??= new Map());
	const key = `${dir}/${agenda.deck}`;
	let found = cache.get(key);
	if (!found) {
		found = readFile(join(dir, agenda.deck))
			.then((bytes) => storeDeck(bytes, agenda.deck!))
			.then((r) => (r.ok ? r.deck : null))
			.catch(() => null);
		cache.set(key, found);
	}
	return found;
}

/** content:check's deck pass: each named deck is read and checked, then slide references are checked against its pages. */
export async function deckProblems(
	agendas: Agenda[],
	dir = sessionsDir()
): Promise<ContentProblem[]> {
	const problems: ContentProblem[] = [];
	for (const agenda of agendas) {
		if (!agenda.deck) continue;
		let pages: number | null = null;
		try {
			const checked = await checkDeck(await readFile(join(dir, agenda.deck)));
			if (checked.ok) pages = checked.pages;
			else
				problems.push({
					file: agenda.file,
					line: 1,
					message: `deck ${agenda.deck}: ${checked.error}`,
					severity: 'warning'
				});
		} catch {
			problems.push({
				file: agenda.file,
				line: 1,
				message: `deck ${agenda.deck} not found beside this file`,
				severity: 'warning'
			});
		}
		if (pages === null) continue;
		agenda.blocks.forEach((block, i) => {
			const message = slideRefProblem(block.resources?.slides, pages);
			// Syntax problems were reported without the deck already; only the page count is new here.
			if (message && !slideRefProblem(block.resources?.slides, null))
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
