import { z } from 'zod';
import type { Store } from '../store';
import { insertTrainer } from '../store/auth';
import { hasHiddenCharacter } from '$lib/shared/names';
import { newId } from '../tokens';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './password';

export const emailSchema = z
	.string({ error: 'Please enter your email address.' })
	.trim()
	.toLowerCase()
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Please enter a valid email address, like name@example.org.' }));

export const signUpSchema = z.object({
	name: z
		.string({ error: 'Please enter your name.' })
		.trim()
		.min(1, 'Please enter your name.')
		.max(80, 'Please keep your name to 80 characters or fewer.')
		// Shown to co-facilitators and printed in reports: no bidi overrides or invisible characters.
		.refine(
			(name) => !hasHiddenCharacter(name),
			'Your name has a hidden character in it. Please retype it.'
		),
	email: emailSchema,
	password: z
		.string({ error: 'Please choose a password.' })
		.min(PASSWORD_MIN, `Please use at least ${PASSWORD_MIN} characters for your password.`)
		.max(PASSWORD_MAX, `Please keep your password under ${PASSWORD_MAX} characters.`)
});

export const signInSchema = z.object({
	email: emailSchema,
	password: z
		.string({ error: 'Please enter your password.' })
		.min(1, 'Please enter your password.')
		.max(PASSWORD_MAX)
});

export { findTrainerByEmail, trainerCount } from '../store/auth';

export async function createTrainer(
	s: Store,
	input: z.infer<typeof signUpSchema>,
	now = Date.now()
) {
	const row = {
		id: newId(),
		email: input.email,
		name: input.name,
		passwordHash: await hashPassword(input.password),
		createdAt: now
	};
	await insertTrainer(s, row);
	return row;
}
