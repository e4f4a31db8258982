import type {
	AgendaRunUpdate,
	JoinResult,
	PublicAgendaView,
	ResumeResult,
	Roster
} from '$lib/shared/events';
import { applyControl, finishRun, RunError, type Control } from '$lib/shared/run';
import { checkDisplayName } from '$lib/shared/names';
import { isRoomCode, normaliseRoomCode } from '$lib/shared/room-code';
import type { Db } from '../db';
import { isUniqueViolation, UserError } from '../errors';
import { generateToken, hashToken, newId } from '../tokens';
import { coFacilitatorIds } from './access';
import { LiveRoom } from './live-room';
import * as store from './store';
import {
	afterAgendaMove,
	planSlideControl,
	planVideoControl,
	slideView,
	withPosition
} from './slides';
import type { SlideControl, SlideView } from '$lib/shared/slides';

/** How the engine tells the outside world; socket.io in production, anything in a test. */
export interface RoomPublisher {
	roster(roomId: string, roster: Roster): void;
	roomClosed(roomId: string, message: string): void;
	seatRemoved(roomId: string, participantId: string, message: string): void;
	agenda(roomId: string, update: AgendaRunUpdate, view: PublicAgendaView): void;
	/** A co-facilitator was removed: their open screens of this room stop hearing it at once. */
	trainerRemoved?(roomId: string, trainerId: string): void;
	/** Trainer views: the slide position changed. */
	slides?(roomId: string, view: SlideView): void;
	/** Phones: what they show changed without the agenda moving (a following phone's slide). */
	phones?(roomId: string, view: PublicAgendaView): void;
}

export const CLOSED_MESSAGE = 'The trainer has closed this session. Thank you for taking part!';
export const REMOVED_MESSAGE = 'The trainer removed you from this session.';

export function noSuchRoom(code: string): UserError {
	return new UserError(
		'not-found',
		`No live session with code ${code || 'that code'} — check the code on the screen.`
	);
}

/**
 * Owns every open room's live state. Each change is written to SQLite first, then applied in
 * memory, then published; roster updates are coalesced to one per room per `rosterDelayMs`.
 */
