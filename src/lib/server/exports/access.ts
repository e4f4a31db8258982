import { error } from '@sveltejs/kit';
import type { Room } from '../db/schema';
import { getStore, type Store } from '../store';
import { runTitles } from '../store/exports';
import { roomForTrainer } from '../rooms/access';
import { ExportError, exportStream, exportValue } from './pool';
import type { ExportJob, ValueJob, ValueOf } from './build';
import { sessionOf, type SessionData } from './session';
import { slug } from './format';

/**
 * Every download checks access itself: endpoints do not run the page layout's load. Strangers get
 * the same 404 as for a missing session.
 */
export async function roomOfTrainer(
	locals: App.Locals,
	roomId: string
): Promise<{ db: Store; room: Room }> {
	const trainer = locals.trainer;
	if (!trainer) error(401, 'Please sign in as a trainer.');
	const db = getStore();
	const room = await roomForTrainer(db, roomId, trainer.id);
	if (!room) error(404, 'No such session among yours.');
	return { db, room };
}

/**
 * The whole session, read and replayed on this thread: for small pages and actions. Downloads use
 * exportDownload, and pages that show the whole session valueInWorker.
 */
export async function sessionForTrainer(locals: App.Locals, roomId: string): Promise<SessionData> {
	const { db, room } = await roomOfTrainer(locals, roomId);
	return sessionOf(db, room);
}

/**
 * A page's data (the report, an evidence pack) built in the export pool's worker thread: a large
 * session replayed on this thread would stall every live room on the server.
 */
export async function valueInWorker<J extends ValueJob>(
	db: Store,
	job: J,
	what: string
): Promise<ValueOf[J['kind']]> {
	try {
		return await exportValue(db.location, job);
	} catch (err) {
		if (err instanceof ExportError) error(err.status, `${what} could not be built: ${err.message}`);
		throw err;
	}
}

/** An activity run's title and its place (1, 2…) in the session, without reading its answers. */
export async function runOfRoom(
	db: Store,
	roomId: string,
	runId: string
): Promise<{ title: string; index: number } | undefined> {
	const runs = await runTitles(db, roomId);
	const index = runs.findIndex((r) => r.id === runId);
	return index < 0 ? undefined : { title: runs[index]!.title, index: index + 1 };
}

/** "pm-session-a-2026-11-25": readable, sortable, safe in every file system. */
export function fileBase(data: { room: Room }): string {
	const d = new Date(data.room.run.startedAt ?? data.room.createdAt);
	const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	return `${slug(data.room.title, 'session')}-${day}`;
}

function headers(filename: string, contentType: string): HeadersInit {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return {
		'content-type': contentType,
		'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
		// Exports hold names and answers: never kept by a shared proxy or the browser's cache.
		'cache-control': 'no-store'
	};
}

/** The export built in a worker thread (pool.ts) and streamed to the browser as it is made. */
export async function exportDownload(
	db: Store,
	job: ExportJob,
	filename: string,
	contentType: string
): Promise<Response> {
	try {
		return new Response(await exportStream(db.location, job), {
			headers: headers(filename, contentType)
		});
	} catch (err) {
		if (err instanceof ExportError)
			error(err.status, `The export could not be built: ${err.message}`);
		throw err;
	}
}
