import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Checkpoint, ItemAnswer } from '$lib/shared/follow-up';
import type { FollowUp, Participant, Room } from '../db/schema';
import { generateToken, hashToken, newId } from '../tokens';
import type { Store } from './types';

export async function followUpEnabled(s: Store, roomId: string): Promise<boolean> {
	const { followUpOff } = s.t;
	const off = await s.db
		.select({ roomId: followUpOff.roomId })
		.from(followUpOff)
		.where(eq(followUpOff.roomId, roomId))
		.limit(1);
	return off.length === 0;
}

export async function setFollowUpEnabled(
	s: Store,
	roomId: string,
	enabled: boolean,
	now = Date.now()
): Promise<void> {
	const { followUpOff } = s.t;
	if (enabled) await s.db.delete(followUpOff).where(eq(followUpOff.roomId, roomId));
	else await s.db.insert(followUpOff).values({ roomId, at: now }).onConflictDoNothing();
}

/**
 * Opts a learner in and returns their new personal token (shown once, only its hash is kept).
 * Opting in again revokes the earlier link: one live link per learner, and a lost one can be replaced.
 */
export async function optIn(s: Store, participant: Participant, now = Date.now()): Promise<string> {
	const token = generateToken();
	const { followUps } = s.t;
	await s.transaction(async (tx) => {
		const previous = (
			await tx
				.select()
				.from(followUps)
				.where(eq(followUps.participantId, participant.id))
				.orderBy(asc(followUps.createdAt))
		).at(-1);
		await tx
			.update(followUps)
			.set({ revokedAt: now })
			.where(and(eq(followUps.participantId, participant.id), isNull(followUps.revokedAt)));
		await tx.insert(followUps).values({
			id: newId(),
			roomId: participant.roomId,
			participantId: participant.id,
			tokenHash: hashToken(token),
			// A new link keeps what the learner chose before.
			shareQuotes: previous?.shareQuotes ?? false,
			shareWithTrainer: previous?.shareWithTrainer ?? false,
			email: previous?.email ?? null,
			createdAt: now
		});
	});
	return token;
}

export interface Holder {
	followUp: FollowUp;
	participant: Participant;
	room: Room;
}

/**
 * The learner a follow-up token belongs to; undefined for a wrong, revoked or replaced token, a
 * session whose follow-up was switched off or whose data was deleted: all the same "not found".
 */
export async function findByToken(s: Store, token: string): Promise<Holder | undefined> {
	if (token.length < 16 || token.length > 100) return undefined;
	const { followUps, participants, rooms } = s.t;
	const [row] = await s.db
		.select({ followUp: followUps, participant: participants, room: rooms })
		.from(followUps)
		.innerJoin(participants, eq(participants.id, followUps.participantId))
		.innerJoin(rooms, eq(rooms.id, followUps.roomId))
		.where(and(eq(followUps.tokenHash, hashToken(token)), isNull(followUps.revokedAt)))
		.limit(1);
	if (!row || row.room.dataDeletedAt || row.room.closedAt === null) return undefined;
	return (await followUpEnabled(s, row.room.id)) ? row : undefined;
}

export async function revoke(s: Store, followUpId: string, now = Date.now()): Promise<void> {
	const { followUps } = s.t;
	await s.db.update(followUps).set({ revokedAt: now }).where(eq(followUps.id, followUpId));
}

export interface Consent {
	shareQuotes: boolean;
	shareWithTrainer: boolean;
	email: string | null;
}

/** One check-in: every item upserted in one transaction, so a second visit edits and never duplicates. */
export async function saveCheckIn(
	s: Store,
	holder: Holder,
	checkpoint: Checkpoint,
	answers: Record<string, Omit<ItemAnswer, 'updatedAt'>>,
	consent: Consent,
	now = Date.now()
): Promise<void> {
	const { followUp } = holder;
	const { followUpAnswers, followUps } = s.t;
	await s.transaction(async (tx) => {
		for (const [itemKey, a] of Object.entries(answers)) {
			await tx
				.insert(followUpAnswers)
				.values({
					roomId: followUp.roomId,
					participantId: followUp.participantId,
					checkpoint,
					itemKey,
					...a,
					createdAt: now,
					updatedAt: now
				})
				.onConflictDoUpdate({
					target: [
						followUpAnswers.participantId,
						followUpAnswers.checkpoint,
						followUpAnswers.itemKey
					],
					set: { ...a, updatedAt: now }
				});
		}
		await tx.update(followUps).set(consent).where(eq(followUps.id, followUp.id));
	});
}

/** A learner's answers per check-in, keyed by item. */
export async function answersOf(
	s: Store,
	participantId: string
): Promise<Map<Checkpoint, Record<string, ItemAnswer>>> {
	const out = new Map<Checkpoint, Record<string, ItemAnswer>>();
	const { followUpAnswers } = s.t;
	const rows = await s.db
		.select()
		.from(followUpAnswers)
		.where(eq(followUpAnswers.participantId, participantId));
	for (const r of rows) {
		const list = out.get(r.checkpoint) ?? {};
		list[r.itemKey] = {
			progress: r.progress,
			helped: r.helped,
			helpedNote: r.helpedNote,
			barriers: r.barriers,
			barrierNote: r.barrierNote,
			confidence: r.confidence,
			revisedGoal: r.revisedGoal,
			updatedAt: r.updatedAt
		};
		out.set(r.checkpoint, list);
	}
	return out;
}

/** Every opt-in of a session (the latest per learner) and every answer, for the trainer's view. */
export async function roomFollowUp(s: Store, roomId: string) {
	const { followUps, followUpAnswers } = s.t;
	const optIns = await s.db.select().from(followUps).where(eq(followUps.roomId, roomId));
	const latest = new Map<string, FollowUp>();
	for (const f of optIns) {
		const seen = latest.get(f.participantId);
		if (!seen || seen.createdAt <= f.createdAt) latest.set(f.participantId, f);
	}
	const answers = await s.db
		.select()
		.from(followUpAnswers)
		.where(eq(followUpAnswers.roomId, roomId));
	return { optIns: [...latest.values()], answers };
}

/** Whether a learner let the trainer see their check-ins (for the trainer's evidence pack). */
export async function sharesWithTrainer(s: Store, participantId: string): Promise<boolean> {
	return (await roomFollowUpOf(s, participantId))?.shareWithTrainer ?? false;
}

async function roomFollowUpOf(s: Store, participantId: string): Promise<FollowUp | undefined> {
	const { followUps } = s.t;
	const rows = await s.db
		.select()
		.from(followUps)
		.where(eq(followUps.participantId, participantId))
		.orderBy(asc(followUps.createdAt));
	return rows.at(-1);
}

/** Whether the session's retention counts from the end of the follow-up (see data-care's purge). */
export async function extendsRetention(s: Store, roomId: string): Promise<boolean> {
	const { followUps } = s.t;
	if (!(await followUpEnabled(s, roomId))) return false;
	const any = await s.db
		.select({ id: followUps.id })
		.from(followUps)
		.where(eq(followUps.roomId, roomId))
		.limit(1);
	return any.length > 0;
}
