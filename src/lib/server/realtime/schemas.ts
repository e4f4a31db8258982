import { z } from 'zod';

/** Hard caps only: the friendly rules (name length, code shape) live in the engine's own checks. */
const text = (what: string, max: number) =>
	z.string({ error: `expected ${what} as text` }).max(max, `${what} is too long`);
const id = (what: string) => z.string({ error: `expected ${what}` }).min(1, `expected ${what}`).max(64, `${what} is too long`);

export const joinSchema = z.strictObject({ code: text('the room code', 40), name: text('your name', 400) });
export const resumeSchema = z.strictObject({ code: text('the room code', 40), seatToken: id('the seat token') });
export const watchSchema = z.strictObject({ roomId: id('the room id') });
export const removeSchema = z.strictObject({ roomId: id('the room id'), participantId: id('the participant id') });
export const closeSchema = z.strictObject({ roomId: id('the room id') });
export const clockSchema = z.strictObject({ sentAt: z.number({ error: 'expected sentAt as a number' }).finite() });
