import { error } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import { activityRuns, type Room } from '../db/schema';
import { roomForTrainer } from '../rooms/access';
import { ExportError, exportStream, exportValue } from './pool';
import type { ExportJob, ValueJob, ValueOf } from './build';
import { sessionOf, type SessionData } from './session';
import { slug } from './format';

/**
 * Every download checks access itself: endpoints do not run the page layout's load. Strangers get
 * the same 404 as for a missing session.
 */
export function roomOfTrainer(locals: App.Locals, roomId: string): { db: Db; room: Room } {
	const trainer = locals.trainer;
	if (!trainer) error(401, 'Please sign in as a trainer.');
	const db = getDb();
	const room = roomForTrainer(db, roomId, trainer.id);
	if (!room) error(404, 'No such session among yours.');
	return { db, room };
}

/**
 * The whole session, read and replayed on this thread: for small pages and actions. Downloads use
 * exportDownload, and pages that show the whole session valueInWorker.
 */
export function sessionForTrainer(locals: App.Locals, roomId: string): SessionData {
	const { db, room } = roomOfTrainer(locals, roomId);
	return sessionOf(db, room);
}

/**
 * A page's data (the report, an evidence pack) built in the export pool's worker thread: a large
 * session replayed on this thread would stall every live room on the server.
 */
export async function valueInWorker<J extends ValueJob>(
	db: Db,
	job: J,
	what: string
): Promise<ValueOf[J['kind']]> {
	try {
		return await exportValue(db.$client.name, job);
	} catch (err) {
		if (err instanceof ExportError) error(err.status, `${what} could not be built: ${err.message}`);
		throw err;
	}
}

/** An activity run's title and its place (1, 2…) in the session, without reading its answers. */
export function runOfRoom(
	db: Db,
	roomId: string,
	runId: string
): { title: string; index: number } | undefined {
	const runs = db
		.select({ id: activityRuns.id, title: activityRuns.title })
		.from(activityRuns)
		.where(eq(activityRuns.roomId, roomId))
		.orderBy(asc(activityRuns.launchedAt))
		.all();
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
	db: Db,
	job: ExportJob,
	filename: string,
	contentType: string
): Promise<Response> {
	try {
		return new Response(await exportStream(db.$client.name, job), {
			headers: headers(filename, contentType)
		});
	} catch (err) {
		if (err instanceof ExportError)
			error(err.status, `The export could not be built: ${err.message}`);
		throw err;
	}
}
