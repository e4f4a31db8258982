import { exportDownload, fileBase, roomOfTrainer } from '$lib/server/exports/access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	return exportDownload(
		db,
		{ kind: 'xlsx', roomId: room.id, now: Date.now() },
		`${fileBase({ room })}.xlsx`,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
};
