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
import { isUniqueViolation, UserError } from '../errors';
import { generateToken, hashToken, newId } from '../tokens';
import { LiveRoom } from './live-room';
import * as q from '../store/rooms';
import type { Store } from '../store';
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

/** Organisation mode: what one node's engine passes on to the others. */
export interface RoomPeers {
	trainerChanged(kind: 'added' | 'removed', roomId: string, trainerId: string): void;
}

export const CLOSED_MESSAGE = 'The trainer has closed this session. Thank you for taking part!';
export const REMOVED_MESSAGE = 'The trainer removed you from this session.';
export const MOVING_MESSAGE = 'This session is moving to another server. Reconnecting…';
export const STORAGE_MESSAGE =
	'Reconnecting to storage: your answer is kept on this phone and will be sent in a moment.';

export function noSuchRoom(code: string): UserError {
	return new UserError(
		'not-found',
		`No live session with code ${code || 'that code'} — check the code on the screen.`
	);
}

/** Closed rooms kept in memory for late questions (a trainer's screen reopening one); the oldest go first. */
const CLOSED_KEPT = 64;
/** A roster that took t ms to build and send waits ROSTER_WIDEN × t before the next… */
const ROSTER_WIDEN = 5;
/** …but never more than this. */
const ROSTER_MAX_WAIT_MS = 2000;

/**
 * Owns every open room's live state. Each change is handed to the store's writes first, then
 * applied in memory, then published (after the commit, see Writes); roster updates are coalesced
 * to one per room per `rosterDelayMs`. A room is read from the store by `load` before an event
 * touches it, so everything after that is synchronous.
 */
export class RoomEngine {
	readonly #rooms = new Map<string, LiveRoom>();
	readonly #closed = new Map<string, LiveRoom>();
	readonly #loading = new Map<string, Promise<LiveRoom | undefined>>();
	/** Rooms dropped after a failed write, until read again: their seats' open sockets carry over. */
	readonly #stale = new Map<string, LiveRoom>();
	/** What else ends with a room (its activity): every close, whoever asks for it, runs these. */
	readonly #onClose: ((roomId: string, now: number) => void)[] = [];
	readonly #dirty = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The wait before the next roster: rosterDelayMs, longer after a costly one (see flush). */
	#rosterWait: number;
	/** Organisation mode: whether this node runs the room (holds its lease); always, on one node. */
	#owns: (roomId: string) => boolean = () => true;
	/**
	 * Organisation mode: the other nodes. A co-facilitator change arrives (a form) on any node; the
	 * node running the room must apply it at once, so it is passed on to every node.
	 */
	#peers: RoomPeers | undefined;
	/** Organisation mode: whether the room's lease is confirmed now (not while Redis is away). */
	#confirmed: (roomId: string) => boolean = () => true;

	constructor(
		private readonly store: Store,
		private readonly publish: RoomPublisher,
		private readonly rosterDelayMs = 150
	) {
		this.#rosterWait = rosterDelayMs;
		// A write that failed left memory ahead of the disk: the room is read again before its next event.
		store.writes.onFailed((roomId) => this.evict(roomId));
	}

