/**
 * The one socket contract, shared by the server (`Server<ClientEvents, ServerEvents>`) and the
 * browser (`Socket<ServerEvents, ClientEvents>`). Every client→server event is acknowledged with
 * an `Ack`. Names are `domain:verb`; when a payload changes incompatibly, add `domain:verb.v2`.
 */

import type { PhoneResult } from '../activities/shared/phone-result';
import type { AgendaPlan, PublicBlock } from './agenda';
import type { Patch } from './patch';
import type { Control, Phase, RunState } from './run';
import type { PhoneSlide, SlideControl, SlideView } from './slides';
import type {
	ActivityStatus,
	GroupInfo,
	Grouping,
	PersonInfo,
	SetupField
} from '../activities/contract';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string; code?: ErrorCode };
export type AckFn<T> = (res: Ack<T>) => void;

export type ErrorCode =
	| 'invalid'
	| 'not-found'
	| 'closed'
	| 'removed'
	| 'forbidden'
	| 'unauthenticated'
	| 'name-taken'
	| 'rate-limited'
	/** Organisation mode: the room runs on another node now; the client reconnects and tries again. */
	| 'moving'
	| 'server';

export interface RoomInfo {
	code: string;
	title: string;
	status: 'open' | 'closed';
}

export interface SeatInfo {
	participantId: string;
	name: string;
}

export interface RosterEntry {
	id: string;
	name: string;
	online: boolean;
	joinedAt: number;
}

export interface Roster {
	roomId: string;
	participants: RosterEntry[];
	online: number;
}

/**
 * What a phone knows about the agenda: the current block's title and task and enough timing to count
 * down to the end of a break. Never the trainer's notes, resources or the rest of the plan.
 */
export interface PublicAgendaView {
	phase: Phase;
	index: number;
	count: number;
	block: PublicBlock | null;
	nextTitle: string | null;
	/** Current block's length (with extensions), time banked so far, and when the running stretch began. */
	timing: { lengthMs: number; spentMs: number; since: number | null };
	/** The slide on the projector, while the trainer lets phones follow (item 7 of issue 13); else null. */
	slide: PhoneSlide | null;
}

/** The trainer's screens: the whole run state (the plan they already have). */
export interface AgendaRunUpdate {
	roomId: string;
	run: RunState;
}

/** What every screen knows about the activity that is running. */
export interface ActivityHeader {
	runId: string;
	activityId: string;
	type: string;
	title: string;
	prompt: string | null;
	status: ActivityStatus;
	grouping: Grouping;
}

export interface GroupWithNames extends GroupInfo {
	members: PersonInfo[];
}

/** One phone's view: its own answers and its group's work (the type's phone projection). */
export interface PhoneActivity extends ActivityHeader {
	me: PersonInfo;
	group: GroupWithNames | null;
	view: unknown;
	/** Once revealed: the results this phone may show, or null (they are on the screen only). */
	result?: PhoneResult | null;
	/** Once revealed: the type's own view is this person's result, shown open (a private profile). */
	ownResult?: boolean;
	/**
	 * The revision of this phone's view stream: later changes come as `activity:phone-patch`
	 * messages, each applying to one revision (src/lib/shared/patch.ts). Absent outside a stream.
	 */
	rev?: number;
}

/** What changed in a room's trainer view of run `runId` since revision `base`. */
export interface TrainerPatch extends Patch {
	roomId: string;
	runId: string;
}

/** What changed in one phone's view of run `runId` since revision `base` (see PhoneActivity.rev). */
export interface PhonePatch extends Patch {
	runId: string;
}

/** The trainer's screens: the type's projector projection, groups and progress ("18 of 24 in"). */
export interface TrainerActivity extends ActivityHeader {
	/**
	 * The revision of the room's trainer-view stream: later changes come as
	 * `activity:trainer-patch` messages, each applying to one revision (src/lib/shared/patch.ts).
	 */
	rev?: number;
	groups: GroupWithNames[];
	progress: {
		answered: number;
		total: number;
		groups: { id: string; answered: number; total: number }[];
	};
	view: unknown;
}

/** An activity a trainer can launch (from activities/). */
export interface CatalogEntry {
	id: string;
	title: string;
	type: string;
	label: string;
	grouping: Grouping;
	groupSize: number;
	/** What the trainer may edit before launching, with the content file's values. */
	setup: (SetupField & { value: string[] })[];
}

export interface JoinRequest {
	code: string;
	name: string;
}
export interface JoinResult {
	room: RoomInfo;
	seat: SeatInfo;
	/** Secret the phone keeps to come back as the same person; shown once, stored hashed. */
	seatToken: string;
	agenda: PublicAgendaView;
	activity: PhoneActivity | null;
}

