import { download, fileBase, sessionForTrainer } from '$lib/server/exports/access';
import { toJson } from '$lib/server/exports/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const data = sessionForTrainer(locals, params.id);
	return download(
		JSON.stringify(toJson(data), null, 2),
		`${fileBase(data)}.json`,
		'application/json; charset=utf-8'
	);
};
