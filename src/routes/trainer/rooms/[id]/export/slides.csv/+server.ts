import { exportDownload, fileBase, roomOfTrainer } from '$lib/server/exports/access';
import type { RequestHandler } from './$types';

/** Time on each slide shown, block by block (a session without slides gets a line saying so). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	return exportDownload(
		db,
		{ kind: 'slides-csv', roomId: room.id, now: Date.now() },
		`${fileBase({ room })}-slides.csv`,
		'text/csv; charset=utf-8'
	);
};
