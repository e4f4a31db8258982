import { download, fileBase, sessionForTrainer } from '$lib/server/exports/access';
import { toWorkbook } from '$lib/server/exports/workbook';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const data = sessionForTrainer(locals, params.id);
	return download(
		await toWorkbook(data),
		`${fileBase(data)}.xlsx`,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
};
