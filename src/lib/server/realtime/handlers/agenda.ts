import type { ActivityEngine } from '../../activities/engine';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import { on } from '../handle';
import { controlSchema } from '../schemas';
import type { IoSocket } from '../types';

/** The agenda clock: only the room's trainer moves it; everyone hears the result. */
export function registerAgendaHandlers(
	socket: IoSocket,
	engine: RoomEngine,
	activities: ActivityEngine
): void {
	on(socket, 'agenda:control', controlSchema, ({ roomId, control }) => {
		const before = requireRoomTrainer(socket, engine, roomId).run;
		const update = engine.control(roomId, control);
		if (update.run.current !== before.current || update.run.phase === 'finished')
			activities.onAgendaMoved(roomId);
		return update;
	});
}
