import type { Server, Socket } from 'socket.io';
import type { ClientEvents, ServerEvents } from '$lib/shared/events';
import type { SessionTrainer } from '../auth/session';

export interface SocketData {
	/** Set at the handshake from the session cookie; absent for participants. */
	trainer?: SessionTrainer;
	/** The seat this socket speaks for, once it has joined or resumed. */
	seat?: { roomId: string; participantId: string };
	ip: string;
	/** Organisation mode: the room named in the handshake, which this node took the lease of. */
	clusterRoom?: string;
}

/** Organisation mode: between nodes, through the Redis adapter (io.serverSideEmit). */
type InterServerEvents = {
	'cluster:trainer': (kind: 'added' | 'removed', roomId: string, trainerId: string) => void;
};

export type IoServer = Server<ClientEvents, ServerEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientEvents, ServerEvents, InterServerEvents, SocketData>;

/** Socket.io rooms (channels): everyone at a live room, its trainers' screens, one seat's phones. */
export const channel = {
	room: (roomId: string) => `room:${roomId}`,
	trainers: (roomId: string) => `trainers:${roomId}`,
	seat: (participantId: string) => `seat:${participantId}`,
	/** Every socket opened with one trainer session, so signing out can end them all. */
	session: (sessionId: string) => `session:${sessionId}`
};
