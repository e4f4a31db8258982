import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import {
	signInByIp,
	signInFailuresByAccount,
	signInFailuresByAccountAndIp
} from '$lib/server/auth/limits';
import { decoyHash, verifyPassword } from '$lib/server/auth/password';
import { safeNext } from '$lib/server/auth/redirect';
import { createSession } from '$lib/server/auth/session';
import { findTrainerByEmail, signInSchema, trainerCount } from '$lib/server/auth/trainers';
import { getDb } from '$lib/server/db';
import { fieldErrors, formFail, formObject } from '$lib/server/forms';
import { minutesFrom } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

const WRONG = 'Email or password is wrong.';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.trainer) redirect(303, safeNext(url.searchParams.get('next')));
	return { firstRun: trainerCount(getDb()) === 0 };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = formObject(await request.formData());
		const values = { email: form.email ?? '' };
		const ip = getClientAddress();
		const byIp = signInByIp.hit(ip);
		if (!byIp.allowed) {
			return formFail(429, values, {
				form: `Too many sign-in attempts. Try again in ${minutesFrom(byIp.retryAfterMs)}.`
			});
		}
		const parsed = signInSchema.safeParse(form);
		if (!parsed.success) return formFail(400, values, fieldErrors(parsed.error));
		const { email, password } = parsed.data;
		// Counted before the (slow) password check, so parallel guesses cannot all slip under the limit.
		const pair = `${email}|${ip}`;
		const locks = [signInFailuresByAccountAndIp.hit(pair), signInFailuresByAccount.hit(email)];
		const locked = locks.find((l) => !l.allowed);
		if (locked) {
			return formFail(429, values, {
				form: `Too many sign-in attempts. Try again in ${minutesFrom(locked.retryAfterMs)}.`
			});
		}
		const db = getDb();
		const trainer = findTrainerByEmail(db, email);
		// Verify against a decoy when the email is unknown, so the answer takes as long either way.
		const ok = await verifyPassword(trainer?.passwordHash ?? (await decoyHash()), password);
		if (!trainer || !ok) return formFail(400, values, { form: WRONG });
		signInFailuresByAccountAndIp.reset(pair);
		const { token, session } = createSession(db, trainer.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
