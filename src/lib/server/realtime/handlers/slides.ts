import type { ActivityEngine } from '../../activities/engine';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import type { EventTable } from '../handle';
import { slidesControlSchema, slidesWatchSchema } from '../schemas';
import { channel } from '../types';

/** The deck in the run of show: only the room's trainers see or steer it. */
export function registerSlideHandlers(
	on: EventTable['on'],
	engine: RoomEngine,
	activities: ActivityEngine
): void {
	on('slides:watch', slidesWatchSchema, (socket, { roomId }) => {
		const room = requireRoomTrainer(socket, engine, roomId);
		if (room.status === 'open') socket.join(channel.trainers(roomId));
		return engine.slides(roomId);
	});

	on('slides:control', slidesControlSchema, (socket, { roomId, control }) => {
		requireRoomTrainer(socket, engine, roomId);
		const { view, moved } = engine.slideControl(roomId, control);
		// Into another block: as with the clock's controls, a finished activity gives the screen back.
		if (moved) activities.onAgendaMoved(roomId);
		return view;
	});
}
