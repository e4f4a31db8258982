/**
 * The SMART coach: plain rules over the goal's words, run on the phone as the participant types and
 * again for the projector's pass rates. No external service, no zod, so the phone's bundle stays
 * small. It advises only: nothing here ever stops a goal being submitted. Its agreement with a
 * person's verdicts is measured on the corpus in tests/unit/smart-corpus.ts (see the README).
 */

import type { GoalType } from './schema';
import {
	ACTION_PHRASES,
	ACTION_VERBS,
	COMPLETIONS,
	DEADLINES,
	FEELINGS_ONLY,
	FREQUENCIES,
	IDENTIFIERS,
	IRREGULAR,
	KNOW_PHRASES,
	NAMED_AIMS,
	NUMBER_WORDS,
	ORG_OWNERS,
	PERFECTION,
	PURPOSE_MARKERS,
	STOP,
	UNIVERSALS,
	VAGUE_AMOUNTS,
	VAGUE_PHRASES,
	VAGUE_TIMES,
	WEAK_VERBS
} from './smart-words';

export const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_NAME: Record<Criterion, { letter: string; name: string; question: string }> =
	{
		specific: {
			letter: 'S',
			name: 'Specific',
			question: 'Is it clear what will be done, to what?'
		},
		measurable: { letter: 'M', name: 'Measurable', question: 'Will you both know when it is met?' },
		achievable: { letter: 'A', name: 'Achievable', question: 'Can this person really do it?' },
		relevant: {
			letter: 'R',
			name: 'Relevant',
			question: 'Does it serve the team or the organisation?'
		},
		timeBound: { letter: 'T', name: 'Time-bound', question: 'Is there a deadline or a period?' }
	};

export interface Check {
	criterion: Criterion;
	pass: boolean;
	/** A sentence the participant can read and act on. */
	reason: string;
}

export type Checks = Record<Criterion, boolean>;