export class RoomEngine {
	readonly #rooms = new Map<string, LiveRoom>();
	/** What else ends with a room (its activity): every close, whoever asks for it, runs these. */
	readonly #onClose: ((roomId: string, now: number) => void)[] = [];
	readonly #dirty = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly db: Db,
		private readonly publish: RoomPublisher,
		private readonly rosterDelayMs = 150
	) {}

	/** The open room with this code, loaded from disk on first use. */
	openRoomByCode(rawCode: string): LiveRoom {
		const code = normaliseRoomCode(rawCode);
		if (!isRoomCode(code)) throw noSuchRoom(code.slice(0, 12));
		for (const room of this.#rooms.values())
			if (room.code === code && room.status === 'open') return room;
		const row = store.findOpenRoomByCode(this.db, code);
		const room = row && this.#load(row.id);
		if (!room) throw noSuchRoom(code);
		return room;
	}

	/** The room by id (open or closed), loaded from disk on first use. */
	room(roomId: string): LiveRoom | undefined {
		return this.#rooms.get(roomId) ?? this.#load(roomId);
	}

	join(
		rawCode: string,
		rawName: unknown,
		now = Date.now()
	): Omit<JoinResult, 'activity'> & { roomId: string } {
		const room = this.openRoomByCode(rawCode);
		const checked = checkDisplayName(rawName);
		if (!checked.ok) throw new UserError('invalid', checked.error);
		if (room.nameTaken(checked.key)) throw nameTaken(checked.name);
		const seatToken = generateToken();
		const row = {
			id: newId(),
			roomId: room.id,
			name: checked.name,
			nameKey: checked.key,
			seatTokenHash: hashToken(seatToken),
			joinedAt: now,
			removedAt: null
		};
		try {
			store.insertParticipant(this.db, row);
		} catch (err) {
			if (isUniqueViolation(err)) throw nameTaken(checked.name);
			throw err;
		}
		room.addSeat(row);
		this.#markDirty(room.id);
		return {
			roomId: room.id,
			room: room.info,
			seat: { participantId: row.id, name: row.name },
			seatToken,
			agenda: room.agendaView()
		};
	}

	/** A phone coming back with its seat token: same person, same name, never a duplicate. */
	resume(rawCode: string, seatToken: string): Omit<ResumeResult, 'activity'> & { roomId: string } {
		const code = normaliseRoomCode(rawCode);
		const row = store.findParticipantBySeat(this.db, hashToken(seatToken));
		const room = row ? this.room(row.roomId) : undefined;
		if (!row || !room || room.code !== code) throw noSuchRoom(code);
		if (room.status === 'closed') throw new UserError('closed', CLOSED_MESSAGE);
		if (row.removedAt !== null) throw new UserError('removed', REMOVED_MESSAGE);
		return {
			roomId: room.id,
			room: room.info,
			seat: { participantId: row.id, name: row.name },
			agenda: room.agendaView()
		};
	}

	/** Presence: a socket for this seat connected (+1) or went away (-1). */
	presence(roomId: string, participantId: string, delta: 1 | -1): void {
		const seat = this.#rooms.get(roomId)?.seat(participantId);
		if (!seat) return;
		seat.sockets = Math.max(0, seat.sockets + delta);
		this.#markDirty(roomId);
	}

	removeParticipant(roomId: string, participantId: string, now = Date.now()): void {
		const room = this.#openRoom(roomId);
		if (!room.seat(participantId))
			throw new UserError('not-found', 'That participant is no longer in the room.');
		store.markParticipantRemoved(this.db, participantId, now);
		room.removeSeat(participantId);
		this.publish.seatRemoved(roomId, participantId, REMOVED_MESSAGE);
		this.#markDirty(roomId);
	}

	/** Moves the agenda clock. The new state is on disk before anyone is told, so a restart resumes it exactly. */
	control(roomId: string, control: Control, now = Date.now()): AgendaRunUpdate {
		const room = this.#openRoom(roomId);
		let run;
		try {
			run = applyControl(room.run, control, now);
		} catch (err) {
			if (err instanceof RunError) throw new UserError('invalid', err.message);
			throw err;
		}
		store.saveRun(this.db, roomId, run);
		room.run = run;
		const update = { roomId, run };
		// The slide first, so the phones' view of the new block carries its first slide.
		this.#slidesFollowAgenda(room, now);
		this.publish.agenda(roomId, update, room.agendaView());
		return update;
	}

	/** The room's deck and slide position, for a trainer's screen that opens. */
	slides(roomId: string): SlideView {
		const room = this.room(roomId);
		if (!room) throw new UserError('not-found', 'That session does not exist.');
		return slideView(room);
	}

	/**
	 * Steps, jumps or blanks the slides. A step past the block's last slide moves the agenda too: both
	 * are stored in one transaction, then the slide is announced before the clock, so screens that
	 * follow the slide never show the new block's first slide on the way to its last.
	 */
	slideControl(
		roomId: string,
		control: SlideControl,
		now = Date.now()
	): { view: SlideView; moved: boolean } {
		const room = this.#openRoom(roomId);
		if (control.type === 'video') {
			const slides = planVideoControl(room, control.action);
			store.saveSlides(this.db, roomId, slides);
			room.slides = slides;
			const view = slideView(room);
			this.publish.slides?.(roomId, view);
			return { view, moved: false };
		}
		const planned = planSlideControl(room, control);
		let run = room.run;
		if (planned.agenda) {
			try {
				run = applyControl(room.run, planned.agenda, now);
			} catch (err) {
				if (err instanceof RunError) throw new UserError('invalid', err.message);
				throw err;
			}
		}
		const before = this.#phoneSlideKey(room);
		const slides = withPosition(room, planned.position, now);
		if (control.type === 'follow') slides.follow = control.follow;
		this.db.transaction(() => {
			if (planned.agenda) store.saveRun(this.db, roomId, run);
			store.saveSlides(this.db, roomId, slides);
		});
		room.run = run;
		room.slides = slides;
		const view = slideView(room);
		this.publish.slides?.(roomId, view);
		if (planned.agenda) this.publish.agenda(roomId, { roomId, run }, room.agendaView());
		else if (this.#phoneSlideKey(room) !== before) this.publish.phones?.(roomId, room.agendaView());
		return { view, moved: planned.agenda !== null };
	}

	/** What following phones show, as a comparable key: they hear only real changes. */
	#phoneSlideKey(room: LiveRoom): string {
		return JSON.stringify(room.agendaView().slide);
	}

	#slidesFollowAgenda(room: LiveRoom, now: number): void {
		const slides = afterAgendaMove(room, now);
		if (!slides) return;
		store.saveSlides(this.db, room.id, slides);
		room.slides = slides;
		this.publish.slides?.(room.id, slideView(room));
	}

	/** Registers what must end with a room; the activity engine does, so no caller can forget it. */
	onClose(listener: (roomId: string, now: number) => void): void {
		this.#onClose.push(listener);
	}

	/**
	 * The one way a live room closes, for its trainer, retention or anything else: the agenda and
	 * the open activity end on disk before anyone is told.
	 */
	close(roomId: string, now = Date.now()): void {
		const room = this.#openRoom(roomId);
		// Closing mid-block ends the agenda there, so the timing report has an end for every block run.
		room.run = finishRun(room.run, now);
		store.closeRoom(this.db, roomId, room.run, now);
		room.status = 'closed';
		for (const listener of this.#onClose) listener(roomId, now);
		this.#dirty.delete(roomId);
		this.publish.roomClosed(roomId, CLOSED_MESSAGE);
		// Closed rooms leave memory: their code may be reused, and the disk answers any late question.
		this.#rooms.delete(roomId);
	}

	/** A co-facilitator was added (facilitators.ts, after the database): their sockets are accepted at once. */
	trainerAdded(roomId: string, trainerId: string): void {
		this.#rooms.get(roomId)?.addTrainer(trainerId);
	}

	/**
	 * A co-facilitator was removed or left (after the database): their events are refused from now on
	 * and their open screens leave the trainers' channel. A room not in memory reads the table when loaded.
	 */
	trainerRemoved(roomId: string, trainerId: string): void {
		const room = this.#rooms.get(roomId);
		if (room?.trainerId === trainerId) return;
		room?.removeTrainer(trainerId);
		this.publish.trainerRemoved?.(roomId, trainerId);
	}

	roster(roomId: string): Roster {
		const room = this.room(roomId);
		if (!room) throw new UserError('not-found', 'That session does not exist.');
		return room.roster();
	}

	/** Sends any pending roster updates now (shutdown, tests). */
	flush(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		for (const roomId of this.#dirty) {
			const room = this.#rooms.get(roomId);
			if (room) this.publish.roster(roomId, room.roster());
		}
		this.#dirty.clear();
	}

	dispose(): void {
		this.flush();
		this.#rooms.clear();
	}

	#openRoom(roomId: string): LiveRoom {
		const room = this.room(roomId);
		if (!room) throw new UserError('not-found', 'That session does not exist.');
		if (room.status !== 'open') throw new UserError('closed', 'This session is already closed.');
		return room;
	}

	#load(roomId: string): LiveRoom | undefined {
		const row = store.getRoom(this.db, roomId);
		if (!row) return undefined;
		const room = new LiveRoom(
			row,
			store.activeParticipants(this.db, roomId),
			coFacilitatorIds(this.db, roomId)
		);
		if (row.status === 'open') this.#rooms.set(roomId, room);
		return room;
	}

	#markDirty(roomId: string): void {
		this.#dirty.add(roomId);
		this.#timer ??= setTimeout(() => this.flush(), this.rosterDelayMs);
	}
}

function nameTaken(name: string): UserError {
	return new UserError(
		'name-taken',
		`Someone called “${name}” has already joined. Add an initial or a surname so the trainer can tell you apart.`
	);
}
