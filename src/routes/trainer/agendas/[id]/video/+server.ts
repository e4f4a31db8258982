import { error, json } from '@sveltejs/kit';
import { getCopy } from '$lib/server/agendas/library';
import { getStore } from '$lib/server/store';
import { setAgendaVideo, storeVideoUpload } from '$lib/server/decks/videos';
import type { RequestHandler } from './$types';

const NOT_YOURS = 'No such agenda among yours.';
const TYPES = ['video/mp4', 'video/webm'];

/**
 * Attach or replace an agenda copy's video file, for its video blocks at venues without internet:
 * the raw file as the body (Content-Type video/mp4 or video/webm, which no cross-site form can send),
 * the name in X-File-Name. The type is checked from the file's own first bytes too.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const db = getStore();
	const trainerId = locals.trainer!.id;
	if (!(await getCopy(db, params.id, trainerId))) error(404, NOT_YOURS);
	const type = request.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
	if (!TYPES.includes(type))
		return json(
			{
				error:
					'That file is not an MP4 or WebM video. Save the talk as MP4 or WebM and attach that file.'
			},
			{ status: 415 }
		);
	let name = 'video';
	try {
		name = decodeURIComponent(request.headers.get('x-file-name') ?? name);
	} catch {
		// A mangled name is only a label: keep the default.
	}
	const stored = await storeVideoUpload(request, name);
	if (!stored.ok) return json({ error: stored.error }, { status: stored.status });
	if (!(await setAgendaVideo(db, params.id, trainerId, stored.video))) error(404, NOT_YOURS);
	return json({ video: stored.video });
};

/** Detach the video; the file stays for sessions that started with it. */
export const DELETE: RequestHandler = async ({ params, locals }) => {
	if (!(await setAgendaVideo(getStore(), params.id, locals.trainer!.id, null)))
		error(404, NOT_YOURS);
	return json({ video: null });
};
