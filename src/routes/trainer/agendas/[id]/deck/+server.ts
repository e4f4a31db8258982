import { error, json } from '@sveltejs/kit';
import { getCopy } from '$lib/server/agendas/library';
import { getStore } from '$lib/server/store';
import { setAgendaDeck } from '$lib/server/decks/agenda-deck';
import { readUpload, storeDeck } from '$lib/server/decks/files';
import type { RequestHandler } from './$types';

const NOT_YOURS = 'No such agenda among yours.';

/**
 * Attach or replace an agenda copy's deck: the raw PDF as the body (Content-Type application/pdf,
 * which no cross-site form can send), the file name in X-File-Name. The old deck stays until the new one is checked and stored.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const db = getStore();
	const trainerId = locals.trainer!.id;
	if (!(await getCopy(db, params.id, trainerId))) error(404, NOT_YOURS);
	if (request.headers.get('content-type')?.split(';')[0]?.trim() !== 'application/pdf')
		return json(
			{ error: 'That file is not a PDF. Export the deck as PDF and attach that file.' },
			{ status: 415 }
		);
	const body = await readUpload(request);
	if (!body.ok) return json({ error: body.error }, { status: body.status });
	let name = 'deck.pdf';
	try {
		name = decodeURIComponent(request.headers.get('x-file-name') ?? name);
	} catch {
		// A mangled name is only a label: keep the default.
	}
	const stored = await storeDeck(body.bytes, name);
	if (!stored.ok) return json({ error: stored.error }, { status: 400 });
	if (!(await setAgendaDeck(db, params.id, trainerId, stored.deck))) error(404, NOT_YOURS);
	return json({ deck: stored.deck });
};

/** Detach the deck; the file stays under data/decks/ for sessions that started with it. */
export const DELETE: RequestHandler = async ({ params, locals }) => {
	if (!(await setAgendaDeck(getStore(), params.id, locals.trainer!.id, null)))
		error(404, NOT_YOURS);
	return json({ deck: null });
};
