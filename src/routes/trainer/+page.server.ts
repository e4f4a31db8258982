import { fail, redirect } from '@sveltejs/kit';
import { findAgendaForTrainer } from '$lib/server/agendas/library';
import { getAgendaLibrary } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { createRoom, listTrainerRooms } from '$lib/server/rooms/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { agendas, problems } = getAgendaLibrary();
	return {
		agendas: agendas.map((a) => ({
			id: a.id,
			title: a.title,
			summary: a.summary ?? '',
			start: a.start,
			blocks: a.blocks.length,
			minutes: a.blocks.reduce((sum, b) => sum + b.minutes, 0)
		})),
		problems: problems.filter((p) => p.severity === 'error'),
		rooms: listTrainerRooms(getDb(), locals.trainer!.id).map((r) => ({
			id: r.id,
			code: r.code,
			title: r.title,
			status: r.status,
			createdAt: r.createdAt
		}))
	};
};

export const actions: Actions = {
	start: async ({ request, locals }) => {
		const agendaId = (await request.formData()).get('agendaId');
		const db = getDb();
		const agenda = typeof agendaId === 'string' ? findAgendaForTrainer(db, agendaId, locals.trainer!.id) : undefined;
		if (!agenda) return fail(400, { error: 'That agenda is not available any more. Reload the page and pick another.' });
		const room = createRoom(db, { trainerId: locals.trainer!.id, agendaId: agenda.id, agenda: agenda.plan });
		redirect(303, `/trainer/rooms/${room.id}`);
	}
};
