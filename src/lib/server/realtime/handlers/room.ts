import type { ActivityEngine } from '../../activities/engine';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import type { EventTable } from '../handle';
import type { JoinGuard } from '../join-guard';
import { closeSchema, joinSchema, removeSchema, resumeSchema, watchSchema } from '../schemas';
import { channel, type IoSocket } from '../types';

export interface RoomHandlerDeps {
	engine: RoomEngine;
	activities: ActivityEngine;
	/** Wrong room codes per connection and per address: guessing gets slow, the right code never does. */
	joinGuard: JoinGuard;
}

/** Room membership: phones join and resume; the room's trainer watches, removes people and closes. */
export function registerRoomHandlers(
	on: EventTable['on'],
	{ engine, activities, joinGuard }: RoomHandlerDeps
): (socket: IoSocket) => void {
	const bindSeat = (socket: IoSocket, roomId: string, participantId: string) => {
		const previous = socket.data.seat;
		if (previous?.participantId === participantId) return;
		if (previous) {
			engine.presence(previous.roomId, previous.participantId, -1);
			socket.leave(channel.room(previous.roomId));
			socket.leave(channel.seat(previous.participantId));
		}
		socket.data.seat = { roomId, participantId };
		socket.join([channel.room(roomId), channel.seat(participantId)]);
		engine.presence(roomId, participantId, 1);
	};

	/**
	 * Joining with a wrong code is slowed down per connection and per address (see JoinGuard).
	 * Resuming a seat is never limited: its 160-bit token cannot be guessed, and a venue's phones
	 * reconnecting after a Wi-Fi drop must never wait for someone else's typos.
	 */
	on('room:join', joinSchema, (socket, { code, name }) =>
		joinGuard.join(socket.data.ip, socket.id, async () => {
			const { roomId, ...result } = await engine.join(code, name);
			await activities.load(roomId);
			bindSeat(socket, roomId, result.seat.participantId);
			// Object.assign, not a spread and a new key (a hidden class per join: see withRev in patch.ts).
			return Object.assign(result, {
				activity: activities.onSeat(roomId, result.seat.participantId)
			});
		})
	);

	on('room:resume', resumeSchema, async (socket, { code, seatToken }) => {
		const { roomId, ...result } = await engine.resume(code, seatToken);
		await activities.load(roomId);
		bindSeat(socket, roomId, result.seat.participantId);
		// Object.assign, not a spread and a new key (a hidden class per join: see withRev in patch.ts).
		return Object.assign(result, {
			activity: activities.onSeat(roomId, result.seat.participantId)
		});
	});

	const roomOfTrainer = (socket: IoSocket, roomId: string) =>
		requireRoomTrainer(socket, engine, roomId);

	on('room:watch', watchSchema, (socket, { roomId }) => {
		const room = roomOfTrainer(socket, roomId);
		if (room.status === 'open') socket.join(channel.trainers(roomId));
		return {
			room: { ...room.info, id: room.id },
			roster: room.roster(),
			plan: room.plan,
			run: room.run,
			activity: room.status === 'open' ? activities.trainerView(roomId) : null,
			catalog: activities.catalogEntries(),
			earlierGroups: activities.hasEarlierGroups(roomId)
		};
	});

	on('room:remove-participant', removeSchema, (socket, { roomId, participantId }) => {
		roomOfTrainer(socket, roomId);
		engine.removeParticipant(roomId, participantId);
		activities.onRosterChange(roomId);
		return null;
	});

	on('room:close', closeSchema, (socket, { roomId }) => {
		roomOfTrainer(socket, roomId);
		// Ends the room's activity too (RoomEngine.close runs the activity engine's part).
		engine.close(roomId);
		return null;
	});

	// One function for every connection (EventEmitter calls it with the socket as `this`).
	function onDisconnect(this: IoSocket) {
		const seat = this.data.seat;
		if (seat) engine.presence(seat.roomId, seat.participantId, -1);
		joinGuard.forget(this.id);
	}
	return (socket) => socket.on('disconnect', onDisconnect);
}