const words = (text: string): string[] =>
	text.toLowerCase().match(/[a-z0-9]+(?:['’-][a-z0-9]+)*/g) ?? [];

/** Lower case, curly quotes straightened, so one pattern fits both. */
const norm = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'");

/**
 * A phrase the rules found in the lower-cased text, as the participant typed it ("end of June", not
 * "end of june"): their own words are quoted back. The phrase's words in order, with any spacing or
 * punctuation between them; the found phrase itself when the text has no such run (it never should).
 */
function asTyped(text: string, found: string): string {
	const parts = found
		.trim()
		.split(/\s+/)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘]"));
	// Whole words only: "may" is not quoted from "dismay".
	const edge = (c: string | undefined) => (/[a-z0-9]/i.test(c ?? '') ? '(?<![a-z0-9])' : '');
	const tail = (c: string | undefined) => (/[a-z0-9]/i.test(c ?? '') ? '(?![a-z0-9])' : '');
	const source = edge(parts[0]?.[0]) + parts.join('[^a-z0-9]+') + tail(parts.at(-1)?.at(-1));
	const m = new RegExp(source, 'i').exec(text);
	return m ? m[0] : found.trim();
}

function firstMatch(text: string, patterns: RegExp[]): string | null {
	for (const p of patterns) {
		const m = p.exec(text);
		if (m) return m[0];
	}
	return null;
}

/** The text before the goal says why ("so that…"): the action itself. */
const mainClause = (lower: string) => {
	const m = PURPOSE_MARKERS.exec(lower);
	return m ? lower.slice(0, m.index) : lower;
};

const fail = (criterion: Criterion, reason: string): Check => ({ criterion, pass: false, reason });
const pass = (criterion: Criterion, reason: string): Check => ({ criterion, pass: true, reason });

// ---------------------------------------------------------------- Time-bound

function withoutDeadlines(lower: string): string {
	let out = lower;
	for (const p of DEADLINES) out = out.replace(new RegExp(p.source, 'g'), ' ');
	return out;
}

export function checkTimeBound(text: string): Check {
	const lower = norm(text);
	const found = firstMatch(lower, DEADLINES);
	if (found) return pass('timeBound', `It has a date or a deadline: "${asTyped(text, found)}".`);
	const often = firstMatch(lower, FREQUENCIES);
	if (often)
		return fail(
			'timeBound',
			`"${asTyped(text, often)}" says how often, not by when. Add a date or a deadline too, like "until the end of June" or "by 30 September".`
		);
	const vague = VAGUE_TIMES.exec(lower)?.[0];
	if (vague)
		return fail(
			'timeBound',
			`"${asTyped(text, vague)}" is not a date. Say by when, like "by 30 June" or "within six weeks".`
		);
	return fail(
		'timeBound',
		'No deadline or period yet. Add one, like "by 30 June", "within six weeks" or "by the end of Q2".'
	);
}

// ---------------------------------------------------------------- Measurable

const NUMBER_TOKEN = new RegExp(`^(?:\\d[\\d,.]*(?:-[a-z]+)?|${NUMBER_WORDS})$`);

/** Quantities a person can check: a percentage, money, a change from one figure to another. */
const AMOUNTS: RegExp[] = [
	/\d+(?:\.\d+)?\s*(?:%|per ?cent\b)/,
	/[£$€]\s?\d[\d,.]*\s*(?:k|m|bn)?\b/,
	new RegExp(
		`\\bfrom\\s+(?:\\d[\\d,.]*|${NUMBER_WORDS})\\b[^.]{0,40}?\\bto\\s+(?:under\\s+|below\\s+|over\\s+|above\\s+)?(?:\\d|${NUMBER_WORDS})`
	),
	new RegExp(
		'\\b(?:at least|at most|no more than|fewer than|less than|more than|under|below|over|above|up to|within)\\s+' +
			`(?:\\d|${NUMBER_WORDS}\\b|an? (?:hour|day|week|minute)\\b)`
	),
	/\b(?:by half|halve|halved|double|doubled|twice|triple|zero|none)\b/
];

/** A number that counts something, with the word before it not making it a name ("Level 3"). */
function countedNumber(rest: string): { found: string | null; stray: string | null } {
	const list = words(rest);
	let stray: string | null = null;
	for (let i = 0; i < list.length; i++) {
		const w = list[i]!;
		if (!NUMBER_TOKEN.test(w)) continue;
		const before = list[i - 1] ?? '';
		if (IDENTIFIERS.has(before) || (w === 'one' && (before === 'no' || list[i + 1] === 'of'))) {
			stray ??= `${before} ${w}`;
			continue;
		}
		const next = list[i + 1];
		if (!next && /^\d/.test(w)) {
			stray ??= w;
			continue;
		}
		return { found: next ? `${w} ${next}` : w, stray };
	}
	return { found: null, stray };
}

export function checkMeasurable(text: string): Check {
	const lower = norm(text);
	// A date is not a measure: "by 30 June" says when, not how much.
	const rest = withoutDeadlines(lower);
	const counted = countedNumber(rest);
	const found =
		firstMatch(rest, AMOUNTS) ??
		counted.found ??
		firstMatch(rest, COMPLETIONS) ??
		firstMatch(rest, KNOW_PHRASES) ??
		firstMatch(rest, FREQUENCIES) ??
		UNIVERSALS.exec(mainClause(rest))?.[0] ??
		null;
	if (found && !checkSpecific(text).pass)
		return fail(
			'measurable',
			`"${asTyped(text, found)}" counts something, but what is being done is still vague. Name the action first, then what you will count.`
		);
	if (found) return pass('measurable', `There is something to check: "${asTyped(text, found)}".`);
	const vague = VAGUE_AMOUNTS.exec(rest)?.[0];
	if (vague)
		return fail(
			'measurable',
			`"${asTyped(text, vague)}" is not a number: say how many or how much, e.g. "three", "from 12 to 5".`
		);
	if (counted.stray)
		return fail(
			'measurable',
			`"${asTyped(text, counted.stray)}" names something; it is not a measure. Add how many, how much or how well.`
		);
	if (/\bcomplet(?:e|es|ed|ing)\b/.test(rest))
		return fail(
			'measurable',
			'Finishing says it happened, not what changed. Add what will show it, e.g. "pass its assessment" or "run two reviews with it".'
		);
	return fail(
		'measurable',
		'Nothing to measure yet. Add a number or a target ("from 12 to 5 complaints"), or say how you will both know it is done.'
	);
}

// ---------------------------------------------------------------- Achievable

export const ACHIEVABLE_PASS = 3;

/**
 * The writer's own rating decides, with two exceptions: a stretch goal is meant to be hard, so a
 * low rating is expected; and a demand for perfection in behaviour is not achievable whatever
 * the rating.
 */
export function checkAchievable(
	rating: number | null,
	goalType: GoalType | null = null,
	text = ''
): Check {
	// Read where no rating control is at hand too (a sent goal, the projector, the evidence pack):
	// the writing step asks for the rating in its own words (Coach's `rateHint`).
	if (rating === null) return fail('achievable', 'Not rated for how achievable it is (1 to 5).');
	if (goalType === 'stretch')
		return pass(
			'achievable',
			`A stretch goal is meant to be hard (you rated it ${rating} of 5). Agree what "most of the way" looks like, so falling short still counts.`
		);
	// Only in what the person must do: "so that callers always get an answer" is an aim, not a demand.
	const perfect = PERFECTION.exec(mainClause(norm(text)))?.[0];
	if (perfect)
		return fail(
			'achievable',
			`"${asTyped(text, perfect)}" leaves no room for a bad day. Agree a level this person can really reach, e.g. "in 9 of 10 one-to-ones".`
		);
	return rating >= ACHIEVABLE_PASS
		? pass('achievable', `You rated it ${rating} of 5: you expect it can be done.`)
		: fail(
				'achievable',
				`You rated it ${rating} of 5. Think about a smaller step, more support or more time.`
			);
}

// ---------------------------------------------------------------- Relevant

export function checkRelevant(text: string): Check {
	const lower = norm(text);
	const m = PURPOSE_MARKERS.exec(lower);
	const after = m ? lower.slice(m.index + m[0].length).trim() : '';
	if (m && after && !FEELINGS_ONLY.test(after)) {
		const said = `${m[0]} ${after.split(/\s+/).slice(0, 6).join(' ')}`.replace(/[.,;]+$/, '');
		return pass('relevant', `It says why it matters: "${asTyped(text, said)}".`);
	}
	const owner = ORG_OWNERS.exec(lower)?.[0] ?? NAMED_AIMS.exec(lower)?.[0];
	if (owner)
		return pass('relevant', `It serves an aim of the organisation: "${asTyped(text, owner)}".`);
	if (m)
		return fail(
			'relevant',
			'People being happy is not an aim of the team or the organisation. ' +
				'Say which one it serves, e.g. "so that complaints are answered within our service standard".'
		);
	if (/\bteams?\b/.test(lower))
		return fail(
			'relevant',
			'Naming the team is not yet a link to its aims. Say why it matters, e.g. "so that the team meets its Q3 target" or "to support the service plan".'
		);
	return fail(
		'relevant',
		'No link to the team or the organisation yet. Say why it matters, e.g. "so that customers…" or "to support our team objective…".'
	);
}

// ---------------------------------------------------------------- Specific

function forms(base: string): string[] {
	const stem = base.endsWith('e') ? base.slice(0, -1) : base;
	const last = base.at(-1) ?? '';
	const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(base) ? base + last : base;
	return [
		base,
		`${base}s`,
		`${base}es`,
		`${stem}ed`,
		`${stem}ing`,
		`${doubled}ed`,
		`${doubled}ing`,
		base.endsWith('y') ? `${base.slice(0, -1)}ies` : base
	];
}

const VERB_FORMS = new Set([...ACTION_VERBS.flatMap(forms), ...IRREGULAR]);
const WEAK_FORMS = new Set(WEAK_VERBS.flatMap(forms));

export const SPECIFIC_MIN_WORDS = 2;

export function checkSpecific(text: string): Check {
	const list = words(text);
	if (list.length < SPECIFIC_MIN_WORDS)
		return fail('specific', 'Too short to be specific yet: say what will be done, to what.');
	const main = mainClause(norm(text));
	const vaguePhrase = firstMatch(main, VAGUE_PHRASES);
	const phrase = vaguePhrase ? null : firstMatch(main, ACTION_PHRASES);
	if (phrase) return pass('specific', `It names an action: "${asTyped(text, phrase)}".`);
	if (!vaguePhrase) {
		for (let i = 0; i < list.length; i++) {
			if (!VERB_FORMS.has(list[i]!)) continue;
			// The object: a real word soon after the verb ("reduce the backlog", "run two team briefings").
			const object = list
				.slice(i + 1, i + 5)
				.find((w) => w.length >= 3 && !STOP.has(w) && !WEAK_FORMS.has(w) && !/^\d/.test(w));
			if (object)
				return pass(
					'specific',
					`It names an action and what it acts on: "${asTyped(text, list[i]!)} … ${asTyped(text, object)}".`
				);
		}
	}
	const vague = vaguePhrase ?? list.find((w) => WEAK_FORMS.has(w));
	return fail(
		'specific',
		vague
			? `"${asTyped(text, vague)}" is vague. Name the action and what it acts on, e.g. "answer every customer email", "run a weekly stand-up".`
			: 'Name a concrete action and what it acts on, e.g. "reduce the open tickets", "complete the safety course".'
	);
}

// ---------------------------------------------------------------- All five

/** The five checks, in S-M-A-R-T order. */
export function coach(
	text: string,
	achievable: number | null,
	goalType: GoalType | null = null
): Check[] {
	return [
		checkSpecific(text),
		checkMeasurable(text),
		checkAchievable(achievable, goalType, text),
		checkRelevant(text),
		checkTimeBound(text)
	];
}

export function passes(
	text: string,
	achievable: number | null,
	goalType: GoalType | null = null
): Checks {
	const out = {} as Checks;
	for (const c of coach(text, achievable, goalType)) out[c.criterion] = c.pass;
	return out;
}

/** Each letter's reason in words, for screens that show why (the projector's spotlight, exports). */
export function reasons(
	text: string,
	achievable: number | null,
	goalType: GoalType | null = null
): Record<Criterion, string> {
	const out = {} as Record<Criterion, string>;
	for (const c of coach(text, achievable, goalType)) out[c.criterion] = c.reason;
	return out;
}
