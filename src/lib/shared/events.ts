/**
 * The one socket contract, shared by the server (`Server<ClientEvents, ServerEvents>`) and the
 * browser (`Socket<ServerEvents, ClientEvents>`). Every client→server event is acknowledged with
 * an `Ack`. Names are `domain:verb`; when a payload changes incompatibly, add `domain:verb.v2`.
 */

import type { AgendaPlan, PublicBlock } from './agenda';
import type { Control, Phase, RunState } from './run';

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
}

/** The trainer's screens: the whole run state (the plan they already have). */
export interface AgendaRunUpdate {
	roomId: string;
	run: RunState;
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
}

export interface ResumeRequest {
	code: string;
	seatToken: string;
}
export interface ResumeResult {
	room: RoomInfo;
	seat: SeatInfo;
	agenda: PublicAgendaView;
}

export interface WatchRequest {
	roomId: string;
}
export interface WatchResult {
	room: RoomInfo & { id: string };
	roster: Roster;
	plan: AgendaPlan;
	run: RunState;
}

export interface ClientEvents {
	'room:join': (req: JoinRequest, ack: AckFn<JoinResult>) => void;
	'room:resume': (req: ResumeRequest, ack: AckFn<ResumeResult>) => void;
	'room:watch': (req: WatchRequest, ack: AckFn<WatchResult>) => void;
	'room:remove-participant': (req: { roomId: string; participantId: string }, ack: AckFn<null>) => void;
	'room:close': (req: { roomId: string }, ack: AckFn<null>) => void;
	'agenda:control': (req: { roomId: string; control: Control }, ack: AckFn<AgendaRunUpdate>) => void;
	'clock:sync': (req: { sentAt: number }, ack: AckFn<{ serverTime: number }>) => void;
}

export interface ServerEvents {
	/** Trainer views only: who is in the room. Coalesced, at most a few per second. */
	'room:roster': (roster: Roster) => void;
	/** Everyone in the room: the trainer closed it. */
	'room:closed': (info: { message: string }) => void;
	/** One participant: the trainer removed them. */
	'seat:removed': (info: { message: string }) => void;
	/** Trainer views: the agenda clock changed (start, pause, next, +5…). */
	'agenda:run': (update: AgendaRunUpdate) => void;
	/** Phones: the current block changed. */
	'agenda:now': (view: PublicAgendaView) => void;
}

export type ClientEventName = keyof ClientEvents;
