import { error, json } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { z } from 'zod';
import { getStore } from '$lib/server/store';
import { loadSession } from '$lib/server/exports/session';
import { followUpItems } from '$lib/server/followup/items';
import { followUpLink, reachabilityWarning } from '$lib/server/followup/service';
import { followUpEnabled, optIn } from '$lib/server/store/followup';
import { joinAddress } from '$lib/server/public-url';
import { findParticipantBySeat } from '$lib/server/store/rooms';
import { hashToken } from '$lib/server/tokens';
import type { RequestHandler } from './$types';

const body = z.strictObject({
	seatToken: z.string().min(16).max(200),
	/** Only ask whether the offer stands (and where the link would point), without opting in. */
	check: z.boolean().optional()
});

/**
 * Opting in to the follow-up at the end of a session. Like the pack, the phone proves who it is
 * with its seat token in the body; the answer is a new personal link (its own token, shown once).
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success)
		error(400, 'This phone has no seat for a session. Join with the code first.');
	const db = getStore();
	const participant = await findParticipantBySeat(db, hashToken(parsed.data.seatToken));
	if (!participant || participant.removedAt)
		error(404, 'This phone is not part of a session any more.');
	const data = await loadSession(db, participant.roomId);
	if (!data || data.deleted) error(404, 'This phone is not part of a session any more.');
	const unavailable =
		data.room.status !== 'closed'
			? 'The follow-up starts once the trainer closes the session.'
			: !(await followUpEnabled(db, data.room.id))
				? 'The trainer switched the follow-up off for this session.'
				: !followUpItems(data, participant.id).length
					? 'You wrote no goal and no “one thing” in this session, so there is nothing to follow up.'
					: null;
	// Asking whether the offer stands is answered either way (a 409 here showed as an error in the
	// phone's console at every close); opting in when it does not stand is refused.
	if (unavailable && parsed.data.check) return json({ available: false, message: unavailable });
	if (unavailable) error(409, unavailable);
	const base = joinAddress(url).base;
	if (parsed.data.check)
		return json({ available: true, warning: reachabilityWarning(base) ?? null });
	const token = await optIn(db, participant);
	const link = followUpLink(base, token);
	const qrSvg = await QRCode.toString(link, {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M',
		color: { dark: '#000000', light: '#ffffff' }
	});
	return json(
		{ link, qrSvg, warning: reachabilityWarning(link) ?? null },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
