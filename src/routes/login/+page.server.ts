import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { knownDeviceFor, rememberDevice } from '$lib/server/auth/known-device';
import { signInByIp, signInThrottle } from '$lib/server/auth/limits';
import { decoyHash, verifyPassword } from '$lib/server/auth/password';
import { safeNext } from '$lib/server/auth/redirect';
import { createSession } from '$lib/server/auth/session';
import { findTrainerByEmail, signInSchema, trainerCount } from '$lib/server/auth/trainers';
import { getStore } from '$lib/server/store';
import { fieldErrors, formFail, formObject } from '$lib/server/forms';
import { minutesFrom, waitFrom } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

const WRONG = 'Email or password is wrong.';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.trainer) redirect(303, safeNext(url.searchParams.get('next')));
	return { firstRun: (await trainerCount(getStore())) === 0 };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = formObject(await request.formData());
		const values = { email: form.email ?? '' };
		const parsed = signInSchema.safeParse(form);
		if (!parsed.success) return formFail(400, values, fieldErrors(parsed.error));
		const { email, password } = parsed.data;
		const db = getStore();
		const trainer = await findTrainerByEmail(db, email);
		// A browser that signed in to this account before is the trainer's own: it skips the waits
		// strangers' guesses put on the account and the address (a venue shares one address).
		const device = trainer ? knownDeviceFor(cookies, trainer) : null;
		if (!device) {
			const byIp = await signInByIp.hit(getClientAddress());
			if (!byIp.allowed) {
				return formFail(429, values, {
					form: `Too many sign-in attempts from this network. Try again in ${minutesFrom(byIp.retryAfterMs)}.`
				});
			}
		}
		const attempt = signInThrottle.attempt(email, device);
		if (!attempt.allowed) {
			return formFail(429, values, {
				form: `Too many wrong passwords for this account. Try again in ${waitFrom(attempt.retryAfterMs)}.`
			});
		}
		// Verify against a decoy when the email is unknown, so the answer takes as long either way.
		const ok = await verifyPassword(trainer?.passwordHash ?? (await decoyHash()), password);
		if (!trainer || !ok) return formFail(400, values, { form: WRONG });
		signInThrottle.succeeded(email, device, attempt.via);
		const secure = url.protocol === 'https:';
		rememberDevice(cookies, trainer, secure);
		const { token, session } = await createSession(db, trainer.id);
		setSessionCookie(cookies, token, session.expiresAt, secure);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
