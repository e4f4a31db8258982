import { fail } from '@sveltejs/kit';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { VideoInfo } from '$lib/shared/video';
import type { DeckInfo } from '$lib/shared/slides';
import { COPY_PREFIX, getCopy } from './agendas/library';
import type { Db } from './db';
import {
	agendaTrainers,
	agendas,
	roomTrainers,
	rooms,
	trainers,
	type AgendaRow,
	type Room
} from './db/schema';
import { UserError } from './errors';
import { roomForTrainer } from './rooms/access';
import { createRoom } from './rooms/store';

/**
 * Co-facilitators: other trainer accounts who run a session (or edit an agenda copy) with its owner.
 *
 * The rules, the same for sessions and agenda copies:
 * - only the OWNER adds and removes co-facilitators (co-facilitators see the list but cannot change it);
 * - a co-facilitator may remove themselves ("Leave");
 * - the owner is never a co-facilitator and cannot be removed;
 * - people are found by the email of their trainer account, case-insensitively.
 * A session started from an agenda copy is shared with that agenda's owner and co-facilitators.
 */

/** How many co-facilitators one session or agenda may have: a team, not a mailing list. */
export const MAX_CO_FACILITATORS = 20;

export const NO_ACCOUNT = 'No trainer account uses that email. Ask them to sign up first.';

export interface Facilitator {
	id: string;
	name: string;
	email: string;
}

export interface FacilitatorList {
	owner: Facilitator;
	coFacilitators: (Facilitator & { addedAt: number })[];
}

/** The part of the room engine that keeps live rooms' trainer sets current (RoomEngine has it). */
export interface LiveTrainerSets {
	trainerAdded(roomId: string, trainerId: string): void;
	trainerRemoved(roomId: string, trainerId: string): void;
}

export const addFacilitatorForm = z.object({
	email: z
		.string({ error: 'Type the email address of their trainer account.' })
		.trim()
		.toLowerCase()
		.min(1, 'Type the email address of their trainer account.')
		.max(254, 'That email address is too long.')
		.pipe(z.email({ error: 'That is not an email address. Type it like name@example.org.' }))
});

export const removeFacilitatorForm = z.object({
	trainerId: z
		.string({ error: 'Choose who to remove.' })
		.trim()
		.min(1, 'Choose who to remove.')
		.max(64)
});

/** A form action's answer to a refused change: the message for the person, and what they typed. */
export function refusedChange(err: unknown, email = '') {
	if (!(err instanceof UserError)) throw err;
	const status = err.code === 'not-found' ? 404 : err.code === 'forbidden' ? 403 : 400;
	return fail(status, { coFacilitatorError: err.message, email });
}

const person = { id: trainers.id, name: trainers.name, email: trainers.email };

function trainerById(db: Db, id: string): Facilitator {
	const row = db.select(person).from(trainers).where(eq(trainers.id, id)).get();
	// Foreign keys cascade: an owner's row exists as long as what they own does.
	if (!row) throw new Error(`trainer ${id} is missing`);
	return row;
}

function trainerByEmail(db: Db, rawEmail: string): Facilitator {
	const parsed = addFacilitatorForm.shape.email.safeParse(rawEmail);
	if (!parsed.success)
		throw new UserError('invalid', parsed.error.issues[0]?.message ?? NO_ACCOUNT);
	const row = db.select(person).from(trainers).where(eq(trainers.email, parsed.data)).get();
	if (!row) throw new UserError('not-found', NO_ACCOUNT);
	return row;
}

function onlyOwner(owner: Facilitator, what: 'session' | 'agenda'): UserError {
	return new UserError(
		'forbidden',
		`Only the ${what}'s owner, ${owner.name}, can add or remove co-facilitators.`
	);
}

/** The checks adding has in common: owner only, a real account, not the owner, not twice, not too many. */
function checkAdd(
	owner: Facilitator,
	actorId: string,
	email: string,
	current: Facilitator[],
	what: 'session' | 'agenda',
	findByEmail: (email: string) => Facilitator
): Facilitator {
	if (actorId !== owner.id) throw onlyOwner(owner, what);
	const trainer = findByEmail(email);
	if (trainer.id === owner.id)
		throw new UserError(
			'invalid',
			`That is your own account: you already run this ${what} as its owner.`
		);
	if (current.some((c) => c.id === trainer.id)) {
		throw new UserError(
			'invalid',
			`${trainer.name} (${trainer.email}) is already a co-facilitator of this ${what}.`
		);
	}
	if (current.length >= MAX_CO_FACILITATORS) {
		throw new UserError(
			'invalid',
			`A ${what} can have at most ${MAX_CO_FACILITATORS} co-facilitators. Remove someone first.`
		);
	}
	return trainer;
}

