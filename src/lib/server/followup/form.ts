import { z } from 'zod';
import {
	BARRIERS,
	CONFIDENCE_MAX,
	CONFIDENCE_MIN,
	GOAL_MAX,
	HELPED,
	NOTE_MAX,
	PROGRESS,
	type FollowUpItem,
	type ItemAnswer
} from '$lib/shared/follow-up';
import type { Consent } from '../store/followup';

// Control and bidi-override characters could disguise a text in the trainer's view or an export.
const hidden = (s: string) => /[\p{Cc}\p{Cf}]/u.test(s.replace(/[\n\t\u200C\u200D]/gu, ''));
const lone = (s: string) =>
	/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const text = (what: string, max: number) =>
	z
		.string()
		.transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
		.refine((s) => [...s].length <= max, `Please keep ${what} to ${max} characters.`)
		.refine(
			(s) => !hidden(s) && !lone(s),
			`There is a hidden character in ${what}. Please retype it.`
		);

const choice = (list: readonly string[], what: string) =>
	z
		.array(z.string().refine((c) => list.includes(c), `Please pick ${what} from the list.`))
		.max(list.length);

const whole = (min: number, max: number, message: string) =>
	z
		.string({ error: message })
		.regex(/^\d{1,2}$/, message)
		.transform(Number)
		.refine((n) => n >= min && n <= max, message);

const itemSchema = z.object({
	progress: whole(0, PROGRESS.length - 1, 'Please choose how far you have got.'),
	helped: choice(HELPED, 'what helped'),
	helpedNote: text('what helped', NOTE_MAX),
	barriers: choice(BARRIERS, 'what got in the way'),
	barrierNote: text('what got in the way', NOTE_MAX),
	confidence: whole(
		CONFIDENCE_MIN,
		CONFIDENCE_MAX,
		`Please choose your confidence now, from ${CONFIDENCE_MIN} to ${CONFIDENCE_MAX}.`
	),
	revisedGoal: text('your revised goal', GOAL_MAX)
});

const emailSchema = z.union([
	z.literal(''),
	z.email('That email address does not look right.').max(200)
]);

export type CheckInResult =
	| { ok: true; answers: Record<string, Omit<ItemAnswer, 'updatedAt'>>; consent: Consent }
	| { ok: false; errors: Record<string, string> };

/**
 * A check-in form: one block of fields per item ("progress-0", "helped-0"…). Every field is
 * checked; errors come back keyed by field name, worded for a person, and nothing is saved.
 */
export function parseCheckIn(form: FormData, items: FollowUpItem[]): CheckInResult {
	const errors: Record<string, string> = {};
	const answers: Record<string, Omit<ItemAnswer, 'updatedAt'>> = {};
	const str = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	items.forEach((item, i) => {
		const parsed = itemSchema.safeParse({
			progress: str(`progress-${i}`),
			helped: form.getAll(`helped-${i}`).filter((v) => typeof v === 'string'),
			helpedNote: str(`helpedNote-${i}`),
			barriers: form.getAll(`barriers-${i}`).filter((v) => typeof v === 'string'),
			barrierNote: str(`barrierNote-${i}`),
			confidence: str(`confidence-${i}`),
			revisedGoal: str(`revisedGoal-${i}`)
		});
		if (parsed.success) answers[item.key] = parsed.data;
		else
			for (const issue of parsed.error.issues)
				errors[`${String(issue.path[0])}-${i}`] ??= issue.message;
	});
	const email = emailSchema.safeParse(str('email').trim());
	if (!email.success) errors.email = email.error.issues[0]!.message;
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		answers,
		consent: {
			shareQuotes: form.get('shareQuotes') === 'yes',
			shareWithTrainer: form.get('shareWithTrainer') === 'yes',
			email: email.data || null
		}
	};
}
