import { error } from '@sveltejs/kit';
import { exportDownload, fileBase, roomOfTrainer, runOfRoom } from '$lib/server/exports/access';
import { slug } from '$lib/server/exports/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, room } = await roomOfTrainer(locals, params.id);
	const run = await runOfRoom(db, room.id, params.runId);
	if (!run) error(404, 'That activity is not part of this session.');
	return exportDownload(
		db,
		{ kind: 'activity-csv', roomId: room.id, runId: params.runId },
		`${fileBase({ room })}-${run.index}-${slug(run.title, 'activity')}.csv`,
		'text/csv; charset=utf-8'
	);
};