/** Owner removes anyone but themselves; a co-facilitator removes only themselves (leaving). */
function checkRemove(
	owner: Facilitator,
	actorId: string,
	trainerId: string,
	current: Facilitator[],
	what: 'session' | 'agenda'
): Facilitator {
	if (trainerId === owner.id)
		throw new UserError('invalid', `The owner cannot be removed from their own ${what}.`);
	if (actorId !== owner.id && actorId !== trainerId) throw onlyOwner(owner, what);
	const target = current.find((c) => c.id === trainerId);
	if (!target)
		throw new UserError('not-found', `That trainer is no longer a co-facilitator of this ${what}.`);
	return target;
}

// Sessions (rooms).

function visibleRoom(db: Db, roomId: string, actorId: string): Room {
	const room = roomForTrainer(db, roomId, actorId);
	// A stranger's session answers exactly like a missing one.
	if (!room) throw new UserError('not-found', 'No such session among yours.');
	return room;
}

function roomCoFacilitators(db: Db, roomId: string): FacilitatorList['coFacilitators'] {
	return db
		.select({ ...person, addedAt: roomTrainers.addedAt })
		.from(roomTrainers)
		.innerJoin(trainers, eq(trainers.id, roomTrainers.trainerId))
		.where(eq(roomTrainers.roomId, roomId))
		.orderBy(asc(roomTrainers.addedAt), asc(trainers.name))
		.all();
}

/** The session's owner and co-facilitators, for anyone who may see the session. */
export function listRoomFacilitators(db: Db, roomId: string, actorId: string): FacilitatorList {
	const room = visibleRoom(db, roomId, actorId);
	return {
		owner: trainerById(db, room.trainerId),
		coFacilitators: roomCoFacilitators(db, room.id)
	};
}

/** The owner adds a trainer by email; a live room accepts their sockets at once. */
export function addRoomFacilitator(
	db: Db,
	input: { roomId: string; actorId: string; email: string; live?: LiveTrainerSets; now?: number }
): Facilitator {
	const room = visibleRoom(db, input.roomId, input.actorId);
	const owner = trainerById(db, room.trainerId);
	const trainer = checkAdd(
		owner,
		input.actorId,
		input.email,
		roomCoFacilitators(db, room.id),
		'session',
		(e) => trainerByEmail(db, e)
	);
	const added = db
		.insert(roomTrainers)
		.values({ roomId: room.id, trainerId: trainer.id, addedAt: input.now ?? Date.now() })
		.onConflictDoNothing()
		.run();
	// Two owners' tabs adding the same person at once: the primary key decides, the second is told.
	if (added.changes === 0)
		throw new UserError(
			'invalid',
			`${trainer.name} (${trainer.email}) is already a co-facilitator of this session.`
		);
	input.live?.trainerAdded(room.id, trainer.id);
	return trainer;
}

/**
 * The owner removes a co-facilitator, or a co-facilitator leaves. On disk first; then the live room
 * refuses their events and their open screens stop receiving the room's updates.
 */
export function removeRoomFacilitator(
	db: Db,
	input: { roomId: string; actorId: string; trainerId: string; live?: LiveTrainerSets }
): Facilitator {
	const room = visibleRoom(db, input.roomId, input.actorId);
	const owner = trainerById(db, room.trainerId);
	const target = checkRemove(
		owner,
		input.actorId,
		input.trainerId,
		roomCoFacilitators(db, room.id),
		'session'
	);
	db.delete(roomTrainers)
		.where(and(eq(roomTrainers.roomId, room.id), eq(roomTrainers.trainerId, target.id)))
		.run();
	input.live?.trainerRemoved(room.id, target.id);
	return target;
}

// Agenda copies.

function visibleAgenda(db: Db, agendaId: string, actorId: string): AgendaRow {
	const row = agendaId.startsWith(COPY_PREFIX) ? getCopy(db, agendaId, actorId) : undefined;
	if (!row)
		throw new UserError(
			'not-found',
			'No such agenda among yours. Only agendas kept in the app (copies) can be shared.'
		);
	return row;
}

function agendaCoFacilitators(db: Db, agendaId: string): FacilitatorList['coFacilitators'] {
	return db
		.select({ ...person, addedAt: agendaTrainers.addedAt })
		.from(agendaTrainers)
		.innerJoin(trainers, eq(trainers.id, agendaTrainers.trainerId))
		.where(eq(agendaTrainers.agendaId, agendaId))
		.orderBy(asc(agendaTrainers.addedAt), asc(trainers.name))
		.all();
}

