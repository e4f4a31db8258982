import { InputRejected, type ActivityStatus, type PersonInfo } from '$lib/activities/contract';
import type {
	CatalogEntry,
	PhoneActivity,
	PhonePatch,
	TrainerActivity,
	TrainerPatch
} from '$lib/shared/events';
import { applyPatch, clone, diffCopy, withRev } from '$lib/shared/patch';
import type { ActivityDefinition } from '../content/activities';
import type { Store } from '../store';
import { UserError } from '../errors';
import { humanIssue, sentence } from '../messages';
import { hasLoneSurrogate, UNREADABLE_TEXT } from '../well-formed';
import type { RoomEngine } from '../rooms/engine';
import * as q from '../store/rooms';
import type { ActivityRun } from '../db/schema';
import { newId } from '../tokens';
import { makeGroups, moveMember, placeNewcomer, reuseGroups } from './groups';
import { LiveActivity, replayInputs, TRAINER } from './live-activity';
import { timeSlice } from '../slice';
import { parseForPeople } from '../fast-parse';
import { trainerWait } from './pace';

export interface ActivityPublisher {
	trainer(roomId: string, activity: TrainerActivity | null): void;
	phone(participantId: string, activity: PhoneActivity | null): void;
	phonePatch(participantId: string, patch: PhonePatch): void;
	trainerPatch(roomId: string, patch: TrainerPatch): void;
}

/** A submit's answer: a retry is a duplicate; a new input brings what changed in the sender's view. */
export interface SubmitResult {
	duplicate: boolean;
	activity?: PhoneActivity | null;
	patch?: PhonePatch;
}

export type Catalog = () => ReadonlyMap<string, ActivityDefinition>;

/** How long one turn of building and sending phones' updates may run (see #flushPhones). */
const PHONE_SLICE_MS = 4;
/** How late a flush may be before an input runs it itself (see #catchUp). */
const OVERDUE_MS = 10;

const STATUS_MESSAGES: Record<Exclude<ActivityStatus, 'open'>, string> = {
	closed: 'This activity is closed: the trainer is not collecting answers now.',
	revealed: 'This activity is closed: the results are on the screen.'
};

/**
 * Runs each room's current activity. An input is validated, applied, written to SQLite, then
 * acknowledged; screens hear about it in coalesced updates (one per room per `delayMs`), sent to
 * the trainers' channel and to each affected phone's seat, never to the whole room at once.
 */
export class ActivityEngine {
	readonly #current = new Map<string, LiveActivity | null>();
	readonly #dirtyTrainers = new Set<string>();
	/** Room → phones to update → whether they need a whole view (true) or a patch will do. */
	readonly #dirtyPhones = new Map<string, Map<string, boolean>>();
	/** The last grouped run of each loaded room, for "same groups as before". */
	readonly #lastGrouped = new Map<string, ActivityRun | undefined>();
	readonly #loading = new Map<string, Promise<void>>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** When each room's next projector view may go (performance.now() ms). */
	readonly #trainerDueAt = new Map<string, number>();
	/** How long each room's last projector view took to build and send (ms), for trainerWait. */
	readonly #trainerCost = new Map<string, number>();
	#timerAt = 0;
	/** The phones' turn after the projector views', and after each slice of theirs (see #flushPhones). */
	#phoneTurn: ReturnType<typeof setImmediate> | undefined;
	/** When the phones' turn was asked for (performance.now()). */
	#phoneTurnAt = 0;

	constructor(
		private readonly store: Store,
		private readonly rooms: RoomEngine,
		private readonly publish: ActivityPublisher,
		private readonly catalog: Catalog,
		private readonly delayMs = 100
	) {
		rooms.onClose((roomId, now) => this.onRoomClosed(roomId, now));
		// Memory moved ahead of the disk: the run is rebuilt from what is stored before its next event.
		store.writes.onFailed((roomId) => this.evict(roomId));
	}

