import { error, fail, redirect } from '@sveltejs/kit';
import {
	findAgendaForTrainer,
	getCopy,
	rowToPlan,
	saveCopy,
	type AgendaErrors
} from '$lib/server/agendas/library';
import { activityIds } from '$lib/server/content/agendas';
import { activitiesDir } from '$lib/server/content/dirs';
import { getStore } from '$lib/server/store';
import {
	addAgendaFacilitator,
	addFacilitatorForm,
	refusedChange,
	listAgendaFacilitators,
	removeAgendaFacilitator,
	removeFacilitatorForm,
	startSession
} from '$lib/server/facilitators';
import { formObject } from '$lib/server/forms';
import { hasLoneSurrogate } from '$lib/server/well-formed';
import type { Actions, PageServerLoad } from './$types';

/** Far above 60 full blocks; anything bigger is not from the editor. */
const MAX_BODY = 400_000;

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = getStore();
	const trainerId = locals.trainer!.id;
	const row = await getCopy(db, params.id, trainerId);
	// Files and strangers' copies alike are "not found": ids are not confirmed to strangers.
	if (!row)
		error(
			404,
			'No such agenda among yours. Only your own copies and those shared with you can be edited: duplicate an agenda first.'
		);
	const source = row.copiedFrom
		? await findAgendaForTrainer(db, row.copiedFrom, trainerId)
		: undefined;
	return {
		agenda: {
			id: row.id,
			plan: rowToPlan(row),
			updatedAt: row.updatedAt,
			deck: row.deck ?? null,
			video: row.video ?? null
		},
		copiedFrom: source?.plan.title ?? null,
		activityIds: [...activityIds(activitiesDir())],
		facilitators: await listAgendaFacilitators(db, row.id, trainerId)
	};
};

const failWith = (status: number, errors: AgendaErrors) => fail(status, { errors });

/** Validates and stores the posted agenda; either the saved row or a failure to return. */
async function save(request: Request, id: string, trainerId: string) {
	const raw = (await request.formData()).get('agenda');
	let input: unknown;
	try {
		if (typeof raw !== 'string' || raw.length > MAX_BODY) throw new Error('not editor data');
		input = JSON.parse(raw);
		// "\ud800" in JSON is half a character: nothing the editor sends, and unreadable once stored.
		if (hasLoneSurrogate(input)) throw new Error('not editor data');
	} catch {
		return {
			ok: false as const,
			failure: failWith(400, {
				form: 'The editor sent something unreadable. Reload the page and try again.'
			})
		};
	}
	const result = await saveCopy(getStore(), id, trainerId, input);
	if (result.ok) return { ok: true as const, row: result.row };
	if (result.reason === 'not-found') {
		return {
			ok: false as const,
			failure: failWith(404, {
				form: 'This agenda no longer exists (was it deleted in another tab?). Copy anything you need before leaving.'
			})
		};
	}
	return { ok: false as const, failure: failWith(400, result.errors) };
}

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const saved = await save(request, params.id, locals.trainer!.id);
		if (!saved.ok) return saved.failure;
		return { agenda: rowToPlan(saved.row), updatedAt: saved.row.updatedAt };
	},
	/** Saves first, so the session always runs what the trainer sees in the editor. */
	start: async ({ request, params, locals }) => {
		const trainerId = locals.trainer!.id;
		const saved = await save(request, params.id, trainerId);
		if (!saved.ok) return saved.failure;
		// The agenda's owner and co-facilitators become the session's trainers too.
		const room = await startSession(getStore(), {
			trainerId,
			agendaId: saved.row.id,
			agenda: rowToPlan(saved.row),
			deck: saved.row.deck,
			video: saved.row.video
		});
		redirect(303, `/trainer/rooms/${room.id}`);
	},
	/** Owner only (facilitators.ts enforces it): a trainer account, by email. */
	addCoFacilitator: async ({ request, params, locals }) => {
		const form = formObject(await request.formData());
		const parsed = addFacilitatorForm.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				coFacilitatorError: parsed.error.issues[0]?.message ?? 'Check the email address.',
				email: form.email ?? ''
			});
		const actorId = locals.trainer!.id;
		const db = getStore();
		try {
			const added = await addAgendaFacilitator(db, {
				agendaId: params.id,
				actorId,
				email: parsed.data.email
			});
			return {
				facilitators: await listAgendaFacilitators(db, params.id, actorId),
				coFacilitatorNotice: `${added.name} can now edit this agenda and run sessions from it.`
			};
		} catch (err) {
			return refusedChange(err, form.email);
		}
	},
	/** The owner removes someone, or a co-facilitator leaves the agenda (and goes back to their dashboard). */
	removeCoFacilitator: async ({ request, params, locals }) => {
		const parsed = removeFacilitatorForm.safeParse(formObject(await request.formData()));
		if (!parsed.success)
			return fail(400, {
				coFacilitatorError: parsed.error.issues[0]?.message ?? 'Choose who to remove.',
				email: ''
			});
		const actorId = locals.trainer!.id;
		const db = getStore();
		let removed;
		try {
			removed = await removeAgendaFacilitator(db, {
				agendaId: params.id,
				actorId,
				trainerId: parsed.data.trainerId
			});
		} catch (err) {
			return refusedChange(err);
		}
		if (removed.id === actorId) redirect(303, '/trainer');
		return {
			facilitators: await listAgendaFacilitators(db, params.id, actorId),
			coFacilitatorNotice: `${removed.name} is no longer a co-facilitator.`
		};
	}
};
