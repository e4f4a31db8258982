import { exportDownload, fileBase, roomOfTrainer } from '$lib/server/exports/access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const { db, room } = roomOfTrainer(locals, params.id);
	return exportDownload(
		db,
		{ kind: 'xlsx', roomId: room.id, now: Date.now() },
		`${fileBase({ room })}.xlsx`,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
};
