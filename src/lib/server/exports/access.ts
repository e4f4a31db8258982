import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { roomForTrainer } from '../rooms/access';
import { sessionOf, type SessionData } from './session';
import { slug } from './format';

/**
 * Every download checks access itself: endpoints do not run the page layout's load. Strangers get
 * the same 404 as for a missing session.
 */
export function sessionForTrainer(locals: App.Locals, roomId: string): SessionData {
	const trainer = locals.trainer;
	if (!trainer) error(401, 'Please sign in as a trainer.');
	const db = getDb();
	const room = roomForTrainer(db, roomId, trainer.id);
	if (!room) error(404, 'No such session among yours.');
	return sessionOf(db, room);
}

/** "pm-session-a-2026-11-25": readable, sortable, safe in every file system. */
export function fileBase(data: SessionData): string {
	const d = new Date(data.room.run.startedAt ?? data.room.createdAt);
	const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	return `${slug(data.room.title, 'session')}-${day}`;
}

export function download(
	body: string | Uint8Array<ArrayBuffer>,
	filename: string,
	contentType: string
): Response {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(body, {
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			// Exports hold names and answers: never kept by a shared proxy or the browser's cache.
			'cache-control': 'no-store'
		}
	});
}
