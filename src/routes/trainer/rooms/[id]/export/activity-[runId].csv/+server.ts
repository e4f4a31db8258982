import { error } from '@sveltejs/kit';
import { download, fileBase, sessionForTrainer } from '$lib/server/exports/access';
import { toCsv } from '$lib/server/exports/csv';
import { slug } from '$lib/server/exports/format';
import { DELETED_NOTE } from '$lib/server/exports/tables';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const data = sessionForTrainer(locals, params.id);
	const run = data.runs.find((r) => r.row.id === params.runId);
	if (!run) error(404, 'That activity is not part of this session.');
	const index = data.runs.indexOf(run) + 1;
	return download(
		toCsv(run.rows, DELETED_NOTE(data)),
		`${fileBase(data)}-${index}-${slug(run.row.title, 'activity')}.csv`,
		'text/csv; charset=utf-8'
	);
};
