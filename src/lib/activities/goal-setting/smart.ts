/**
 * The SMART coach: plain rules over the goal's words, run on the phone as the participant types and
 * again for the projector's pass rates. No external service, no zod, so the phone's bundle stays
 * small. It advises only: nothing here ever stops a goal being submitted.
 */

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

// ---------------------------------------------------------------- Time-bound

const MONTHS =
	'january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const NUMBER_WORDS =
	'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several';
const UNITS = 'days?|weeks?|months?|quarters?|years?|fortnights?|working days?';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';

/** Deadlines and periods, each a regular expression over the lower-cased text. */
const TIME_PATTERNS: RegExp[] = [
	// 30/6, 30/06/2026, 2026-06-30
	/\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b/,
	/\b\d{4}-\d{2}-\d{2}\b/,
	// 30 June, 1st of March, June 30th
	new RegExp(`\\b${ORDINAL}\\s+(?:of\\s+)?(?:${MONTHS})\\b`),
	new RegExp(`\\b(?:${MONTHS})\\s+${ORDINAL}\\b`),
	// a month named on its own after a time word ("by March", "in September", "end of June");
	// "may" only in these company, so "I may try" is not a date
	new RegExp(
		`\\b(?:by|in|before|until|till|during|end of|start of|mid|mid-)\\s+(?:${MONTHS}|may)\\b`
	),
	new RegExp(`\\b(?:${MONTHS})\\s+\\d{4}\\b`),
	new RegExp(`\\b(?:${WEEKDAYS})\\b`),
	// within 6 weeks, in the next three months, over the next 2 quarters, in 10 working days
	new RegExp(
		`\\b(?:within|in|over|during)\\s+(?:the\\s+)?(?:next\\s+)?(?:\\d+|${NUMBER_WORDS})\\s+(?:${UNITS})\\b`
	),
	new RegExp(
		`\\b(?:within|by the end of|before the end of|by end of|end of|by)\\s+(?:the\\s+|this\\s+|next\\s+)?(?:${UNITS}|q[1-4]|quarter|year|financial year|half|term|period)\\b`
	),
	/\b(?:end|start) of q[1-4]\b/,
	/\b(?:by|in|before|during) q[1-4]\b/,
	/\b(?:this|next) (?:week|month|quarter|year|term)\b/,
	/\b(?:year[- ]end|month[- ]end|quarter[- ]end)\b/,
	// by tomorrow, by the next one-to-one, before the next appraisal
	/\bby (?:tomorrow|tonight|then)\b/,
	/\b(?:by|before) (?:the|our|my|their|his|her) next [a-z0-9-]+/,
	/\b(?:in|by|during|before) (?:19|20)\d{2}\b/,
	/\b(?:daily|weekly|fortnightly|monthly|quarterly|annually)\b/,
	/\bevery (?:day|week|month|quarter|fortnight)\b/
];

function firstMatch(text: string, patterns: RegExp[]): string | null {
	for (const p of patterns) {
		const m = p.exec(text);
		if (m) return m[0];
	}
	return null;
}

function withoutTimes(lower: string): string {
	let out = lower;
	for (const p of TIME_PATTERNS) out = out.replace(new RegExp(p.source, 'g'), ' ');
	return out;
}

export function checkTimeBound(text: string): Check {
	const found = firstMatch(text.toLowerCase(), TIME_PATTERNS);
	return found
		? { criterion: 'timeBound', pass: true, reason: `It has a time frame: "${found}".` }
		: {
				criterion: 'timeBound',
				pass: false,
				reason:
					'No deadline or period yet. Add one, like "by 30 June", "within six weeks" or "by the end of Q2".'
			};
}

// ---------------------------------------------------------------- Measurable

