import { error, fail, redirect } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { UserError } from '$lib/server/errors';
import {
	addFacilitatorForm,
	addRoomFacilitator,
	listRoomFacilitators,
	refusedChange,
	removeFacilitatorForm,
	removeRoomFacilitator
} from '$lib/server/facilitators';
import { formObject } from '$lib/server/forms';
import { currentRealtime } from '$lib/server/realtime';
import type { Actions, PageServerLoad } from './$types';

/** The live engine, when this process runs the sockets: co-facilitator changes reach open rooms at once. */
const live = () => currentRealtime()?.engine;

async function listFor(roomId: string, trainerId: string) {
	try {
		return await listRoomFacilitators(getStore(), roomId, trainerId);
	} catch (err) {
		if (err instanceof UserError) error(404, 'No such session among yours.');
		throw err;
	}
}

export const load: PageServerLoad = async ({ params, locals }) => ({
	facilitators: await listFor(params.id, locals.trainer!.id)
});

export const actions: Actions = {
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
		try {
			const added = await addRoomFacilitator(getStore(), {
				roomId: params.id,
				actorId,
				email: parsed.data.email,
				live: live()
			});
			return {
				facilitators: await listFor(params.id, actorId),
				coFacilitatorNotice: `${added.name} can now run this session with you.`
			};
		} catch (err) {
			return refusedChange(err, form.email);
		}
	},
	/** The owner removes someone, or a co-facilitator removes themselves (leaves, and goes back to their dashboard). */
	removeCoFacilitator: async ({ request, params, locals }) => {
		const parsed = removeFacilitatorForm.safeParse(formObject(await request.formData()));
		if (!parsed.success)
			return fail(400, {
				coFacilitatorError: parsed.error.issues[0]?.message ?? 'Choose who to remove.',
				email: ''
			});
		const actorId = locals.trainer!.id;
		let removed;
		try {
			removed = await removeRoomFacilitator(getStore(), {
				roomId: params.id,
				actorId,
				trainerId: parsed.data.trainerId,
				live: live()
			});
		} catch (err) {
			return refusedChange(err);
		}
		if (removed.id === actorId) redirect(303, '/trainer');
		return {
			facilitators: await listFor(params.id, actorId),
			coFacilitatorNotice: `${removed.name} is no longer a co-facilitator.`
		};
	}
};
