import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Form data as plain strings, for zod. Files and repeated keys are not expected on our forms. */
export function formObject(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') out[key] = value;
	return out;
}

/** The first message per field, keyed by field name, for showing under each input. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}

/** A failed form submission: what was typed (never the password) and a message per field or "form". */
export function formFail<V extends Record<string, string>>(
	status: number,
	values: V,
	errors: FieldErrors
) {
	return fail(status, { values, errors });
}
