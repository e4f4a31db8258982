import type { ActivityEngine } from '../../activities/engine';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import { on } from '../handle';
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
	socket: IoSocket,
	{ engine, activities, joinGuard }: RoomHandlerDeps
): void {
	const bindSeat = (roomId: string, participantId: string) => {
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
	on(socket, 'room:join', joinSchema, ({ code, name }) =>
		joinGuard.join(socket.data.ip, socket.id, async () => {
			const { roomId, ...result } = await engine.join(code, name);
			await activities.load(roomId);
			bindSeat(roomId, result.seat.participantId);
			// Object.assign, not a spread and a new key (a hidden class per join: see withRev in patch.ts).
			return Object.assign(result, {
				activity: activities.onSeat(roomId, result.seat.participantId)
			});
		})
	);

	on(socket, 'room:resume', resumeSchema, async ({ code, seatToken }) => {
		const { roomId, ...result } = await engine.resume(code, seatToken);
		await activities.load(roomId);
		bindSeat(roomId, result.seat.participantId);
		// Object.assign, not a spread and a new key (a hidden class per join: see withRev in patch.ts).
		return Object.assign(result, {
			activity: activities.onSeat(roomId, result.seat.participantId)
		});
	});

	const roomOfTrainer = (roomId: string) => requireRoomTrainer(socket, engine, roomId);

	on(socket, 'room:watch', watchSchema, ({ roomId }) => {
		const room = roomOfTrainer(roomId);
		if (room.status === 'open') socket.join(channel.trainers(roomId));
		return {
			room: { ...room.info, id: room.id },
			roster: room.roster(),
			plan: room.plan,
			run: room.run,
			activity: room.status === 'open' ? activities.trainerView(roomId) : null,
			catalog: activities.catalogEntries()
		};
	});

	on(socket, 'room:remove-participant', removeSchema, ({ roomId, participantId }) => {
		roomOfTrainer(roomId);
		engine.removeParticipant(roomId, participantId);
		activities.onRosterChange(roomId);
		return null;
	});

	on(socket, 'room:close', closeSchema, ({ roomId }) => {
		roomOfTrainer(roomId);
		// Ends the room's activity too (RoomEngine.close runs the activity engine's part).
		engine.close(roomId);
		return null;
	});

	socket.on('disconnect', () => {
		const seat = socket.data.seat;
		if (seat) engine.presence(seat.roomId, seat.participantId, -1);
		joinGuard.forget(socket.id);
	});
}
