import type { ActivityEngine } from '../../activities/engine';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import { on } from '../handle';
import { slidesControlSchema, slidesWatchSchema } from '../schemas';
import { channel, type IoSocket } from '../types';

/** The deck in the run of show: only the room's trainers see or steer it. */
export function registerSlideHandlers(
	socket: IoSocket,
	engine: RoomEngine,
	activities: ActivityEngine
): void {
	on(socket, 'slides:watch', slidesWatchSchema, ({ roomId }) => {
		const room = requireRoomTrainer(socket, engine, roomId);
		if (room.status === 'open') socket.join(channel.trainers(roomId));
		return engine.slides(roomId);
	});

	on(socket, 'slides:control', slidesControlSchema, ({ roomId, control }) => {
		requireRoomTrainer(socket, engine, roomId);
		const { view, moved } = engine.slideControl(roomId, control);
		// Into another block: as with the clock's controls, a finished activity gives the screen back.
		if (moved) activities.onAgendaMoved(roomId);
		return view;
	});
}
