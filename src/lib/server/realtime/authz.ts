import { UserError } from '../errors';
import { CLOSED_MESSAGE, REMOVED_MESSAGE, type RoomEngine } from '../rooms/engine';
import type { LiveRoom } from '../rooms/live-room';
import type { IoSocket } from './types';

/**
 * The room, if this socket belongs to one of its trainers (the owner or a co-facilitator); every
 * trainer event starts here. The live room's trainer set is current: a removed co-facilitator is refused at once.
 */
export function requireRoomTrainer(socket: IoSocket, engine: RoomEngine, roomId: string): LiveRoom {
	const trainer = socket.data.trainer;
	if (!trainer) throw new UserError('unauthenticated', 'Please sign in as a trainer to do that.');
	const room = engine.room(roomId);
	// Someone else's room answers exactly like a missing one: ids are not confirmed to strangers.
	if (!room || !room.isTrainer(trainer.id))
		throw new UserError('forbidden', 'You are not a trainer of that session.');
	return room;
}

/**
 * The seat this socket speaks for, checked against the engine on every participant event: a socket
 * may still hold a seat after its room closed or the trainer removed it, and must not send anything.
 */
export function requireSeat(
	socket: IoSocket,
	engine: RoomEngine
): { room: LiveRoom; participantId: string } {
	const seat = socket.data.seat;
	if (!seat)
		throw new UserError(
			'unauthenticated',
			'Join the session first: type the code from the screen.'
		);
	const room = engine.room(seat.roomId);
	if (!room || room.status !== 'open') throw new UserError('closed', CLOSED_MESSAGE);
	if (!room.seat(seat.participantId)) throw new UserError('removed', REMOVED_MESSAGE);
	return { room, participantId: seat.participantId };
}
