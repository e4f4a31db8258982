import { exportDownload, fileBase, roomOfTrainer } from '$lib/server/exports/access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	return exportDownload(
		db,
		{ kind: 'inputs-csv', roomId: room.id },
		`${fileBase({ room })}-input-log.csv`,
		'text/csv; charset=utf-8'
	);
};
