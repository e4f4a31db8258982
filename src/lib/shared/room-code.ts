/** No 0/O, 1/I/L: codes are read off a projector and typed on a phone. */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;

const VALID = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** What people type: " abc-123 " or "abc 123" both mean ABC123. */
export function normaliseRoomCode(input: string): string {
	return input.replace(/[\s\-–—_.]/g, '').toUpperCase();
}

export function isRoomCode(code: string): boolean {
	return VALID.test(code);
}

/** "ABC234" → "ABC 234": easier to read aloud and from the back of a room. */
export function formatRoomCode(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}
