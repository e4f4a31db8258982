import { exportDownload, fileBase, roomOfTrainer } from '$lib/server/exports/access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	return exportDownload(
		db,
		{ kind: 'json', roomId: room.id, now: Date.now() },
		`${fileBase({ room })}.json`,
		'application/json; charset=utf-8'
	);
};
