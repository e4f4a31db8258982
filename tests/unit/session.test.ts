import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import {
	createSession,
	invalidateSession,
	readCookie,
	SESSION_RENEW_WITHIN,
	SESSION_TTL,
	validateSessionToken
} from '$lib/server/auth/session';
import { createTrainer } from '$lib/server/auth/trainers';
import { openSqliteStore } from '$lib/server/store/sqlite';
import type { Store } from '$lib/server/store';
import { authSessions } from '$lib/server/db/schema';
import { generateToken, hashToken } from '$lib/server/tokens';
import { tempDbPath } from '../helpers/server';

let db: Store;
let trainerId: string;
const tmp = tempDbPath();

beforeAll(async () => {
	db = openSqliteStore(tmp.path);
	trainerId = (
		await createTrainer(db, { name: 'T', email: 't@example.org', password: 'long enough password' })
	).id;
});
afterAll(async () => {
	await db.close();
	tmp.cleanup();
});

describe('session tokens', () => {
	it('are random, base32 and 160 bits', async () => {
		const a = generateToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(generateToken()).not.toBe(a);
	});

	it('are stored only as their SHA-256', async () => {
		const { token, session } = await createSession(db, trainerId);
		expect(session.id).toBe(hashToken(token));
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		const stored = db.db
			.select()
			.from(authSessions)
			.all()
			.map((r) => r.id);
		expect(stored).toContain(hashToken(token));
		expect(stored).not.toContain(token);
	});

	it('validate to their trainer until they expire', async () => {
		const now = 1_000_000_000_000;
		const { token } = await createSession(db, trainerId, now);
		expect((await validateSessionToken(db, token, now + 1000))?.trainer.email).toBe(
			't@example.org'
		);
		expect(await validateSessionToken(db, token, now + SESSION_TTL)).toBeNull();
		// An expired session is deleted, not just refused.
		expect(await validateSessionToken(db, token, now)).toBeNull();
	});

	it('slide: used in their second half, they are extended to a full term', async () => {
		const now = 2_000_000_000_000;
		const { token } = await createSession(db, trainerId, now);
		const early = (await validateSessionToken(db, token, now + 1000))!;
		expect(early.session.renewed).toBe(false);
		expect(early.session.expiresAt).toBe(now + SESSION_TTL);
		const later = now + SESSION_TTL - SESSION_RENEW_WITHIN + 1;
		const renewed = (await validateSessionToken(db, token, later))!;
		expect(renewed.session.renewed).toBe(true);
		expect(renewed.session.expiresAt).toBe(later + SESSION_TTL);
	});

	it('stop working when invalidated (sign out)', async () => {
		const { token, session } = await createSession(db, trainerId);
		await invalidateSession(db, session.id);
		expect(await validateSessionToken(db, token)).toBeNull();
	});

	it('reject unknown tokens', async () => {
		expect(await validateSessionToken(db, 'not-a-real-token')).toBeNull();
	});
});

describe('passwords', () => {
	it('hash with argon2id and verify only the right password', async () => {
		const hash = await hashPassword('a sentence for a password');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, 'a sentence for a password')).toBe(true);
		expect(await verifyPassword(hash, 'a sentence for a passworD')).toBe(false);
		expect(await verifyPassword('garbage', 'x')).toBe(false);
	});
});

describe('readCookie', () => {
	it('finds one cookie in a header', async () => {
		expect(readCookie('a=1; wc_session=abc; b=2', 'wc_session')).toBe('abc');
		expect(readCookie('a=1', 'wc_session')).toBeNull();
		expect(readCookie(undefined, 'wc_session')).toBeNull();
		expect(readCookie('wc_session=%E0%A4%A', 'wc_session')).toBeNull();
	});
});
