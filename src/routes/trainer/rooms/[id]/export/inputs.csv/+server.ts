import { download, fileBase, sessionForTrainer } from '$lib/server/exports/access';
import { toCsv } from '$lib/server/exports/csv';
import { DELETED_NOTE, inputLogRows } from '$lib/server/exports/tables';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const data = sessionForTrainer(locals, params.id);
	return download(
		toCsv(inputLogRows(data), DELETED_NOTE(data)),
		`${fileBase(data)}-input-log.csv`,
		'text/csv; charset=utf-8'
	);
};
