import type { RoomEngine } from '../../rooms/engine';
import { requireRoomTrainer } from '../authz';
import { on } from '../handle';
import { controlSchema } from '../schemas';
import type { IoSocket } from '../types';

/** The agenda clock: only the room's trainer moves it; everyone hears the result. */
export function registerAgendaHandlers(socket: IoSocket, engine: RoomEngine): void {
	on(socket, 'agenda:control', controlSchema, ({ roomId, control }) => {
		requireRoomTrainer(socket, engine, roomId);
		return engine.control(roomId, control);
	});
}
