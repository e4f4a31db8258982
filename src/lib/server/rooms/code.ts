import { randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '$lib/shared/room-code';

export type RandomInt = (maxExclusive: number) => number;

/** Uniform over the alphabet (crypto.randomInt avoids modulo bias): 31^6 ≈ 887 million codes. */
export function generateRoomCode(random: RandomInt = randomInt): string {
	let code = '';
	for (let i = 0; i < ROOM_CODE_LENGTH; i++)
		code += ROOM_CODE_ALPHABET[random(ROOM_CODE_ALPHABET.length)];
	return code;
}

/** Draws until `isFree` accepts; the database's unique index on open codes is the final word. */
export function allocateRoomCode(
	isFree: (code: string) => boolean,
	random: RandomInt = randomInt,
	tries = 50
): string {
	for (let i = 0; i < tries; i++) {
		const code = generateRoomCode(random);
		if (isFree(code)) return code;
	}
	throw new Error('Could not find a free room code; too many open rooms.');
}
