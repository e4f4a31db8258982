import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** 20 random bytes = 160 bits, base32: Lucia's recommended session token shape. */
export function generateToken(bytes = 20): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** Only this hash is stored, so a leaked database cannot be replayed as cookies or seats. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Short, unguessable row ids. */
export function newId(): string {
	return generateToken(10);
}
