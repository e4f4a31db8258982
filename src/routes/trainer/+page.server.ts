import { fail, redirect } from '@sveltejs/kit';
import { fileDeck } from '$lib/server/decks/file-decks';
import { z } from 'zod';
import {
	deleteCopy,
	duplicateAgenda,
	findAgendaForTrainer,
	listCopies
} from '$lib/server/agendas/library';
import { getAgendaLibrary } from '$lib/server/content';
import { getStore } from '$lib/server/store';
import { listCoFacilitatedRooms, listSharedAgendas, startSession } from '$lib/server/facilitators';
import { listTrainerRooms } from '$lib/server/store/rooms';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { Actions, PageServerLoad } from './$types';

/** What a dashboard card shows: counts and times, not the blocks themselves. */
function card(id: string, plan: AgendaPlan) {
	return {
		id,
		title: plan.title,
		summary: plan.summary ?? '',
		start: plan.start,
		blocks: plan.blocks.length,
		minutes: plan.blocks.reduce((sum, b) => sum + b.minutes, 0),
		kit: plan.kit ?? []
	};
}

export const load: PageServerLoad = async ({ locals }) => {
	const db = getStore();
	const trainerId = locals.trainer!.id;
	const { agendas, problems } = getAgendaLibrary();
	const titles = new Map(agendas.map((a) => [a.id, a.title]));
	const copies = await listCopies(db, trainerId);
	const shared = await listSharedAgendas(db, trainerId);
	for (const c of [...copies, ...shared]) titles.set(c.id, c.title);
	// Their own sessions and the ones they co-facilitate, in one list, newest first.
	const own = (await listTrainerRooms(db, trainerId)).map((r) => ({
		id: r.id,
		code: r.code,
		title: r.title,
		status: r.status,
		createdAt: r.createdAt,
		ownerName: null as string | null
	}));
	const rooms = [...own, ...(await listCoFacilitatedRooms(db, trainerId))]
		.sort((a, b) => b.createdAt - a.createdAt)
		.slice(0, 50);
	return {
		agendas: agendas.map((a) => card(a.id, a)),
		copies: copies.map((c) => ({
			...card(c.id, {
				title: c.title,
				summary: c.summary ?? undefined,
				start: c.start,
				blocks: c.blocks,
				kit: c.kit ?? undefined
			}),
			copiedFrom: (c.copiedFrom && titles.get(c.copiedFrom)) || null,
			updatedAt: c.updatedAt
		})),
		/** Agenda copies other trainers shared with this one: they may edit and run them, not delete them. */
		shared: shared.map((c) => ({
			...card(c.id, {
				title: c.title,
				summary: c.summary ?? undefined,
				start: c.start,
				blocks: c.blocks,
				kit: c.kit ?? undefined
			}),
			ownerName: c.ownerName,
			updatedAt: c.updatedAt
		})),
		problems: problems.filter((p) => p.severity === 'error'),
		rooms
	};
};

const deckOfFile = (agenda: { id: string; deckFile?: string }) =>
	fileDeck({ id: agenda.id, deck: agenda.deckFile });

const agendaForm = z.object({ agendaId: z.string().trim().min(1).max(100) });
const GONE = 'That agenda is not available any more. Reload the page and pick another.';

async function agendaId(request: Request): Promise<string | undefined> {
	const parsed = agendaForm.safeParse(Object.fromEntries(await request.formData()));
	return parsed.success ? parsed.data.agendaId : undefined;
}

export const actions: Actions = {
	start: async ({ request, locals }) => {
		const id = await agendaId(request);
		const db = getStore();
		const agenda = id ? await findAgendaForTrainer(db, id, locals.trainer!.id) : undefined;
		if (!agenda) return fail(400, { error: GONE });
		// From an agenda copy, its owner and co-facilitators become the session's trainers too.
		// A file agenda's deck (named beside its YAML) is read and stored on first use.
		const deck = agenda.source === 'copy' ? (agenda.deck ?? null) : await deckOfFile(agenda);
		const room = await startSession(db, {
			trainerId: locals.trainer!.id,
			agendaId: agenda.id,
			agenda: agenda.plan,
			deck,
			video: agenda.source === 'copy' ? (agenda.video ?? null) : null
		});
		redirect(303, `/trainer/rooms/${room.id}`);
	},
	/** A copy of a file or of one of the trainer's own agendas, opened straight in the editor. */
	duplicate: async ({ request, locals }) => {
		const id = await agendaId(request);
		const source = id ? await findAgendaForTrainer(getStore(), id, locals.trainer!.id) : undefined;
		const deck = source?.source === 'file' ? await deckOfFile(source) : null;
		const copy = id
			? await duplicateAgenda(getStore(), id, locals.trainer!.id, Date.now(), deck)
			: undefined;
		if (!copy) return fail(400, { error: GONE });
		redirect(303, `/trainer/agendas/${copy.id}`);
	},
	delete: async ({ request, locals }) => {
		const id = await agendaId(request);
		const title = id
			? (await findAgendaForTrainer(getStore(), id, locals.trainer!.id))?.plan.title
			: undefined;
		// Owner only: a co-facilitator of a shared agenda cannot delete it.
		if (!id || !(await deleteCopy(getStore(), id, locals.trainer!.id)))
			return fail(400, { error: 'That agenda was already deleted, or is not one of yours.' });
		return { deleted: title ?? 'The agenda' };
	}
};