export interface ResumeRequest {
	code: string;
	seatToken: string;
}
export interface ResumeResult {
	room: RoomInfo;
	seat: SeatInfo;
	agenda: PublicAgendaView;
	activity: PhoneActivity | null;
}

export interface WatchRequest {
	roomId: string;
}
export interface WatchResult {
	room: RoomInfo & { id: string };
	roster: Roster;
	plan: AgendaPlan;
	run: RunState;
	activity: TrainerActivity | null;
	catalog: CatalogEntry[];
	/** An earlier (or the current) activity made groups: "Same groups as before" has some to reuse. */
	earlierGroups: boolean;
}

export interface ClientEvents {
	'room:join': (req: JoinRequest, ack: AckFn<JoinResult>) => void;
	'room:resume': (req: ResumeRequest, ack: AckFn<ResumeResult>) => void;
	'room:watch': (req: WatchRequest, ack: AckFn<WatchResult>) => void;
	'room:remove-participant': (
		req: { roomId: string; participantId: string },
		ack: AckFn<null>
	) => void;
	'room:close': (req: { roomId: string }, ack: AckFn<null>) => void;
	'agenda:control': (
		req: { roomId: string; control: Control },
		ack: AckFn<AgendaRunUpdate>
	) => void;
	'clock:sync': (req: { sentAt: number }, ack: AckFn<{ serverTime: number }>) => void;
	'activity:launch': (
		req: {
			roomId: string;
			activityId: string;
			sameGroups?: boolean;
			groupSize?: number;
			setup?: Record<string, string[]>;
		},
		ack: AckFn<TrainerActivity>
	) => void;
	'activity:status': (
		req: { roomId: string; runId: string; status: ActivityStatus },
		ack: AckFn<TrainerActivity>
	) => void;
	'activity:move': (
		req: { roomId: string; runId: string; participantId: string; groupId: string },
		ack: AckFn<TrainerActivity>
	) => void;
	/** A trainer's action inside the running activity (deal, rotate, spotlight…); acknowledged like an input. */
	'activity:act': (
		req: { roomId: string; runId: string; inputId: string; input: unknown },
		ack: AckFn<{ duplicate: boolean }>
	) => void;
	/** A trainer's screen opens the deck: the deck and the position (and it hears `slides:state` from then on). */
	'slides:watch': (req: { roomId: string }, ack: AckFn<SlideView>) => void;
	/** Step, jump or blank the slides; a step past a block's last slide moves the agenda too. */
	'slides:control': (req: { roomId: string; control: SlideControl }, ack: AckFn<SlideView>) => void;
	/** A phone's input. `inputId` is made by the phone: a retry with the same id is acknowledged, never applied twice. */
	/** A new input's ack carries the sender's fresh view (`activity`); a retry's says `duplicate`. */
	'activity:submit': (
		req: { runId: string; inputId: string; input: unknown },
		ack: AckFn<{ duplicate: boolean; activity?: PhoneActivity | null; patch?: PhonePatch }>
	) => void;
}

export interface ServerEvents {
	/** Trainer views only: who is in the room. Coalesced, at most a few per second. */
	'room:roster': (roster: Roster) => void;
	/** Everyone in the room: the trainer closed it. */
	'room:closed': (info: { message: string }) => void;
	/** One participant: the trainer removed them. */
	'seat:removed': (info: { message: string }) => void;
	/** One co-facilitator's screens of a room: the owner removed them, so the room stops updating here. */
	'room:access-ended': (info: { roomId: string; message: string }) => void;
	/** Trainer views: the agenda clock changed (start, pause, next, +5…). */
	'agenda:run': (update: AgendaRunUpdate) => void;
	/** Phones: the current block changed. */
	'agenda:now': (view: PublicAgendaView) => void;
	/** Trainer views: the running activity changed (coalesced). */
	'activity:trainer': (update: { roomId: string; activity: TrainerActivity | null }) => void;
	/** Trainer views: what inputs changed in the running activity's view (coalesced). */
	'activity:trainer-patch': (patch: TrainerPatch) => void;
	/** Trainer views: the slide position or blanking changed. */
	'slides:state': (view: SlideView) => void;
	/** One phone: its view of the running activity changed (coalesced). */
	'activity:phone': (activity: PhoneActivity | null) => void;
	/** One phone: what an input changed in its view (its group's or its own), coalesced. */
	'activity:phone-patch': (patch: PhonePatch) => void;
}

export type ClientEventName = keyof ClientEvents;