	catalogEntries(): CatalogEntry[] {
		return [...this.catalog().values()].map((a) => ({
			id: a.id,
			title: a.title,
			type: a.type.type,
			label: a.type.label,
			grouping: a.grouping,
			groupSize: a.groupSize,
			setup: (a.type.setup ?? []).map((field) => {
				const value = (a.config as Record<string, unknown>)[field.key];
				return { ...field, value: Array.isArray(value) ? value.map(String) : [] };
			})
		}));
	}

	/** Whether `load` has read the room's run (or its lack of one) into memory. */
	loaded(roomId: string): boolean {
		return this.#current.has(roomId);
	}

	/** The room's current run, as loaded by `load`. */
	current(roomId: string): LiveActivity | null {
		return this.#current.get(roomId) ?? null;
	}

	/** Rebuilds the room's current run from the store (its inputs replayed) unless it is in memory. */
	async load(roomId: string): Promise<void> {
		if (this.#current.has(roomId)) return;
		let loading = this.#loading.get(roomId);
		if (!loading) {
			loading = this.#read(roomId).finally(() => this.#loading.delete(roomId));
			this.#loading.set(roomId, loading);
		}
		return loading;
	}

	async #read(roomId: string): Promise<void> {
		await this.store.writes.drain();
		const [latest, grouped] = await Promise.all([
			q.latestRun(this.store, roomId),
			q.latestGroupedRun(this.store, roomId)
		]);
		const row = latest && latest.endedAt === null ? latest : undefined;
		const type = row ? this.catalog().get(row.activityId)?.type : undefined;
		const log = row && type ? await q.runInputs(this.store, row.id) : [];
		if (this.#current.has(roomId)) return;
		this.#current.set(roomId, row && type ? replayInputs(new LiveActivity(row, type), log) : null);
		this.#lastGrouped.set(roomId, grouped);
	}

	/** Forgets the room's run: the next event rebuilds it from the store. */
	evict(roomId: string): void {
		this.#current.delete(roomId);
		this.#lastGrouped.delete(roomId);
		this.#dirtyTrainers.delete(roomId);
		this.#dirtyPhones.delete(roomId);
		this.#trainerDueAt.delete(roomId);
		this.#trainerCost.delete(roomId);
	}

	/**
	 * The room's trainer view now, at the newest revision of its stream. The trainer screens share
	 * one stream (one socket.io room): whatever changed since the last revision they were sent goes
	 * to all of them first, as a patch, so every screen and this caller agree on the revision.
	 */
	trainerView(roomId: string): TrainerActivity | null {
		const live = this.current(roomId);
		return live ? this.#trainerSnapshot(roomId, live) : null;
	}

	/** Whether "Same groups as before" has groups to reuse: the room's latest grouped run made some. */
	hasEarlierGroups(roomId: string): boolean {
		return (this.#latestGrouped(roomId)?.groups.length ?? 0) > 0;
	}

	#trainerSnapshot(roomId: string, live: LiveActivity): TrainerActivity {
		const room = this.rooms.room(roomId);
		const view = live.trainerView(room?.people() ?? [], room?.peopleById());
		const sent = live.trainerSent;
		if (!sent) {
			live.trainerSent = { rev: 1, view: clone(view) };
			return withRev(view, 1);
		}
		const { ops, copy } = diffCopy(sent.view, view);
		if (ops.length) {
			const base = sent.rev;
			sent.rev += 1;
			sent.view = copy;
			this.publish.trainerPatch(roomId, { roomId, runId: live.row.id, base, rev: sent.rev, ops });
		}
		return withRev(view, sent.rev);
	}

	/** A coalesced update to the trainer screens: the whole view for a new run, else what changed. */
	#publishTrainer(roomId: string): void {
		const live = this.current(roomId);
		if (!live) return this.publish.trainer(roomId, null);
		const first = !live.trainerSent;
		const view = this.#trainerSnapshot(roomId, live);
		if (first) this.publish.trainer(roomId, view);
	}

