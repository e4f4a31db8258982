import type { ActivityEngine } from '../../activities/engine';
import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import type { EventTable } from '../handle';
import { controlSchema } from '../schemas';

/** The agenda clock: only the room's trainer moves it; everyone hears the result. */
export function registerAgendaHandlers(
	on: EventTable['on'],
	engine: RoomEngine,
	activities: ActivityEngine
): void {
	on('agenda:control', controlSchema, (socket, { roomId, control }) => {
		const before = requireRoomTrainer(socket, engine, roomId).run;
		const update = engine.control(roomId, control);
		if (update.run.current !== before.current || update.run.phase === 'finished')
			activities.onAgendaMoved(roomId);
		return update;
	});
}
