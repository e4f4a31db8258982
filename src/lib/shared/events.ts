/**
 * The one socket contract, shared by the server (`Server<ClientEvents, ServerEvents>`) and the
 * browser (`Socket<ServerEvents, ClientEvents>`). Every client→server event is acknowledged with
 * an `Ack`. Names are `domain:verb`; when a payload changes incompatibly, add `domain:verb.v2`.
 */

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

export interface JoinRequest {
	code: string;
	name: string;
}
export interface JoinResult {
	room: RoomInfo;
	seat: SeatInfo;
	/** Secret the phone keeps to come back as the same person; shown once, stored hashed. */
	seatToken: string;
}

export interface ResumeRequest {
	code: string;
	seatToken: string;
}
export interface ResumeResult {
	room: RoomInfo;
	seat: SeatInfo;
}

export interface WatchRequest {
	roomId: string;
}
export interface WatchResult {
	room: RoomInfo & { id: string };
	roster: Roster;
}

export interface ClientEvents {
	'room:join': (req: JoinRequest, ack: AckFn<JoinResult>) => void;
	'room:resume': (req: ResumeRequest, ack: AckFn<ResumeResult>) => void;
	'room:watch': (req: WatchRequest, ack: AckFn<WatchResult>) => void;
	'room:remove-participant': (req: { roomId: string; participantId: string }, ack: AckFn<null>) => void;
	'room:close': (req: { roomId: string }, ack: AckFn<null>) => void;
	'clock:sync': (req: { sentAt: number }, ack: AckFn<{ serverTime: number }>) => void;
}

export interface ServerEvents {
	/** Trainer views only: who is in the room. Coalesced, at most a few per second. */
	'room:roster': (roster: Roster) => void;
	/** Everyone in the room: the trainer closed it. */
	'room:closed': (info: { message: string }) => void;
	/** One participant: the trainer removed them. */
	'seat:removed': (info: { message: string }) => void;
}

export type ClientEventName = keyof ClientEvents;
