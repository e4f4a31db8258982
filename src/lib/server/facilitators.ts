import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { AgendaPlan } from '$lib/shared/agenda';
import type { VideoInfo } from '$lib/shared/video';
import type { DeckInfo } from '$lib/shared/slides';
import { COPY_PREFIX, getCopy } from './agendas/library';
import type { AgendaRow, Room } from './db/schema';
import { UserError } from './errors';
import { roomForTrainer } from './rooms/access';
import type { Store } from './store';
import {
	addAgendaTrainer,
	agendaCoFacilitatorRows,
	agendaOwnerId,
	removeAgendaTrainer,
	sharedAgendaRows
} from './store/agendas';
import { createRoom } from './store/rooms';
import {
	addRoomTrainer,
	coFacilitatedRooms,
	personByEmail,
	personById,
	removeRoomTrainer,
	roomCoFacilitatorRows
} from './store/team';

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

async function trainerById(s: Store, id: string): Promise<Facilitator> {
	const row = await personById(s, id);
	// Foreign keys cascade: an owner's row exists as long as what they own does.
	if (!row) throw new Error(`trainer ${id} is missing`);
	return row;
}

async function trainerByEmail(s: Store, rawEmail: string): Promise<Facilitator> {
	const parsed = addFacilitatorForm.shape.email.safeParse(rawEmail);
	if (!parsed.success)
		throw new UserError('invalid', parsed.error.issues[0]?.message ?? NO_ACCOUNT);
	const row = await personByEmail(s, parsed.data);
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
async function checkAdd(
	owner: Facilitator,
	actorId: string,
	email: string,
	current: Facilitator[],
	what: 'session' | 'agenda',
	findByEmail: (email: string) => Promise<Facilitator>
): Promise<Facilitator> {
	if (actorId !== owner.id) throw onlyOwner(owner, what);
	const trainer = await findByEmail(email);
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

async function visibleRoom(s: Store, roomId: string, actorId: string): Promise<Room> {
	const room = await roomForTrainer(s, roomId, actorId);
	// A stranger's session answers exactly like a missing one.
	if (!room) throw new UserError('not-found', 'No such session among yours.');
	return room;
}

const roomCoFacilitators = roomCoFacilitatorRows;

/** The session's owner and co-facilitators, for anyone who may see the session. */
export async function listRoomFacilitators(
	s: Store,
	roomId: string,
	actorId: string
): Promise<FacilitatorList> {
	const room = await visibleRoom(s, roomId, actorId);
	return {
		owner: await trainerById(s, room.trainerId),
		coFacilitators: await roomCoFacilitators(s, room.id)
	};
}

/** The owner adds a trainer by email; a live room accepts their sockets at once. */
export async function addRoomFacilitator(
	s: Store,
	input: { roomId: string; actorId: string; email: string; live?: LiveTrainerSets; now?: number }
): Promise<Facilitator> {
	const room = await visibleRoom(s, input.roomId, input.actorId);
	const owner = await trainerById(s, room.trainerId);
	const trainer = await checkAdd(
		owner,
		input.actorId,
		input.email,
		await roomCoFacilitators(s, room.id),
		'session',
		(e) => trainerByEmail(s, e)
	);
	// Two owners' tabs adding the same person at once: the primary key decides, the second is told.
	if (!(await addRoomTrainer(s, room.id, trainer.id, input.now ?? Date.now())))
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
export async function removeRoomFacilitator(
	s: Store,
	input: { roomId: string; actorId: string; trainerId: string; live?: LiveTrainerSets }
): Promise<Facilitator> {
	const room = await visibleRoom(s, input.roomId, input.actorId);
	const owner = await trainerById(s, room.trainerId);
	const target = checkRemove(
		owner,
		input.actorId,
		input.trainerId,
		await roomCoFacilitators(s, room.id),
		'session'
	);
	await removeRoomTrainer(s, room.id, target.id);
	input.live?.trainerRemoved(room.id, target.id);
	return target;
}

// Agenda copies.

async function visibleAgenda(s: Store, agendaId: string, actorId: string): Promise<AgendaRow> {
	const row = agendaId.startsWith(COPY_PREFIX) ? await getCopy(s, agendaId, actorId) : undefined;
	if (!row)
		throw new UserError(
			'not-found',
			'No such agenda among yours. Only agendas kept in the app (copies) can be shared.'
		);
	return row;
}

const agendaCoFacilitators = agendaCoFacilitatorRows;

export async function listAgendaFacilitators(
	s: Store,
	agendaId: string,
	actorId: string
): Promise<FacilitatorList> {
	const row = await visibleAgenda(s, agendaId, actorId);
	return {
		owner: await trainerById(s, row.trainerId),
		coFacilitators: await agendaCoFacilitators(s, row.id)
	};
}

export async function addAgendaFacilitator(
	s: Store,
	input: { agendaId: string; actorId: string; email: string; now?: number }
): Promise<Facilitator> {
	const row = await visibleAgenda(s, input.agendaId, input.actorId);
	const owner = await trainerById(s, row.trainerId);
	const trainer = await checkAdd(
		owner,
		input.actorId,
		input.email,
		await agendaCoFacilitators(s, row.id),
		'agenda',
		(e) => trainerByEmail(s, e)
	);
	if (!(await addAgendaTrainer(s, row.id, trainer.id, input.now ?? Date.now())))
		throw new UserError(
			'invalid',
			`${trainer.name} (${trainer.email}) is already a co-facilitator of this agenda.`
		);
	return trainer;
}

/** Sessions already started from the agenda keep their own trainers: removing here does not touch them. */
export async function removeAgendaFacilitator(
	s: Store,
	input: { agendaId: string; actorId: string; trainerId: string }
): Promise<Facilitator> {
	const row = await visibleAgenda(s, input.agendaId, input.actorId);
	const owner = await trainerById(s, row.trainerId);
	const target = checkRemove(
		owner,
		input.actorId,
		input.trainerId,
		await agendaCoFacilitators(s, row.id),
		'agenda'
	);
	await removeAgendaTrainer(s, row.id, target.id);
	return target;
}

// Starting sessions.

/**
 * Opens a room owned by whoever started it. Started from an agenda copy, the room is shared with
 * the agenda's owner and co-facilitators (everyone but the starter goes into room_trainers), in one transaction.
 */
export async function startSession(
	s: Store,
	input: {
		trainerId: string;
		agendaId: string;
		agenda: AgendaPlan;
		deck?: DeckInfo | null;
		video?: VideoInfo | null;
	},
	now = Date.now()
): Promise<Room> {
	return s.transaction(async (tx) => {
		const room = await createRoom(s, input, now, tx);
		if (!input.agendaId.startsWith(COPY_PREFIX)) return room;
		const ownerId = await agendaOwnerId(s, input.agendaId, tx);
		if (!ownerId) return room;
		const team = new Set([
			ownerId,
			...(await agendaCoFacilitators(s, input.agendaId, tx)).map((c) => c.id)
		]);
		team.delete(input.trainerId);
		for (const trainerId of team) await addRoomTrainer(s, room.id, trainerId, now, tx);
		return room;
	});
}

// The dashboard.

/** Sessions this trainer co-facilitates (not their own), newest first, with the owner's name. */
export async function listCoFacilitatedRooms(s: Store, trainerId: string, limit = 50) {
	return coFacilitatedRooms(s, trainerId, limit);
}

/** Agenda copies shared with this trainer ("Shared with you"), most recently changed first, with the owner's name. */
export async function listSharedAgendas(
	s: Store,
	trainerId: string
): Promise<(AgendaRow & { ownerName: string })[]> {
	const rows = await sharedAgendaRows(s, trainerId);
	return rows.map((r) => ({ ...r.agenda, ownerName: r.ownerName }));
}
