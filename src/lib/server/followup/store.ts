import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Checkpoint, ItemAnswer } from '$lib/shared/follow-up';
import type { Db } from '../db';
import {
	followUpAnswers,
	followUpOff,
	followUps,
	participants,
	rooms,
	type FollowUp,
	type Participant,
	type Room
} from '../db/schema';
import { generateToken, hashToken, newId } from '../tokens';

export function followUpEnabled(db: Db, roomId: string): boolean {
	return !db.select().from(followUpOff).where(eq(followUpOff.roomId, roomId)).get();
}

export function setFollowUpEnabled(
	db: Db,
	roomId: string,
	enabled: boolean,
	now = Date.now()
): void {
	if (enabled) db.delete(followUpOff).where(eq(followUpOff.roomId, roomId)).run();
	else db.insert(followUpOff).values({ roomId, at: now }).onConflictDoNothing().run();
}

/**
 * Opts a learner in and returns their new personal token (shown once, only its hash is kept).
 * Opting in again revokes the earlier link: one live link per learner, and a lost one can be replaced.
 */
export function optIn(db: Db, participant: Participant, now = Date.now()): string {
	const token = generateToken();
	db.transaction((tx) => {
		const previous = tx
			.select()
			.from(followUps)
			.where(eq(followUps.participantId, participant.id))
			.orderBy(asc(followUps.createdAt))
			.all()
			.at(-1);
		tx.update(followUps)
			.set({ revokedAt: now })
			.where(and(eq(followUps.participantId, participant.id), isNull(followUps.revokedAt)))
			.run();
		tx.insert(followUps)
			.values({
				id: newId(),
				roomId: participant.roomId,
				participantId: participant.id,
				tokenHash: hashToken(token),
				// A new link keeps what the learner chose before.
				shareQuotes: previous?.shareQuotes ?? false,
				shareWithTrainer: previous?.shareWithTrainer ?? false,
				email: previous?.email ?? null,
				createdAt: now
			})
			.run();
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
export function findByToken(db: Db, token: string): Holder | undefined {
	if (token.length < 16 || token.length > 100) return undefined;
	const row = db
		.select({ followUp: followUps, participant: participants, room: rooms })
		.from(followUps)
		.innerJoin(participants, eq(participants.id, followUps.participantId))
		.innerJoin(rooms, eq(rooms.id, followUps.roomId))
		.where(and(eq(followUps.tokenHash, hashToken(token)), isNull(followUps.revokedAt)))
		.get();
	if (!row || row.room.dataDeletedAt || row.room.closedAt === null) return undefined;
	return followUpEnabled(db, row.room.id) ? row : undefined;
}

export function revoke(db: Db, followUpId: string, now = Date.now()): void {
	db.update(followUps).set({ revokedAt: now }).where(eq(followUps.id, followUpId)).run();
}

export interface Consent {
	shareQuotes: boolean;
	shareWithTrainer: boolean;
	email: string | null;
}

/** One check-in: every item upserted in one transaction, so a second visit edits and never duplicates. */
export function saveCheckIn(
	db: Db,
	holder: Holder,
	checkpoint: Checkpoint,
	answers: Record<string, Omit<ItemAnswer, 'updatedAt'>>,
	consent: Consent,
	now = Date.now()
): void {
	const { followUp } = holder;
	db.transaction((tx) => {
		for (const [itemKey, a] of Object.entries(answers)) {
			tx.insert(followUpAnswers)
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
				})
				.run();
		}
		tx.update(followUps).set(consent).where(eq(followUps.id, followUp.id)).run();
	});
}

/** A learner's answers per check-in, keyed by item. */
export function answersOf(
	db: Db,
	participantId: string
): Map<Checkpoint, Record<string, ItemAnswer>> {
	const out = new Map<Checkpoint, Record<string, ItemAnswer>>();
	const rows = db
		.select()
		.from(followUpAnswers)
		.where(eq(followUpAnswers.participantId, participantId))
		.all();
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
export function roomFollowUp(db: Db, roomId: string) {
	const optIns = db.select().from(followUps).where(eq(followUps.roomId, roomId)).all();
	const latest = new Map<string, FollowUp>();
	for (const f of optIns) {
		const seen = latest.get(f.participantId);
		if (!seen || seen.createdAt <= f.createdAt) latest.set(f.participantId, f);
	}
	const answers = db.select().from(followUpAnswers).where(eq(followUpAnswers.roomId, roomId)).all();
	return { optIns: [...latest.values()], answers };
}

/** Whether a learner let the trainer see their check-ins (for the trainer's evidence pack). */
export function sharesWithTrainer(db: Db, participantId: string): boolean {
	return roomFollowUpOf(db, participantId)?.shareWithTrainer ?? false;
}

function roomFollowUpOf(db: Db, participantId: string): FollowUp | undefined {
	return db
		.select()
		.from(followUps)
		.where(eq(followUps.participantId, participantId))
		.orderBy(asc(followUps.createdAt))
		.all()
		.at(-1);
}

/** Whether the session's retention counts from the end of the follow-up (see data-care's purge). */
export function extendsRetention(db: Db, roomId: string): boolean {
	return (
		followUpEnabled(db, roomId) &&
		!!db.select({ id: followUps.id }).from(followUps).where(eq(followUps.roomId, roomId)).get()
	);
}