const MEASURE_PHRASES: RegExp[] = [
	/\bhow (?:we|you|i|they) will know\b/,
	/\b(?:we|you|i|they)(?:'ll| will) know\b/,
	/\b(?:measured|shown|evidenced|tracked|checked|confirmed|judged|assessed) (?:by|in|through|via|with)\b/,
	/\b(?:target|score|rating|percent|per cent|kpi|baseline|benchmark)s?\b/,
	/\b(?:at least|no more than|fewer than|less than|more than|up to|at most|zero|none|every|each|all|half|twice|double|triple)\b/,
	new RegExp(`\\b(?:${NUMBER_WORDS})\\b`)
];

export function checkMeasurable(text: string): Check {
	// A date is not a measure: "by 30 June" says when, not how much.
	const rest = withoutTimes(text.toLowerCase());
	const number = /\d/.exec(rest) ? (/\d[\d,.]*\s*%?/.exec(rest)?.[0].trim() ?? null) : null;
	const found = number ?? firstMatch(rest, MEASURE_PHRASES);
	return found
		? { criterion: 'measurable', pass: true, reason: `There is something to measure: "${found}".` }
		: {
				criterion: 'measurable',
				pass: false,
				reason:
					'Nothing to measure yet. Add a number or a target ("from 12 to 5 complaints"), or say how you will both know it is done.'
			};
}

// ---------------------------------------------------------------- Achievable

export const ACHIEVABLE_PASS = 3;

export function checkAchievable(rating: number | null): Check {
	if (rating === null) {
		return {
			criterion: 'achievable',
			pass: false,
			reason: 'Rate how achievable it is, from 1 to 5, below the goal.'
		};
	}
	return rating >= ACHIEVABLE_PASS
		? {
				criterion: 'achievable',
				pass: true,
				reason: `You rated it ${rating} of 5: you expect it can be done.`
			}
		: {
				criterion: 'achievable',
				pass: false,
				reason: `You rated it ${rating} of 5. Think about a smaller step, more support or more time.`
			};
}

// ---------------------------------------------------------------- Relevant

const LINK_PHRASES: RegExp[] = [
	/\bso (?:that|we|the|our|they|customers)\b/,
	/\bin order to\b/,
	/\bto (?:support|help|meet|reach|hit|contribute|deliver|protect|serve|enable)\b/,
	/\b(?:which|this|that) (?:supports|helps|contributes|will help|will support)\b/,
	/\b(?:as part of|in line with|aligned (?:with|to)|contributing to|towards|because)\b/,
	/\b(?:team|teams|department|organisation|organization|company|business|service|objective|objectives|strategy|priority|priorities|okr|mission|customers?|clients?|patients?|service users?|stakeholders?|colleagues|residents|pupils|students)\b/
];

export function checkRelevant(text: string): Check {
	const found = firstMatch(text.toLowerCase(), LINK_PHRASES);
	return found
		? { criterion: 'relevant', pass: true, reason: `It links to the bigger picture: "${found}".` }
		: {
				criterion: 'relevant',
				pass: false,
				reason:
					'No link to the team or the organisation yet. Say why it matters, e.g. "so that customers…" or "to support our team objective…".'
			};
}

// ---------------------------------------------------------------- Specific

/** Verbs that name an action someone can be seen doing. */
const ACTION_VERBS = [
	'answer',
	'attend',
	'book',
	'build',
	'call',
	'chair',
	'check',
	'clear',
	'close',
	'coach',
	'complete',
	'create',
	'cut',
	'deliver',
	'design',
	'document',
	'draft',
	'finish',
	'hold',
	'increase',
	'interview',
	'introduce',
	'launch',
	'lead',
	'learn',
	'lower',
	'mentor',
	'meet',
	'observe',
	'onboard',
	'open',
	'organise',
	'organize',
	'plan',
	'practise',
	'practice',
	'prepare',
	'present',
	'process',
	'produce',
	'publish',
	'raise',
	'read',
	'recruit',
	'reduce',
	'replace',
	'reply',
	'report',
	'resolve',
	'respond',
	'review',
	'run',
	'schedule',
	'sell',
	'send',
	'set',
	'shadow',
	'ship',
	'sign',
	'solve',
	'submit',
	'teach',
	'test',
	'train',
	'update',
	'visit',
	'write',
	'map',
	'agree',
	'arrive',
	'start',
	'stop',
	'share',
	'try out',
	'ask',
	'give',
	'handle',
	'hire',
	'implement',
	'install',
	'migrate',
	'negotiate',
	'pilot',
	'record',
	'reach',
	'speak'
];
const IRREGULAR = [
	'ran',
	'led',
	'wrote',
	'written',
	'held',
	'built',
	'sold',
	'taught',
	'met',
	'read',
	'set',
	'sent',
	'gave',
	'given',
	'spoke',
	'spoken',
	'shadowed'
];

/** Vague verbs: they say which way, not what will be done. */
const WEAK_VERBS = [
	'improve',
	'develop',
	'enhance',
	'work',
	'focus',
	'help',
	'understand',
	'know',
	'try',
	'be',
	'get',
	'become',
	'do',
	'make',
	'support',
	'look',
	'aim',
	'consider',
	'think',
	'want',
	'hope',
	'continue',
	'maintain'
];

const VAGUE_PHRASES: RegExp[] = [
	/\bdo (?:my|your|their|his|her|our) best\b/,
	/\bbetter\b/,
	/\bmore effort\b/,
	/\bas (?:much|soon) as possible\b/,
	/\bwhere possible\b/,
	/\bin general\b/,
	/\bgenerally\b/
];

const STOP = new Set([
	'the',
	'a',
	'an',
	'to',
	'of',
	'for',
	'and',
	'or',
	'my',
	'our',
	'their',
	'his',
	'her',
	'its',
	'your',
	'all',
	'more',
	'less',
	'with',
	'on',
	'in',
	'at',
	'by',
	'it',
	'them',
	'this',
	'that',
	'up',
	'out',
	'new'
]);

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

const VERB_FORMS = new Set([
	...ACTION_VERBS.filter((v) => !v.includes(' ')).flatMap(forms),
	...IRREGULAR
]);
const WEAK_FORMS = new Set(WEAK_VERBS.flatMap(forms));

export const SPECIFIC_MIN_WORDS = 5;

export function checkSpecific(text: string): Check {
	const list = words(text);
	if (list.length < SPECIFIC_MIN_WORDS) {
		return {
			criterion: 'specific',
			pass: false,
			reason: `Too short to be specific yet: say what will be done, to what (at least ${SPECIFIC_MIN_WORDS} words).`
		};
	}
	for (let i = 0; i < list.length; i++) {
		if (!VERB_FORMS.has(list[i]!)) continue;
		// The object: a real word soon after the verb ("reduce the backlog", "run two team briefings").
		const object = list
			.slice(i + 1, i + 5)
			.find((w) => w.length >= 3 && !STOP.has(w) && !WEAK_FORMS.has(w) && !/^\d/.test(w));
		if (object)
			return {
				criterion: 'specific',
				pass: true,
				reason: `It names an action and what it acts on: "${list[i]} … ${object}".`
			};
	}
	const vague =
		firstMatch(text.toLowerCase(), VAGUE_PHRASES) ?? list.find((w) => WEAK_FORMS.has(w));
	return {
		criterion: 'specific',
		pass: false,
		reason: vague
			? `"${vague}" is vague. Name the action and what it acts on, e.g. "answer every customer email", "run a weekly stand-up".`
			: 'Name a concrete action and what it acts on, e.g. "reduce the open tickets", "complete the safety course".'
	};
}

// ---------------------------------------------------------------- All five

/** The five checks, in S-M-A-R-T order. */
export function coach(text: string, achievable: number | null): Check[] {
	return [
		checkSpecific(text),
		checkMeasurable(text),
		checkAchievable(achievable),
		checkRelevant(text),
		checkTimeBound(text)
	];
}

export function passes(text: string, achievable: number | null): Checks {
	const out = {} as Checks;
	for (const c of coach(text, achievable)) out[c.criterion] = c.pass;
	return out;
}
