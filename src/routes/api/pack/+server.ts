import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { getStore } from '$lib/server/store';
import { valueInWorker } from '$lib/server/exports/access';
import { findParticipantBySeat } from '$lib/server/store/rooms';
import { hashToken } from '$lib/server/tokens';
import type { RequestHandler } from './$types';

const body = z.object({ seatToken: z.string().min(16).max(200) });

/**
 * A learner's own evidence pack. The phone proves who it is with its seat token (POSTed, never in
 * a URL, so it stays out of logs and history); the token opens that one person's pack and no other.
 */
export const POST: RequestHandler = async ({ request }) => {
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success)
		error(400, 'This phone has no seat for a session. Join with the code first.');
	const db = getStore();
	const participant = await findParticipantBySeat(db, hashToken(parsed.data.seatToken));
	if (!participant)
		error(
			404,
			'No evidence pack was found for this phone. If the trainer deleted the session’s data, the pack went with it.'
		);
	// Built in the export pool's worker thread (exports/pool.ts): the pack replays the whole session.
	const pack = await valueInWorker(
		db,
		{
			kind: 'pack',
			roomId: participant.roomId,
			participantId: participant.id,
			followUp: true,
			now: Date.now()
		},
		'Your evidence pack'
	);
	if (!pack) error(404, 'No evidence pack was found for this phone.');
	return json(pack, { headers: { 'cache-control': 'no-store' } });
};
