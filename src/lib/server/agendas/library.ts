import type { z } from 'zod';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { DeckInfo } from '$lib/shared/slides';
import type { VideoInfo } from '$lib/shared/video';
import { getAgendaLibrary } from '../content';
import { agendaSchema } from '../content/agendas';
import type { AgendaRow } from '../db/schema';
import type { Store } from '../store';
import * as q from '../store/agendas';
import { newId } from '../tokens';

/**
 * The agendas a trainer can run: the shipped files (ids are file names) and their own copies
 * stored in the database (ids are random and never collide with a file name, which has no prefix).
 */
export const COPY_PREFIX = 'my-';

/** Schema limit on titles; a copy's " (copy)" suffix must still fit. */
const TITLE_MAX = 120;
const COPY_SUFFIX = ' (copy)';

/** Messages keyed by where they belong: "title", "start", "blocks.2.minutes", or "form". */
export type AgendaErrors = Record<string, string>;

export interface AgendaEntry {
	id: string;
	source: 'file' | 'copy';
	plan: AgendaPlan;
	updatedAt?: number;
	/** A copy's attached deck; a file's deck (named beside its YAML) is read with fileDeck() when needed. */
	deck?: DeckInfo | null;
	/** A copy's attached video file, for its video blocks. */
	video?: VideoInfo | null;
	/** A file agenda's deck file name, if it names one. */
	deckFile?: string;
}

export function rowToPlan(row: AgendaRow): AgendaPlan {
	return {
		title: row.title,
		summary: row.summary ?? undefined,
		start: row.start,
		blocks: row.blocks,
		...(row.kit?.length ? { kit: row.kit } : {})
	};
}

export const listCopies = q.listCopies;

/** True if this trainer owns the copy or is one of its co-facilitators. */
export async function isAgendaTrainer(
	s: Store,
	row: Pick<AgendaRow, 'id' | 'trainerId'>,
	trainerId: string
): Promise<boolean> {
	if (row.trainerId === trainerId) return true;
	return q.isAgendaCoFacilitator(s, row.id, trainerId);
}

/**
 * Every lookup carries the trainer: a copy they neither own nor co-facilitate is indistinguishable
 * from a missing one. Co-facilitators may open, edit, run and duplicate it; only the owner deletes it.
 */
export async function getCopy(
	s: Store,
	id: string,
	trainerId: string
): Promise<AgendaRow | undefined> {
	const row = await q.agendaById(s, id);
	return row && (await isAgendaTrainer(s, row, trainerId)) ? row : undefined;
}

/** An agenda this trainer may run or copy: a file, or a copy they own or co-facilitate (never a stranger's). */
export async function findAgendaForTrainer(
	s: Store,
	id: string,
	trainerId: string
): Promise<AgendaEntry | undefined> {
	if (id.startsWith(COPY_PREFIX)) {
		const row = await getCopy(s, id, trainerId);
		return (
			row && {
				id: row.id,
				source: 'copy',
				plan: rowToPlan(row),
				updatedAt: row.updatedAt,
				deck: row.deck,
				video: row.video
			}
		);
	}
	const file = getAgendaLibrary().agendas.find((a) => a.id === id);
	if (!file) return undefined;
	const { title, summary, start, blocks, kit } = file;
	return {
		id: file.id,
		source: 'file',
		plan: { title, summary, start, blocks, ...(kit ? { kit } : {}) },
		deckFile: file.deck
	};
}

export function copyTitle(title: string): string {
	return title.slice(0, TITLE_MAX - COPY_SUFFIX.length).trimEnd() + COPY_SUFFIX;
}

/**
 * A new copy (theirs alone) of a file agenda or of a copy they may use; undefined if they cannot see
 * the source. The copy keeps the source's deck (`fileDeck`: a file agenda's, read by the caller).
 */
export async function duplicateAgenda(
	s: Store,
	sourceId: string,
	trainerId: string,
	now = Date.now(),
	fileDeck: DeckInfo | null = null
): Promise<AgendaRow | undefined> {
	const source = await findAgendaForTrainer(s, sourceId, trainerId);
	if (!source) return undefined;
	const { plan } = source;
	const row: AgendaRow = {
		id: COPY_PREFIX + newId(),
		trainerId,
		title: copyTitle(plan.title),
		summary: plan.summary ?? null,
		start: plan.start,
		// A deep copy: file agendas are shared, cached objects.
		blocks: structuredClone(plan.blocks),
		kit: plan.kit ? structuredClone(plan.kit) : null,
		copiedFrom: source.id,
		deck: source.source === 'copy' ? (source.deck ?? null) : fileDeck,
		video: source.source === 'copy' ? (source.video ?? null) : null,
		createdAt: now,
		updatedAt: now
	};
	await q.insertAgenda(s, row);
	return row;
}

export type SaveResult =
	| { ok: true; row: AgendaRow }
	| { ok: false; reason: 'not-found' }
	| { ok: false; reason: 'invalid'; errors: AgendaErrors };

/**
 * Replaces a copy's content with `input`, checked by the same schema as the agenda files. Blank
 * optional texts are dropped, so an emptied field reads as "not set", as in a file.
 */
export async function saveCopy(
	s: Store,
	id: string,
	trainerId: string,
	input: unknown,
	now = Date.now()
): Promise<SaveResult> {
	if (!(await getCopy(s, id, trainerId))) return { ok: false, reason: 'not-found' };
	const parsed = agendaSchema.safeParse(input);
	if (!parsed.success) return { ok: false, reason: 'invalid', errors: agendaErrors(parsed.error) };
	const plan = withoutBlanks(parsed.data);
	// Access was checked above (owner or co-facilitator); the id alone finds the row.
	const changed = await q.updateAgendaPlan(s, id, plan, now);
	return changed ? { ok: true, row: changed } : { ok: false, reason: 'not-found' };
}

/** True if a copy this trainer OWNS was deleted (co-facilitators cannot). Rooms keep their own snapshot, so they are unaffected. */
export async function deleteCopy(s: Store, id: string, trainerId: string): Promise<boolean> {
	return q.deleteOwnAgenda(s, id, trainerId);
}

/** The first message per place, keyed by its dotted path ("title", "blocks.2.minutes"), for the editor. */
export function agendaErrors(error: z.ZodError): AgendaErrors {
	const out: AgendaErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.map(String).join('.') || 'form';
		out[key] ??= issue.message;
	}
	return out;
}

/** Blank optional texts mean "not set" (as an absent key in a file), so they are not stored. */
function withoutBlanks(plan: z.output<typeof agendaSchema>): AgendaPlan {
	const { summary, kit, ...rest } = plan;
	return {
		...rest,
		...(summary ? { summary } : {}),
		...(kit?.length ? { kit } : {}),
		blocks: plan.blocks.map(({ task, notes, ...block }) => ({
			...block,
			...(task ? { task } : {}),
			...(notes ? { notes } : {})
		}))
	};
}