	launch(
		roomId: string,
		activityId: string,
		{
			sameGroups = false,
			groupSize,
			setup
		}: { sameGroups?: boolean; groupSize?: number; setup?: Record<string, string[]> } = {},
		now = Date.now()
	): TrainerActivity {
		const def = this.catalog().get(activityId);
		if (!def)
			throw new UserError(
				'not-found',
				`There is no activity "${activityId}" in the activities folder.`
			);
		const config = this.#withSetup(def, setup);
		const people = this.#people(roomId);
		const ids = people.map((p) => p.id);
		const previous = sameGroups ? this.#latestGrouped(roomId) : undefined;
		const size = def.grouping === 'pairs' ? 2 : (groupSize ?? previous?.groupSize ?? def.groupSize);
		// The groups before, as far as their people are here; none of them left (the room changed
		// since), new groups for whoever is.
		const reused = previous ? reuseGroups(previous.groups, ids) : [];
		const groups =
			def.grouping === 'individual'
				? []
				: reused.length
					? reused
					: makeGroups(ids, def.grouping, size);
		const row = {
			id: newId(),
			roomId,
			activityId: def.id,
			type: def.type.type,
			title: def.title,
			prompt: def.prompt,
			config,
			grouping: def.grouping,
			groups,
			groupSize: size,
			criteria: def.criteria,
			status: 'open' as const,
			launchedAt: now,
			updatedAt: now,
			endedAt: null
		};
		// The run this one replaces ends now, whatever its state (one still collecting closes): like
		// a move to another block, or the exports would show it without an end, as if still running.
		const old = this.current(roomId);
		const ended = old && {
			status: old.row.status === 'open' ? ('closed' as const) : old.row.status,
			endedAt: now,
			updatedAt: now
		};
		this.store.writes.run(
			roomId,
			...(old && ended ? [q.updateRun(this.store, old.row.id, ended)] : []),
			q.insertRun(this.store, row)
		);
		if (old && ended) old.row = { ...old.row, ...ended };
		this.#rememberGroups(roomId, old);
		const live = new LiveActivity(row, def.type);
		this.#current.set(roomId, live);
		this.#touchAll(roomId);
		// A new run: every trainer screen gets its whole view now (and this one in the ack).
		this.#dirtyTrainers.delete(roomId);
		const view = this.#trainerSnapshot(roomId, live);
		this.publish.trainer(roomId, view);
		return view;
	}

	setStatus(
		roomId: string,
		runId: string,
		status: ActivityStatus,
		now = Date.now()
	): TrainerActivity {
		const live = this.#run(roomId, runId);
		this.store.writes.run(roomId, q.updateRun(this.store, runId, { status, updatedAt: now }));
		live.row = { ...live.row, status, updatedAt: now };
		this.#touchAll(roomId);
		return this.#trainerSnapshot(roomId, live);
	}

