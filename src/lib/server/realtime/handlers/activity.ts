import type { ActivityEngine } from '../../activities/engine';
import { UserError } from '../../errors';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer, requireSeat } from '../authz';
import type { EventTable } from '../handle';
import {
	activityStatusSchema,
	actSchema,
	launchSchema,
	moveSchema,
	submitSchema
} from '../schemas';
import { channel, type IoSocket } from '../types';
import { INPUT_RATE_MESSAGE, type InputLimiters } from '../limits';

/** Activities: the room's trainer launches and steers them; seated phones send inputs. */
export function registerActivityHandlers(
	on: EventTable['on'],
	onReply: EventTable['onReply'],
	rooms: RoomEngine,
	activities: ActivityEngine,
	inputRate: InputLimiters
): void {
	const openRoomOfTrainer = (socket: IoSocket, roomId: string) => {
		const room = requireRoomTrainer(socket, rooms, roomId);
		if (room.status !== 'open') throw new UserError('closed', 'This session is closed.');
		return room;
	};

	on(
		'activity:launch',
		launchSchema,
		(socket, { roomId, activityId, sameGroups, groupSize, setup }) => {
			openRoomOfTrainer(socket, roomId);
			return activities.launch(roomId, activityId, { sameGroups, groupSize, setup });
		}
	);

	on('activity:status', activityStatusSchema, (socket, { roomId, runId, status }) => {
		openRoomOfTrainer(socket, roomId);
		return activities.setStatus(roomId, runId, status);
	});

	on('activity:move', moveSchema, (socket, { roomId, runId, participantId, groupId }) => {
		openRoomOfTrainer(socket, roomId);
		return activities.move(roomId, runId, participantId, groupId);
	});

	on('activity:act', actSchema, (socket, { roomId, runId, inputId, input }) => {
		openRoomOfTrainer(socket, roomId);
		return activities.act(roomId, socket.data.trainer!.id, runId, inputId, input);
	});

	// The input is acknowledged once its own write is committed (submitThen replies then).
	onReply('activity:submit', submitSchema, (socket, { runId, inputId, input }, reply) => {
		const { room, participantId } = requireSeat(socket, rooms);
		rooms.assertWritable(room.id);
		// Generous for a person tapping fast or a phone resending its queue, but a script cannot flood the disk or the room.
		// Both windows count every attempt, so hammering through a refusal keeps it refused.
		const burst = inputRate.burst.hit(participantId).allowed;
		const sustained = inputRate.sustained.hit(participantId).allowed;
		if (!burst || !sustained) throw new UserError('rate-limited', INPUT_RATE_MESSAGE);
		activities.submitThen(room.id, participantId, runId, inputId, input, (err, result) => {
			if (err !== undefined || !result) return reply(err);
			// The ack's update is this seat's next revision: the seat's other tabs (if any) need it too,
			// or their next patch would not apply. Looked up first, so one tab costs no second encoding.
			const seat = channel.seat(participantId);
			if ((socket.nsp.adapter.rooms.get(seat)?.size ?? 0) > 1) {
				try {
					if (result.patch) socket.to(seat).emit('activity:phone-patch', result.patch);
					else if (result.activity !== undefined)
						socket.to(seat).emit('activity:phone', result.activity);
				} catch (caught) {
					return reply(caught);
				}
			}
			reply(undefined, result);
		});
	});
}