	/** The open room with this code, loaded from disk on first use. */
	async openRoomByCode(rawCode: string): Promise<LiveRoom> {
		const code = normaliseRoomCode(rawCode);
		if (!isRoomCode(code)) throw noSuchRoom(code.slice(0, 12));
		for (const room of this.#rooms.values())
			if (room.code === code && room.status === 'open') return room;
		const row = await q.findOpenRoomByCode(this.store, code);
		const room = row && (await this.load(row.id));
		if (!room || room.status !== 'open') throw noSuchRoom(code);
		return room;
	}

	/** The room as loaded (open, or closed lately); `load` reads it from the store first. */
	room(roomId: string): LiveRoom | undefined {
		return this.#rooms.get(roomId) ?? this.#closed.get(roomId);
	}

	/** Reads the room from the store unless it is in memory; every socket event for a room waits for this. */
	async load(roomId: string): Promise<LiveRoom | undefined> {
		const known = this.room(roomId);
		if (known) return known;
		let loading = this.#loading.get(roomId);
		if (!loading) {
			loading = this.#read(roomId).finally(() => this.#loading.delete(roomId));
			this.#loading.set(roomId, loading);
		}
		return loading;
	}

	/** Forgets a room's memory: the next event reads it again from the q. */
	evict(roomId: string): void {
		const room = this.#rooms.get(roomId);
		if (room) this.#stale.set(roomId, room);
		this.#rooms.delete(roomId);
		this.#closed.delete(roomId);
		this.#dirty.delete(roomId);
	}

	async join(
		rawCode: string,
		rawName: unknown,
		now = Date.now()
	): Promise<Omit<JoinResult, 'activity'> & { roomId: string }> {
		const room = await this.openRoomByCode(rawCode);
		this.assertWritable(room.id);
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
			this.store.writes.run(room.id, q.insertParticipant(this.store, row));
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
	async resume(
		rawCode: string,
		seatToken: string
	): Promise<Omit<ResumeResult, 'activity'> & { roomId: string }> {
		const code = normaliseRoomCode(rawCode);
		const row = await q.findParticipantBySeat(this.store, hashToken(seatToken));
		const room = row ? await this.load(row.roomId) : undefined;
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
		this.store.writes.run(roomId, q.markParticipantRemoved(this.store, participantId, now));
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
		this.store.writes.run(roomId, q.saveRun(this.store, roomId, run));
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
			this.store.writes.run(roomId, q.saveSlides(this.store, roomId, slides));
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
		this.store.writes.run(
			roomId,
			...(planned.agenda ? [q.saveRun(this.store, roomId, run)] : []),
			q.saveSlides(this.store, roomId, slides)
		);
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
		this.store.writes.run(room.id, q.saveSlides(this.store, room.id, slides));
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
		this.store.writes.run(roomId, q.closeRoom(this.store, roomId, room.run, now));
		room.status = 'closed';
		for (const listener of this.#onClose) listener(roomId, now);
		this.#dirty.delete(roomId);
		this.publish.roomClosed(roomId, CLOSED_MESSAGE);
		// Closed rooms leave the open set: their code may be reused; a few stay for late questions.
		this.#rooms.delete(roomId);
		this.#keepClosed(room);
	}

	/** A co-facilitator was added (facilitators.ts, after the database): their sockets are accepted at once. */
	trainerAdded(roomId: string, trainerId: string, fromPeer = false): void {
		if (!fromPeer) this.#peers?.trainerChanged('added', roomId, trainerId);
		this.#rooms.get(roomId)?.addTrainer(trainerId);
	}

	/**
	 * A co-facilitator was removed or left (after the database): their events are refused from now on
	 * and their open screens leave the trainers' channel. A room not in memory reads the table when loaded.
	 */
	trainerRemoved(roomId: string, trainerId: string, fromPeer = false): void {
		if (!fromPeer) this.#peers?.trainerChanged('removed', roomId, trainerId);
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

	/**
	 * Organisation mode: an open room is loaded only by the node that holds its lease; anywhere else
	 * the caller hears "moving" and its client reconnects to the owner.
	 */
	setOwnership(
		owns: (roomId: string) => boolean,
		confirmed: (roomId: string) => boolean,
		peers?: RoomPeers
	): void {
		this.#owns = owns;
		this.#confirmed = confirmed;
		this.#peers = peers;
	}

	/**
	 * Refuses a new input while the room's lease cannot be confirmed: the phone's outbox keeps it
	 * and sends it again, and nothing is acknowledged that another node might be taking over.
	 */
	assertWritable(roomId: string): void {
		if (!this.#confirmed(roomId)) throw new UserError('server', STORAGE_MESSAGE);
	}

	/** Whether this node runs the room (organisation mode); always true on a single node. */
	runsHere(roomId: string): boolean {
		return this.#owns(roomId);
	}

	/**
	 * The room went to another node: forget it here (it is on disk; its next owner loads it), and
	 * its presence too: its sockets were closed, so nothing of it carries over if it comes back.
	 */
	forget(roomId: string): void {
		this.#rooms.delete(roomId);
		this.#stale.delete(roomId);
		this.#closed.delete(roomId);
		this.#dirty.delete(roomId);
	}

	/** Sends any pending roster updates now (shutdown, tests). */
	flush(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		const t0 = performance.now();
		for (const roomId of this.#dirty) {
			const room = this.#rooms.get(roomId);
			if (room) this.publish.roster(roomId, room.roster());
		}
		this.#dirty.clear();
		// A roster of thousands (a join storm) costs milliseconds to build and send: the next one
		// waits ROSTER_WIDEN times as long, so joins are never queued behind roster after roster.
		this.#rosterWait = Math.min(
			ROSTER_MAX_WAIT_MS,
			Math.max(this.rosterDelayMs, ROSTER_WIDEN * (performance.now() - t0))
		);
	}

	dispose(): void {
		this.flush();
		this.#rooms.clear();
		this.#closed.clear();
		this.#stale.clear();
	}

	#openRoom(roomId: string): LiveRoom {
		const room = this.room(roomId);
		if (!room) throw new UserError('not-found', 'That session does not exist.');
		if (room.status !== 'open') throw new UserError('closed', 'This session is already closed.');
		return room;
	}

	async #read(roomId: string): Promise<LiveRoom | undefined> {
		// Writes still queued for this room (PostgreSQL) must be on disk before it is read back.
		await this.store.writes.drain();
		const row = await q.getRoom(this.store, roomId);
		if (!row) return undefined;
		if (row.status === 'open' && !this.#owns(roomId)) throw new UserError('moving', MOVING_MESSAGE);
		const [people, coFacilitators] = await Promise.all([
			q.activeParticipants(this.store, roomId),
			q.coFacilitatorIds(this.store, roomId)
		]);
		// An event that loaded it meanwhile may already have changed it: that one wins.
		const known = this.room(roomId);
		if (known) return known;
		const room = new LiveRoom(row, people, coFacilitators);
		const stale = this.#stale.get(roomId);
		if (stale) room.carryPresence(stale);
		this.#stale.delete(roomId);
		if (row.status === 'open') this.#rooms.set(roomId, room);
		else this.#keepClosed(room);
		return room;
	}

	#keepClosed(room: LiveRoom): void {
		this.#closed.set(room.id, room);
		if (this.#closed.size > CLOSED_KEPT) this.#closed.delete(this.#closed.keys().next().value!);
	}

	#markDirty(roomId: string): void {
		this.#dirty.add(roomId);
		this.#timer ??= setTimeout(() => this.flush(), this.#rosterWait);
	}
}

function nameTaken(name: string): UserError {
	return new UserError(
		'name-taken',
		`Someone called “${name}” has already joined. Add an initial or a surname so the trainer can tell you apart.`
	);
}