	move(
		roomId: string,
		runId: string,
		participantId: string,
		groupId: string,
		now = Date.now()
	): TrainerActivity {
		const live = this.#run(roomId, runId);
		if (!this.#people(roomId).some((p) => p.id === participantId))
			throw new UserError('not-found', 'That person is no longer in the room.');
		if (!live.row.groups.some((g) => g.id === groupId))
			throw new UserError('not-found', 'That group does not exist.');
		const groups = moveMember(live.row.groups, participantId, groupId);
		this.store.writes.run(roomId, q.updateRun(this.store, runId, { groups, updatedAt: now }));
		live.row = { ...live.row, groups };
		this.#touchAll(roomId);
		return this.#trainerSnapshot(roomId, live);
	}

	/**
	 * One phone's input: on disk before the promise resolves (and so before the ack). Inputs that
	 * arrive in the same turn of the event loop are written together in one transaction. A retry of
	 * an input already accepted is acknowledged as a duplicate, even after the activity closed.
	 */
	submit(
		roomId: string,
		participantId: string,
		runId: string,
		inputId: string,
		input: unknown,
		now = Date.now()
	): Promise<SubmitResult> {
		return new Promise((resolve, reject) =>
			this.submitThen(
				roomId,
				participantId,
				runId,
				inputId,
				input,
				(err, result) => (err === undefined ? resolve(result!) : reject(err)),
				now
			)
		);
	}

	/**
	 * `submit` with a callback, for the socket's input event: a refusal is thrown at once; the
	 * answer (or the write's failure) comes once the input is on disk. No promise lives while the
	 * input waits for its commit: a burst has thousands waiting, and every promise and async frame
	 * (with the async hooks SvelteKit's request store turns on) survived V8's young collections.
	 */
	submitThen(
		roomId: string,
		participantId: string,
		runId: string,
		inputId: string,
		input: unknown,
		reply: (err: unknown, result?: SubmitResult) => void,
		now = Date.now()
	): void {
		this.#catchUp();
		const live = this.current(roomId);
		if (!live || live.row.id !== runId || live.seen(participantId, inputId)) {
			// A retry, or an input for a run that has ended: rare, and answered once the disk says.
			this.#submitAgain(roomId, participantId, runId, inputId, live).then(
				(result) => reply(undefined, result),
				reply
			);
			return;
		}
		if (live.row.status !== 'open') throw new UserError('closed', STATUS_MESSAGES[live.row.status]);
		const parsed = parseForPeople(live.type.input, input);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new UserError(
				'invalid',
				issue ? sentence(issue.message) : 'That answer was not understood.'
			);
		}
		if (hasLoneSurrogate(parsed.data)) throw new UserError('invalid', UNREADABLE_TEXT);
		this.#placeLateJoiner(roomId, live, participantId, now);
		const groupId = live.groupIdOf(participantId);
		let others: string[];
		try {
			others = live.apply(participantId, inputId, parsed.data, now);
		} catch (err) {
			if (err instanceof InputRejected) throw new UserError('invalid', err.message);
			throw err;
		}
		const row = {
			roomId,
			participantId,
			clientInputId: inputId,
			activityId: runId,
			groupId,
			kind: live.type.type,
			payload: parsed.data,
			createdAt: now
		};
		this.store.writes.inputThen(roomId, row, (err) => {
			if (err !== undefined) return reply(err);
			let result: SubmitResult;
			try {
				result = this.#committed(roomId, participantId, live, others, parsed.data);
			} catch (caught) {
				return reply(caught);
			}
			reply(undefined, result);
		});
	}

	/** A submit whose run is not the current one, or whose input was seen: a duplicate if it is stored. */
	async #submitAgain(
		roomId: string,
		participantId: string,
		runId: string,
		inputId: string,
		live: LiveActivity | null | undefined
	): Promise<SubmitResult> {
		if (!live || live.row.id !== runId) {
			// A phone's outbox may retry after the run ended: if it was stored, that is its ack.
			await this.store.writes.drain();
			if (await q.hasInput(this.store, runId, participantId, inputId)) return { duplicate: true };
			throw new UserError('closed', 'That activity has finished; the trainer has moved on.');
		}
		// The original may still be on its way to the disk: answer once it is there.
		await this.store.writes.drain();
		if (!this.current(roomId)?.seen(participantId, inputId))
			throw new UserError('server', 'That answer was not saved. Please send it again.');
		return { duplicate: true };
	}

	/** A new input is on disk: the screens are due an update, and the ack carries the sender's. */
	#committed(
		roomId: string,
		participantId: string,
		live: LiveActivity,
		others: string[],
		input: unknown
	): SubmitResult {
		// Nothing but this input changed the sender's view since its last update: the type may say
		// what changed outright (senderOps) instead of the whole view being built and compared.
		const clean = !this.#dirtyPhones.get(roomId)?.has(participantId);
		this.#touch(roomId, live, participantId);
		if (others.length) this.#markPhones(roomId, others);
		// The ack carries what changed in the sender's view, so their phone needs no second message:
		// one write per input instead of two, which is what a 2,000-phone burst is made of.
		return Object.assign(
			{ duplicate: false },
			this.#senderUpdate(roomId, participantId, clean ? input : undefined)
		);
	}

	/**
	 * The sender's update now, taken off the next flush's list (it would say the same): a whole
	 * view if one was due (the run was just launched), else what changed.
	 */
	#senderUpdate(
		roomId: string,
		participantId: string,
		input?: unknown
	): { activity: PhoneActivity } | { patch: PhonePatch } | undefined {
		// Handed over while the input was being written: it is stored, so the ack says so, without a view.
		if (!this.rooms.runsHere(roomId)) return undefined;
		const live = this.current(roomId);
		const room = this.rooms.room(roomId);
		const me = room?.peopleById().get(participantId);
		if (!live || !room || !me) return undefined;
		const dirty = this.#dirtyPhones.get(roomId);
		const whole = dirty?.get(participantId) === true;
		dirty?.delete(participantId);
		if (whole) return { activity: this.#wholeView(live, me, room.people(), room.peopleById()) };
		const direct =
			input === undefined ? undefined : this.#senderOps(live, me, room.people(), input);
		return direct ?? this.#update(live, me, room.people(), room.peopleById());
	}

	/** The type's own account of the sender's change (see ActivityType.senderOps), applied to the copy kept. */
	#senderOps(
		live: LiveActivity,
		me: PersonInfo,
		people: PersonInfo[],
		input: unknown
	): { patch: PhonePatch } | undefined {
		const sent = live.sent.get(me.id);
		if (!sent || !live.type.senderOps) return undefined;
		const ops = live.type.senderOps(live.state, input, live.phoneContext(me, people));
		if (!ops) return undefined;
		const base = sent.rev;
		sent.rev += 1;
		sent.view = applyPatch(sent.view, clone(ops));
		return { patch: { runId: live.row.id, base, rev: sent.rev, ops } };
	}

	/** A phone's whole view, which starts its stream again: patches after it apply to this one. */
	#wholeView(
		live: LiveActivity,
		me: PersonInfo,
		people: PersonInfo[],
		byId?: ReadonlyMap<string, PersonInfo>
	): PhoneActivity {
		const view = live.phoneView(me, people, byId);
		const rev = (live.sent.get(me.id)?.rev ?? 0) + 1;
		live.sent.set(me.id, { rev, view: clone(view) });
		return withRev(view, rev);
	}

	/** What changed in a phone's view since the last one it was sent; a whole view if none was. */
	#update(
		live: LiveActivity,
		me: PersonInfo,
		people: PersonInfo[],
		byId?: ReadonlyMap<string, PersonInfo>
	): { activity: PhoneActivity } | { patch: PhonePatch } | undefined {
		const sent = live.sent.get(me.id);
		if (!sent) return { activity: this.#wholeView(live, me, people, byId) };
		const view = live.phoneView(me, people, byId);
		const { ops, copy } = diffCopy(sent.view, view);
		if (ops.length === 0) return undefined;
		const base = sent.rev;
		sent.rev += 1;
		sent.view = copy;
		return { patch: { runId: live.row.id, base, rev: sent.rev, ops } };
	}

	/** A trainer's action inside the activity: stored with the room as it is now, so replays match. */
	act(
		roomId: string,
		trainerId: string,
		runId: string,
		inputId: string,
		input: unknown,
		now = Date.now()
	): { duplicate: boolean } {
		// Queued phone inputs go first, so the stored order is the order they were applied in.
		this.store.writes.commitInputs();
		const live = this.#run(roomId, runId);
		if (live.seen(TRAINER, inputId)) return { duplicate: true };
		const actions = live.type.trainer;
		if (!actions) throw new UserError('invalid', 'This activity has no trainer controls.');
		const parsed = parseForPeople(actions.input, input);
		if (!parsed.success)
			throw new UserError(
				'invalid',
				sentence(parsed.error.issues[0]?.message ?? 'That action was not understood.')
			);
		if (hasLoneSurrogate(parsed.data)) throw new UserError('invalid', UNREADABLE_TEXT);
		const groups = live.row.groups;
		const participants = this.#people(roomId);
		try {
			live.applyTrainer(inputId, parsed.data, now, groups, participants);
		} catch (err) {
			if (err instanceof InputRejected) throw new UserError('invalid', err.message);
			throw err;
		}
		try {
			this.store.writes.trainerInput(roomId, {
				roomId,
				trainerId,
				clientInputId: inputId,
				activityId: runId,
				kind: `trainer:${live.type.type}`,
				payload: { input: parsed.data, groups, participants },
				createdAt: now
			});
		} catch (err) {
			this.evict(roomId);
			throw err;
		}
		this.#touchAll(roomId);
		return { duplicate: false };
	}

	/** A phone joined or came back: late joiners get a group; it gets its view in the ack. */
	onSeat(roomId: string, participantId: string, now = Date.now()): PhoneActivity | null {
		const live = this.current(roomId);
		if (!live) return null;
		this.#placeLateJoiner(roomId, live, participantId, now);
		const people = this.#people(roomId);
		const me = this.rooms.room(roomId)?.peopleById().get(participantId);
		if (!me) return null;
		const sent = live.sent.get(participantId);
		if (!sent) {
			// A phone new to this run (a late joiner, or the first view since a restart) may change the
			// trainers' "0 of 10 in": an individual run places nobody in a group, which would have told them.
			this.#markTrainers(roomId);
			return this.#wholeView(live, me, people);
		}
		// The seat's stream goes on rather than restarting: the seat's other tabs (one phone, two
		// tabs) keep applying its patches. What changed since the last revision goes to all of them
		// now; this answer is the whole view at the newest revision. A queued update would say the same.
		const dirty = this.#dirtyPhones.get(roomId);
		if (dirty?.get(participantId) === false) dirty.delete(participantId);
		const update = this.#update(live, me, people);
		if (update && 'patch' in update) this.publish.phonePatch(participantId, update.patch);
		// The copy kept of the newest revision is the view now (it is only ever replaced, never changed).
		return withRev(sent.view, sent.rev);
	}

	/**
	 * The agenda moved to another block. A run that is closed or showing its results has done its
	 * job: it ends, and every screen goes back to the agenda (it stays on disk for the exports).
	 * A run still collecting answers stays, so the trainer can move on while phones finish, except
	 * into a break: the break takes every screen, so a collecting run is closed (its answers kept) and
	 * ends. The remote asks the trainer before it sends that move.
	 */
	onAgendaMoved(roomId: string, now = Date.now()): void {
		const live = this.current(roomId);
		if (!live) return;
		const room = this.rooms.room(roomId);
		const block = room?.plan.blocks[room.run.current];
		const intoBreak = block?.kind === 'break' && room?.run.phase !== 'finished';
		if (live.row.status === 'open' && !intoBreak) return;
		const status = live.row.status === 'open' ? 'closed' : live.row.status;
		this.store.writes.run(
			roomId,
			q.updateRun(this.store, live.row.id, { status, endedAt: now, updatedAt: now })
		);
		this.#touchAll(roomId);
		this.#rememberGroups(roomId, live);
		this.#current.set(roomId, null);
	}

	/** Someone left the room (removed): counts and group lists change. */
	onRosterChange(roomId: string): void {
		if (this.current(roomId)) this.#touchAll(roomId);
	}

	/**
	 * The room closed (RoomEngine.close calls this, whoever closed it): queued answers go to disk,
	 * then the open activity ends there, so the record never shows an activity still running in a
	 * closed session.
	 */
	onRoomClosed(roomId: string, now = Date.now()): void {
		this.store.writes.commitInputs();
		const live = this.current(roomId);
		if (live) {
			const status = live.row.status === 'open' ? 'closed' : live.row.status;
			this.store.writes.run(
				roomId,
				q.updateRun(this.store, live.row.id, { status, endedAt: now, updatedAt: now })
			);
		}
		this.#current.delete(roomId);
		this.#lastGrouped.delete(roomId);
		this.#dirtyTrainers.delete(roomId);
		this.#dirtyPhones.delete(roomId);
		this.#trainerDueAt.delete(roomId);
		this.#trainerCost.delete(roomId);
	}

	/** Sends every pending update now (tests, shutdown); the timer's flush may hold a big projector view back. */
	flush(): void {
		this.#flush(true);
	}

	/**
	 * Phones' updates go every `delayMs`. A room's projector view goes at most once per `delayMs`,
	 * and when building and sending it has become dear (hundreds of groups' pyramids), the next one
	 * waits several times as long (see trainerWait): the whole-room picture is then at most about a
	 * sixth of the server's time, and the inputs' acks never queue behind one projector view after
	 * another.
	 */
	#flush(all: boolean): void {
		// Nothing is announced before it is on disk.
		this.store.writes.commitInputs();
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		if (all) {
			this.#flushPhones(true);
			this.#flushTrainers(true);
			return;
		}
		// The projector's view first, the phones' updates from the next turn of the event loop:
		// announcements go out in the order they were queued, and a view queued behind hundreds of
		// phones' updates reached the room's screen tens of milliseconds later. The inputs that
		// arrive meanwhile are acknowledged in between.
		this.#flushTrainers(false);
		if (this.#dirtyPhones.size) this.#nextPhoneTurn();
	}

	/** The phones' updates (the rest of them, after a slice) in a turn of their own. */
	#nextPhoneTurn(): void {
		if (this.#phoneTurn) return;
		this.#phoneTurnAt = performance.now();
		this.#phoneTurn = setImmediate(() => this.#phoneSlice());
	}

	#phoneSlice(): void {
		if (this.#phoneTurn) clearImmediate(this.#phoneTurn);
		this.#phoneTurn = undefined;
		this.store.writes.commitInputs();
		this.#flushPhones(false);
	}

	/**
	 * The flush's timer and the phones' turn, when they are late, run before the next input. In a
	 * burst the event loop's poll phase reads thousands of sockets, and acknowledges inputs as the
	 * writer commits them, before its turn ends: neither a timer nor a turn of their own comes
	 * until then, and the projector would wait for the burst to ease.
	 */
	#catchUp(): void {
		const now = performance.now();
		if (this.#timer && now > this.#timerAt + OVERDUE_MS) this.#flush(false);
		else if (this.#phoneTurn && now > this.#phoneTurnAt + OVERDUE_MS) this.#phoneSlice();
	}

	#flushTrainers(all: boolean): void {
		const now = performance.now();
		for (const roomId of this.#dirtyTrainers) {
			// A room handed to another node meanwhile (an input's ack finishing after the handover) is
			// announced there, from storage: here it would be rebuilt for nothing.
			if (!this.rooms.runsHere(roomId)) {
				this.#dirtyTrainers.delete(roomId);
				continue;
			}
			const due = this.#trainerDueAt.get(roomId) ?? 0;
			if (!all && now < due) continue;
			const t0 = performance.now();
			this.#publishTrainer(roomId);
			const took = performance.now() - t0;
			const wait = trainerWait(took, this.#trainerCost.get(roomId), this.delayMs);
			this.#trainerCost.set(roomId, took);
			this.#trainerDueAt.set(roomId, t0 + wait);
			this.#dirtyTrainers.delete(roomId);
		}
		// A projector view held back goes when it is due.
		if (this.#dirtyTrainers.size) {
			const next = Math.min(
				...[...this.#dirtyTrainers].map((id) => this.#trainerDueAt.get(id) ?? 0)
			);
			this.#schedule(Math.max(1, next - now));
		}
	}

	/**
	 * Each dirty phone's update, built and sent. Unless `all`, a few milliseconds at a time: the
	 * rest goes in the next turn of the event loop, so the inputs that arrive meanwhile (and their
	 * commits) are acknowledged in between, not after 2,000 phones' updates.
	 */
	#flushPhones(all: boolean): void {
		const spent = timeSlice(PHONE_SLICE_MS);
		for (const [roomId, ids] of this.#dirtyPhones) {
			const live = this.rooms.runsHere(roomId) ? this.current(roomId) : undefined;
			const room = this.rooms.room(roomId);
			const people = room?.people() ?? [];
			const byId = room?.peopleById() ?? new Map<string, PersonInfo>();
			// keys(), not entries(): each [key, value] pair is an array to collect.
			for (const id of ids.keys()) {
				const whole = ids.get(id) === true;
				ids.delete(id);
				const me = live === undefined ? undefined : byId.get(id);
				if (!me) continue;
				if (!live) this.publish.phone(id, null);
				else if (whole) this.publish.phone(id, this.#wholeView(live, me, people, byId));
				else {
					const update = this.#update(live, me, people, byId);
					if (!update) continue;
					if ('patch' in update) this.publish.phonePatch(id, update.patch);
					else this.publish.phone(id, update.activity);
				}
				if (!all && spent()) return this.#nextPhoneTurn();
			}
			this.#dirtyPhones.delete(roomId);
		}
	}

	dispose(): void {
		if (this.#phoneTurn) clearImmediate(this.#phoneTurn);
		this.#phoneTurn = undefined;
		this.flush();
		this.#current.clear();
	}

	/** The content file's config with the trainer's setup edits, checked again by the type. */
	#withSetup(def: ActivityDefinition, setup: Record<string, string[]> | undefined): unknown {
		const editable = new Set((def.type.setup ?? []).map((f) => f.key));
		const edits = Object.entries(setup ?? {}).filter(([key]) => editable.has(key));
		if (edits.length === 0) return def.config;
		const parsed = def.type.config.safeParse(
			{ ...(def.config as object), ...Object.fromEntries(edits) },
			{ error: humanIssue }
		);
		if (!parsed.success)
			throw new UserError(
				'invalid',
				sentence(parsed.error.issues[0]?.message ?? 'Those settings are not valid.')
			);
		if (hasLoneSurrogate(parsed.data)) throw new UserError('invalid', UNREADABLE_TEXT);
		return parsed.data;
	}

	#run(roomId: string, runId: string): LiveActivity {
		const live = this.current(roomId);
		if (!live || live.row.id !== runId)
			throw new UserError('not-found', 'That activity is no longer the current one.');
		return live;
	}

	#people(roomId: string): PersonInfo[] {
		return this.rooms.room(roomId)?.people() ?? [];
	}

	#placeLateJoiner(roomId: string, live: LiveActivity, participantId: string, now: number): void {
		if (live.row.grouping === 'individual' || live.groupIdOf(participantId)) return;
		const present = new Set(this.#people(roomId).map((p) => p.id));
		const groups = placeNewcomer(
			live.row.groups,
			participantId,
			live.row.grouping,
			live.row.groupSize,
			present
		);
		this.store.writes.run(roomId, q.updateRun(this.store, live.row.id, { groups, updatedAt: now }));
		live.row = { ...live.row, groups };
		this.#touchAll(roomId);
	}

	/** The latest run that had groups: the current one if it has, else the last one remembered. */
	#latestGrouped(roomId: string): ActivityRun | undefined {
		const live = this.current(roomId);
		if (live && live.row.grouping !== 'individual') return live.row;
		return this.#lastGrouped.get(roomId);
	}

	/** A run leaves the room's current slot: if it had groups, they are the ones "same groups" reuses. */
	#rememberGroups(roomId: string, live: LiveActivity | null | undefined): void {
		if (live && live.row.grouping !== 'individual') this.#lastGrouped.set(roomId, live.row);
	}

	/** The sender's group (or just the sender) and the trainers need a fresh view. */
	#touch(roomId: string, live: LiveActivity, participantId: string): void {
		const group = live.groupOf(participantId);
		this.#markPhones(roomId, group ? group.memberIds : [participantId]);
	}

	/** The run itself changed (launched, status, groups, a trainer's action): whole views for everyone. */
	#touchAll(roomId: string): void {
		this.#markPhones(
			roomId,
			this.#people(roomId).map((p) => p.id),
			true
		);
	}

	#markPhones(roomId: string, ids: string[], whole = false): void {
		this.#markTrainers(roomId);
		let dirty = this.#dirtyPhones.get(roomId);
		if (!dirty) this.#dirtyPhones.set(roomId, (dirty = new Map()));
		for (const id of ids) if (whole || !dirty.has(id)) dirty.set(id, whole);
	}

	/** The room's trainer screens need a fresh view by the next flush. */
	#markTrainers(roomId: string): void {
		this.#dirtyTrainers.add(roomId);
		this.#schedule(this.delayMs);
	}

	/** The next flush in `ms` at the latest (a held-back projector view may have set a later one). */
	#schedule(ms: number): void {
		const at = performance.now() + ms;
		if (this.#timer && this.#timerAt <= at) return;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timerAt = at;
		this.#timer = setTimeout(() => this.#flush(false), ms);
	}
}
