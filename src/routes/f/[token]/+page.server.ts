import { error, fail } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { loadSession } from '$lib/server/exports/session';
import { followUpNow } from '$lib/server/followup/clock';
import { parseCheckIn } from '$lib/server/followup/form';
import { followUpItems } from '$lib/server/followup/items';
import { answersOf, findByToken, revoke, saveCheckIn } from '$lib/server/store/followup';
import { currentWindow } from '$lib/shared/follow-up';
import type { Actions, PageServerLoad } from './$types';

/** Every failure reads the same: a wrong, replaced or revoked link confirms nothing. */
async function holderOf(token: string) {
	const db = getStore();
	const holder = await findByToken(db, token);
	const data = holder && (await loadSession(db, holder.room.id));
	if (!holder || !data) error(404, 'Not found.');
	return { db, holder, data };
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const { db, holder, data } = await holderOf(params.token);
	setHeaders({ 'cache-control': 'no-store' });
	const now = followUpNow();
	const answers = await answersOf(db, holder.participant.id);
	const window = currentWindow(holder.room.closedAt!, now);
	return {
		session: { title: data.room.title, trainer: data.owner.name, closedAt: holder.room.closedAt! },
		name: holder.participant.name,
		items: followUpItems(data, holder.participant.id),
		window,
		answers: Object.fromEntries(await answersOf(db, holder.participant.id)),
		saved: answers.has(window.checkpoint),
		consent: {
			shareQuotes: holder.followUp.shareQuotes,
			shareWithTrainer: holder.followUp.shareWithTrainer,
			email: holder.followUp.email ?? ''
		}
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { db, holder, data } = await holderOf(params.token);
		const window = currentWindow(holder.room.closedAt!, followUpNow());
		if (window.ended)
			return fail(409, {
				errors: {
					form: 'The follow-up for this session has ended; your answers are kept as they were.'
				}
			});
		const items = followUpItems(data, holder.participant.id);
		const result = parseCheckIn(await request.formData(), items);
		if (!result.ok) return fail(400, { errors: result.errors });
		await saveCheckIn(db, holder, window.checkpoint, result.answers, result.consent);
		return { saved: window.checkpoint };
	},
	/** The learner takes their link back: it opens nothing from now on. Their answers stay until the session's data goes. */
	revoke: async ({ params }) => {
		const { db, holder } = await holderOf(params.token);
		await revoke(db, holder.followUp.id);
		return { revoked: true };
	}
};
