import { describe, expect, it } from 'vitest';
import { allocateRoomCode, generateRoomCode } from '$lib/server/rooms/code';
import {
	formatRoomCode,
	isRoomCode,
	normaliseRoomCode,
	ROOM_CODE_ALPHABET
} from '$lib/shared/room-code';

describe('room codes', () => {
	it('use six characters from an alphabet without 0, O, 1, I or L', () => {
		for (const c of '0O1IL') expect(ROOM_CODE_ALPHABET).not.toContain(c);
		for (let i = 0; i < 2000; i++) {
			const code = generateRoomCode();
			expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
			expect(isRoomCode(code)).toBe(true);
		}
	});

	it('are spread over the whole alphabet', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 500; i++) for (const c of generateRoomCode()) seen.add(c);
		expect(seen.size).toBe(ROOM_CODE_ALPHABET.length);
	});

	it('skip codes already taken by open rooms', () => {
		// A scripted random source: the first draw gives AAAAAA (taken), the second BBBBBB.
		const draws = [...Array(6).fill(8), ...Array(6).fill(9)];
		const random = () => draws.shift() ?? 0;
		const taken = new Set(['AAAAAA']);
		expect(allocateRoomCode((c) => !taken.has(c), random)).toBe('BBBBBB');
	});

	it('give up with a clear error when no free code can be found', () => {
		expect(() => allocateRoomCode(() => false, undefined, 5)).toThrow(/free room code/);
	});

	it('accept what people type: lower case, spaces and dashes', () => {
		expect(normaliseRoomCode(' abc-234 ')).toBe('ABC234');
		expect(normaliseRoomCode('abc 234')).toBe('ABC234');
		expect(normaliseRoomCode('Abc—234')).toBe('ABC234');
		expect(isRoomCode(normaliseRoomCode('abc-234'))).toBe(true);
	});

	it('reject codes with ambiguous or missing characters', () => {
		expect(isRoomCode('ABC230')).toBe(false);
		expect(isRoomCode('ABCDE')).toBe(false);
		expect(isRoomCode('ABCDEFG')).toBe(false);
		expect(isRoomCode('ABCDEL')).toBe(false);
	});

	it('are shown in two halves for reading aloud', () => {
		expect(formatRoomCode('ABC234')).toBe('ABC 234');
	});
});
