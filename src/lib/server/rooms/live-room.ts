import type { Participant, Room } from '../db/schema';
import { publicBlock, type AgendaPlan } from '$lib/shared/agenda';
import type { PublicAgendaView, RoomInfo, Roster, RosterEntry } from '$lib/shared/events';
import type { RunState } from '$lib/shared/run';
import { phoneSlide, type DeckInfo, type SlideState } from '$lib/shared/slides';
import type { VideoInfo } from '$lib/shared/video';

interface Seat {
	id: string;
	name: string;
	nameKey: string;
	joinedAt: number;
	/** Open sockets for this seat: a phone may briefly have two during a reconnect. */
	sockets: number;
}

/** One open room's state in memory. SQLite is the truth it is built from. */
export class LiveRoom {
	readonly id: string;
	readonly code: string;
	readonly title: string;
	/** The owner: who started the session. */
	readonly trainerId: string;
	status: Room['status'];
	readonly plan: AgendaPlan;
	run: RunState;
	/** The deck as the session started with it, and where the room is in it (rooms.slides). */
	readonly deck: DeckInfo | null;
	/** The agenda's video file as the session started with it, for video blocks. */
	readonly video: VideoInfo | null;
	slides: SlideState;
	readonly #seats = new Map<string, Seat>();
	readonly #byName = new Map<string, string>();
	/** Built once per change of who is seated: every input and every update reads it. */
	#people: {
		list: { id: string; name: string }[];
		byId: Map<string, { id: string; name: string }>;
	} | null = null;
	/** Everyone who may run it: the owner and the co-facilitators (kept current by facilitators.ts). */
	readonly #trainers: Set<string>;

	constructor(room: Room, seats: Participant[], coFacilitatorIds: readonly string[] = []) {
		this.id = room.id;
		this.code = room.code;
		this.title = room.title;
		this.trainerId = room.trainerId;
		this.status = room.status;
		this.plan = room.agenda;
		this.run = room.run;
		this.deck = room.deck ?? null;
		this.video = room.video ?? null;
		this.slides = room.slides;
		this.#trainers = new Set([room.trainerId, ...coFacilitatorIds]);
		for (const p of seats) this.addSeat(p);
	}

	/** The owner or a co-facilitator: checked on every trainer socket event, so it is a Set lookup. */
	isTrainer(trainerId: string): boolean {
		return this.#trainers.has(trainerId);
	}

	/** The same room read again from the store: the sockets its seats had are still connected. */
	carryPresence(from: LiveRoom): void {
		for (const [id, seat] of this.#seats) seat.sockets = from.#seats.get(id)?.sockets ?? 0;
	}

	addTrainer(trainerId: string): void {
		this.#trainers.add(trainerId);
	}

	/** The owner stays whatever happens: only co-facilitators can be removed. */
	removeTrainer(trainerId: string): void {
		if (trainerId !== this.trainerId) this.#trainers.delete(trainerId);
	}

	get info(): RoomInfo {
		return { code: this.code, title: this.title, status: this.status };
	}

	seat(id: string): Seat | undefined {
		return this.#seats.get(id);
	}

	nameTaken(nameKey: string): boolean {
		return this.#byName.has(nameKey);
	}

	addSeat(p: Pick<Participant, 'id' | 'name' | 'nameKey' | 'joinedAt'>): void {
		this.#seats.set(p.id, {
			id: p.id,
			name: p.name,
			nameKey: p.nameKey,
			joinedAt: p.joinedAt,
			sockets: 0
		});
		this.#byName.set(p.nameKey, p.id);
		// A join storm adds thousands of seats one by one: the cached list grows in place rather
		// than being rebuilt from every seat each time. It only ever grows between rebuilds (a
		// removal starts a new list), so a list and its length name one roster: views kept per
		// roster compare both (live-activity.ts).
		if (this.#people) {
			const person = Object.freeze({ id: p.id, name: p.name });
			this.#people.list.push(person);
			this.#people.byId.set(p.id, person);
		}
	}

	removeSeat(id: string): boolean {
		const seat = this.#seats.get(id);
		if (!seat) return false;
		this.#seats.delete(id);
		this.#byName.delete(seat.nameKey);
		this.#people = null;
		return true;
	}

	/** The phones' view of the agenda: the current block's public side only. */
	agendaView(): PublicAgendaView {
		const { run, plan } = this;
		const block = plan.blocks[run.current];
		const timing = run.blocks[run.current];
		return {
			phase: run.phase,
			index: run.current,
			count: plan.blocks.length,
			block: block ? publicBlock(block) : null,
			nextTitle: plan.blocks[run.current + 1]?.title ?? null,
			timing: {
				lengthMs: timing ? timing.plannedMs + timing.extraMs : 0,
				spentMs: timing?.spentMs ?? 0,
				since: run.since
			},
			slide: phoneSlide(plan, run, this.deck, this.slides)
		};
	}

	/**
	 * Everyone seated now, in arrival order: who activities group and count. Shared and cached:
	 * callers must not change it, and a kept copy of it is current while its length is unchanged.
	 */
	people(): { id: string; name: string }[] {
		return this.#everyone().list;
	}

	/** The same people by id. Shared and cached: callers must not change either. */
	peopleById(): ReadonlyMap<string, { id: string; name: string }> {
		return this.#everyone().byId;
	}

	#everyone() {
		if (!this.#people) {
			// Frozen: a view that carries a person (the phone's `me`) is then kept as it is by the diff, not copied.
			const list = [...this.#seats.values()].map((s) => Object.freeze({ id: s.id, name: s.name }));
			this.#people = { list, byId: new Map(list.map((p) => [p.id, p])) };
		}
		return this.#people;
	}

	roster(): Roster {
		const participants: RosterEntry[] = [];
		let online = 0;
		for (const s of this.#seats.values()) {
			participants.push({ id: s.id, name: s.name, online: s.sockets > 0, joinedAt: s.joinedAt });
			if (s.sockets > 0) online++;
		}
		return { roomId: this.id, participants, online };
	}
}
