import { on } from '../handle';
import { clockSchema } from '../schemas';
import type { IoSocket } from '../types';

/** The server owns time; clients measure their offset against it (NTP-style, round trip halved). */
export function registerClockHandlers(socket: IoSocket): void {
	on(socket, 'clock:sync', clockSchema, () => ({ serverTime: Date.now() }));
}
