import { fail, redirect } from '@sveltejs/kit';
import { findAgenda, getAgendaLibrary } from '$lib/server/content';
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
		problems,
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
		const agenda = typeof agendaId === 'string' ? findAgenda(agendaId) : undefined;
		if (!agenda) return fail(400, { error: 'That agenda is not available any more. Reload the page and pick another.' });
		const room = createRoom(getDb(), { trainerId: locals.trainer!.id, agendaId: agenda.id, title: agenda.title });
		redirect(303, `/trainer/rooms/${room.id}`);
	}
};
