import type { EventTable } from '../handle';
import { clockSchema } from '../schemas';

/** The server owns time; clients measure their offset against it (NTP-style, round trip halved). */
export function registerClockHandlers(on: EventTable['on']): void {
	on('clock:sync', clockSchema, () => ({ serverTime: Date.now() }));
}
