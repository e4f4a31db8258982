import { error, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { rememberDevice } from '$lib/server/auth/known-device';
import { signUpByIp } from '$lib/server/auth/limits';
import { createSession } from '$lib/server/auth/session';
import {
	createTrainer,
	findTrainerByEmail,
	signUpSchema,
	trainerCount
} from '$lib/server/auth/trainers';
import { PASSWORD_MIN } from '$lib/server/auth/password';
import { getStore } from '$lib/server/store';
import { isUniqueViolation } from '$lib/server/errors';
import { fieldErrors, formFail, formObject } from '$lib/server/forms';
import { minutesFrom } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

/** After the first account, ALLOW_SIGNUP=false closes sign-up (the first account can always be made). */
async function signUpOpen(): Promise<boolean> {
	return process.env.ALLOW_SIGNUP !== 'false' || (await trainerCount(getStore())) === 0;
}

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.trainer) redirect(303, '/trainer');
	if (!(await signUpOpen()))
		error(403, 'Sign-up is closed on this server. Ask the person who runs it for an account.');
	return { firstRun: (await trainerCount(getStore())) === 0, passwordMin: PASSWORD_MIN };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		if (!(await signUpOpen())) error(403, 'Sign-up is closed on this server.');
		const form = formObject(await request.formData());
		const values = { name: form.name ?? '', email: form.email ?? '' };
		const limit = await signUpByIp.hit(getClientAddress());
		if (!limit.allowed) {
			return formFail(429, values, {
				form: `Too many sign-ups from this device. Try again in ${minutesFrom(limit.retryAfterMs)}.`
			});
		}
		const parsed = signUpSchema.safeParse(form);
		if (!parsed.success) return formFail(400, values, fieldErrors(parsed.error));
		const db = getStore();
		if (await findTrainerByEmail(db, parsed.data.email)) {
			return formFail(400, values, {
				email: 'An account with this email already exists. Sign in instead.'
			});
		}
		let trainer;
		try {
			trainer = await createTrainer(db, parsed.data);
		} catch (err) {
			// Two sign-ups for one email at the same moment: the unique index decides, the loser is told.
			if (!isUniqueViolation(err)) throw err;
			return formFail(400, values, {
				email: 'An account with this email already exists. Sign in instead.'
			});
		}
		const { token, session } = await createSession(db, trainer.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		// The browser that made the account is known to it: a stranger's guesses never keep it out.
		rememberDevice(cookies, trainer, url.protocol === 'https:');
		redirect(303, '/trainer');
	}
};
