import { minutesFrom, RateLimiter } from '../../rate-limit';
import { UserError } from '../../errors';
import type { RoomEngine } from '../../rooms/engine';
import type { LiveRoom } from '../../rooms/live-room';
import { on } from '../handle';
import { closeSchema, joinSchema, removeSchema, resumeSchema, watchSchema } from '../schemas';
import { channel, type IoSocket } from '../types';

export interface RoomHandlerDeps {
	engine: RoomEngine;
	/** Wrong room codes per address: room-code guessing gets slow, typos do not. */
	joinFailures: RateLimiter;
}

/** Room membership: phones join and resume; the room's trainer watches, removes people and closes. */
export function registerRoomHandlers(socket: IoSocket, { engine, joinFailures }: RoomHandlerDeps): void {
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

	/** Joining with a wrong code counts against the caller's address; a hit over the limit is refused. */
	const guarded = <T>(fn: () => T): T => {
		const { blocked, retryAfterMs } = joinFailures.blocked(socket.data.ip);
		if (blocked) {
			throw new UserError('rate-limited', `Too many wrong codes from this device. Try again in ${minutesFrom(retryAfterMs)}.`);
		}
		try {
			return fn();
		} catch (err) {
			if (err instanceof UserError && err.code === 'not-found') joinFailures.hit(socket.data.ip);
			throw err;
		}
	};

	on(socket, 'room:join', joinSchema, ({ code, name }) =>
		guarded(() => {
			const { roomId, ...result } = engine.join(code, name);
			bindSeat(roomId, result.seat.participantId);
			return result;
		})
	);

	on(socket, 'room:resume', resumeSchema, ({ code, seatToken }) =>
		guarded(() => {
			const { roomId, ...result } = engine.resume(code, seatToken);
			bindSeat(roomId, result.seat.participantId);
			return result;
		})
	);

	const roomOfTrainer = (roomId: string): LiveRoom => {
		const trainer = socket.data.trainer;
		if (!trainer) throw new UserError('unauthenticated', 'Please sign in as a trainer to do that.');
		const room = engine.room(roomId);
		// Someone else's room answers exactly like a missing one: ids are not confirmed to strangers.
		if (!room || room.trainerId !== trainer.id) {
			throw new UserError('forbidden', 'You are not a trainer of that session.');
		}
		return room;
	};

	on(socket, 'room:watch', watchSchema, ({ roomId }) => {
		const room = roomOfTrainer(roomId);
		if (room.status === 'open') socket.join(channel.trainers(roomId));
		return { room: { ...room.info, id: room.id }, roster: room.roster() };
	});

	on(socket, 'room:remove-participant', removeSchema, ({ roomId, participantId }) => {
		roomOfTrainer(roomId);
		engine.removeParticipant(roomId, participantId);
		return null;
	});

	on(socket, 'room:close', closeSchema, ({ roomId }) => {
		roomOfTrainer(roomId);
		engine.close(roomId);
		return null;
	});

	socket.on('disconnect', () => {
		const seat = socket.data.seat;
		if (seat) engine.presence(seat.roomId, seat.participantId, -1);
	});
}