export function listAgendaFacilitators(db: Db, agendaId: string, actorId: string): FacilitatorList {
	const row = visibleAgenda(db, agendaId, actorId);
	return {
		owner: trainerById(db, row.trainerId),
		coFacilitators: agendaCoFacilitators(db, row.id)
	};
}

export function addAgendaFacilitator(
	db: Db,
	input: { agendaId: string; actorId: string; email: string; now?: number }
): Facilitator {
	const row = visibleAgenda(db, input.agendaId, input.actorId);
	const owner = trainerById(db, row.trainerId);
	const trainer = checkAdd(
		owner,
		input.actorId,
		input.email,
		agendaCoFacilitators(db, row.id),
		'agenda',
		(e) => trainerByEmail(db, e)
	);
	const added = db
		.insert(agendaTrainers)
		.values({ agendaId: row.id, trainerId: trainer.id, addedAt: input.now ?? Date.now() })
		.onConflictDoNothing()
		.run();
	if (added.changes === 0)
		throw new UserError(
			'invalid',
			`${trainer.name} (${trainer.email}) is already a co-facilitator of this agenda.`
		);
	return trainer;
}

/** Sessions already started from the agenda keep their own trainers: removing here does not touch them. */
export function removeAgendaFacilitator(
	db: Db,
	input: { agendaId: string; actorId: string; trainerId: string }
): Facilitator {
	const row = visibleAgenda(db, input.agendaId, input.actorId);
	const owner = trainerById(db, row.trainerId);
	const target = checkRemove(
		owner,
		input.actorId,
		input.trainerId,
		agendaCoFacilitators(db, row.id),
		'agenda'
	);
	db.delete(agendaTrainers)
		.where(and(eq(agendaTrainers.agendaId, row.id), eq(agendaTrainers.trainerId, target.id)))
		.run();
	return target;
}

// Starting sessions.

/**
 * Opens a room owned by whoever started it. Started from an agenda copy, the room is shared with
 * the agenda's owner and co-facilitators (everyone but the starter goes into room_trainers), in one transaction.
 */
export function startSession(
	db: Db,
	input: {
		trainerId: string;
		agendaId: string;
		agenda: AgendaPlan;
		deck?: DeckInfo | null;
		video?: VideoInfo | null;
	},
	now = Date.now()
): Room {
	// better-sqlite3 is synchronous: every statement in the callback runs inside the transaction.
	return db.transaction(() => {
		const room = createRoom(db, input, now);
		if (!input.agendaId.startsWith(COPY_PREFIX)) return room;
		const row = db
			.select({ trainerId: agendas.trainerId })
			.from(agendas)
			.where(eq(agendas.id, input.agendaId))
			.get();
		if (!row) return room;
		const team = new Set([
			row.trainerId,
			...agendaCoFacilitators(db, input.agendaId).map((c) => c.id)
		]);
		team.delete(input.trainerId);
		for (const trainerId of team)
			db.insert(roomTrainers)
				.values({ roomId: room.id, trainerId, addedAt: now })
				.onConflictDoNothing()
				.run();
		return room;
	});
}

// The dashboard.

/** Sessions this trainer co-facilitates (not their own), newest first, with the owner's name. */
export function listCoFacilitatedRooms(db: Db, trainerId: string, limit = 50) {
	return db
		.select({
			id: rooms.id,
			code: rooms.code,
			title: rooms.title,
			status: rooms.status,
			createdAt: rooms.createdAt,
			ownerName: trainers.name
		})
		.from(roomTrainers)
		.innerJoin(rooms, eq(rooms.id, roomTrainers.roomId))
		.innerJoin(trainers, eq(trainers.id, rooms.trainerId))
		.where(eq(roomTrainers.trainerId, trainerId))
		.orderBy(desc(rooms.createdAt))
		.limit(limit)
		.all();
}

/** Agenda copies shared with this trainer ("Shared with you"), most recently changed first, with the owner's name. */
export function listSharedAgendas(
	db: Db,
	trainerId: string
): (AgendaRow & { ownerName: string })[] {
	return db
		.select({ agenda: agendas, ownerName: trainers.name })
		.from(agendaTrainers)
		.innerJoin(agendas, eq(agendas.id, agendaTrainers.agendaId))
		.innerJoin(trainers, eq(trainers.id, agendas.trainerId))
		.where(eq(agendaTrainers.trainerId, trainerId))
		.orderBy(desc(agendas.updatedAt))
		.all()
		.map((r) => ({ ...r.agenda, ownerName: r.ownerName }));
}
