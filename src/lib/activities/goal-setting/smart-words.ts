/**
 * The SMART coach's vocabulary: word lists and patterns over lower-cased text, kept apart from the
 * rules in smart.ts so each can be read on its own. Every pattern is tested through the corpus in
 * tests/unit/smart-corpus.ts.
 */

export const MONTHS =
	'january|february|march|april|june|july|august|september|october|november|december|' +
	'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const SEASONS = 'spring|summer|autumn|winter|christmas|easter|new year';
/** Counts a period can have. "A few" and "several" are left out: "within a few weeks" is no deadline. */
const PERIOD_COUNTS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of';
const UNITS = 'days?|weeks?|months?|quarters?|years?|fortnights?|working days?|terms?';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
const ORDINAL_WORDS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last';

/** Dates, deadlines and bounded periods. A frequency ("weekly") is not among them. */
export const DEADLINES: RegExp[] = [
	// 30/6, 30/06/2026, 30.06.2026, 2026-06-30 (a dotted date needs its year: "4.5 stars" is no date)
	/\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
	/\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/,
	/\b\d{4}-\d{2}-\d{2}\b/,
	// 30 June, 1st of March, June 30th
	new RegExp(`\\b${ORDINAL}\\s+(?:of\\s+)?(?:${MONTHS}|may)\\b`),
	new RegExp(`\\b(?:${MONTHS})\\s+${ORDINAL}\\b`),
	// a month after a time word ("by March", "in September", "end of June", "from April", "by the
	// June close"); "may" only in this company, so "I may try" is not a date
	new RegExp(
		`\\b(?:by|in|before|until|till|during|from|starting|end of|start of|mid|mid-)\\s+(?:the\\s+)?(?:${MONTHS}|may)\\b`
	),
	new RegExp(`\\b(?:${MONTHS})\\s+\\d{4}\\b`),
	// one named day: "by Friday", "on Tuesday" (but "on Sundays" and "every Monday" are frequencies)
	new RegExp(`\\b(?:by|on|before|until|till|next|this|from)\\s+(?:${WEEKDAYS})\\b(?!s)`),
	new RegExp(
		`\\b(?:by|before|until|till|for|in time for)\\s+(?:next\\s+|this\\s+|the\\s+)?(?:${SEASONS})\\b`
	),
	// within 6 weeks, in the next three months, for their first three months
	new RegExp(
		`\\b(?:within|in|over|during|for)\\s+(?:the\\s+|their\\s+|my\\s+|our\\s+|his\\s+|her\\s+)?` +
			`(?:next\\s+|first\\s+|coming\\s+|last\\s+)?(?:\\d+|${PERIOD_COUNTS})\\s+(?:${UNITS})\\b`
	),
	new RegExp(
		'\\b(?:within|by the end of|before the end of|by end of|end of|by)\\s+(?:the\\s+|this\\s+|next\\s+)?' +
			`(?:(?:spring|summer|autumn|winter|first|second)\\s+)?` +
			`(?:${UNITS}|q[1-4]|quarter|year|financial year|academic year|half[- ]year|term|semester|period|cycle)\\b`
	),
	// by the fifth working day (of each month): a deadline, even when it recurs
	new RegExp(`\\bby the (?:${ORDINAL_WORDS}|\\d{1,2}(?:st|nd|rd|th)?)\\s+(?:working\\s+)?day\\b`),
	/\b(?:end|start) of q[1-4]\b/,
	/\b(?:by|in|before|during) q[1-4]\b/,
	/\b(?:this|next) (?:week|month|quarter|year|term|semester)\b/,
	/\b(?:year[- ]end|month[- ]end|quarter[- ]end)\b/,
	/\bby (?:tomorrow|tonight|then)\b/,
	// before the next appraisal, by our next one-to-one, before Welcome Week
	/\b(?:by|before) (?:the|our|my|their|his|her) next [a-z0-9-]+/,
	/\bbefore (?:welcome|induction|freshers|fresher's) week\b/,
	/\b(?:in|by|during|before) (?:19|20)\d{2}\b/
];

/** How often, not by when: a frequency alone leaves a goal without an end. */
export const FREQUENCIES: RegExp[] = [
	/\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b/,
	new RegExp(
		`\\b(?:every|each)\\s+(?:day|week|month|quarter|fortnight|year|morning|shift|${WEEKDAYS})\\b`
	),
	new RegExp(`\\bon\\s+(?:${WEEKDAYS})s\\b`)
];

/** Not a deadline either, though people write them as one. */
export const VAGUE_TIMES =
	/\b(?:asap|as soon as possible|soon|ongoing|over time|in due course|going forward|eventually)\b/;

export const NUMBER_WORDS =
	'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';

/** Words before a number that make it a name ("Level 3", "Windows 11", "Ward 7"), not a quantity. */
export const IDENTIFIERS = new Set(
	(
		'level version v phase stage step windows ward room year grade band key section module tier page slide ' +
		'iso office unit area floor building route bus cohort gate platform number no line group table site block ' +
		'wave release sprint term semester covid web industry'
	).split(' ')
);

/** Vague amounts: they say "some", never how many. */
export const VAGUE_AMOUNTS =
	/\b(?:a few|several|some|many|a lot of|lots of|a number of|various|more|fewer|less)\b/;

/** A finish that can be seen and checked; "complete the course" alone is not one. */
export const COMPLETIONS: RegExp[] = [
	new RegExp(
		'\\bpass(?:es|ed|ing)?\\s+(?:the\\s+|their\\s+|its\\s+|his\\s+|her\\s+|my\\s+|an?\\s+)?(?:[a-z-]+\\s+){0,2}' +
			'(?:assessment|exam|examination|test|audit|inspection|probation|assignment|module|course)s?\\b'
	),
	/\bsigned[- ]off\b|\bsign[- ]off\b|\bsigns off\b/,
	/\bapproved by\b/,
	/\b(?:publish|published|publishes|launch|launched|launches|submit|submitted|submits)\b/,
	/\b(?:go|goes|went|is) live\b|\blive by\b/,
	/\b(?:certified|certificate|accredited|accreditation)\b/,
	/\b(?:successfully|successful)\b/
];

/** How we will know: an explicit measure of progress. */
export const KNOW_PHRASES: RegExp[] = [
	/\bhow (?:we|you|i|they) will know\b/,
	/\b(?:we|you|i|they)(?:'ll| will) know\b/,
	/\b(?:measured|shown|evidenced|tracked|checked|confirmed) (?:by|in|through|via|with)\b/,
	/\b(?:hit|hits|meet|meets|reach|reaches|exceed|exceeds)\s+(?:the\s+|its\s+|our\s+|their\s+|my\s+|a\s+)?(?:[a-z-]+\s+){0,3}(?:target|kpi|sla)s?\b/
];

/** Each, every, all of a named thing: a count of 100 %. "Every time" is a promise, not a count. */
export const UNIVERSALS =
	/\b(?:every|each|all)\s+(?!time\b|the time\b|single time\b)(?:of\s+)?(?:the\s+|my\s+|our\s+|their\s+)?[a-z0-9-]{3,}/;

/** Demands of perfection in behaviour: nobody manages them, so they fail "Achievable". */
export const PERFECTION =
	/\b(?:100 ?% of the time|all (?:of )?the time|always|without (?:any )?exception|every single|every time|never again)\b/;

// ---------------------------------------------------------------- Specific

/** Verbs that name an action someone can be seen doing. */
export const ACTION_VERBS = (
	'answer attend audit book build call chair check clear close coach complete create cut deliver design ' +
	'document draft finish greet hold increase interview introduce launch lead learn lower mentor meet observe ' +
	'onboard open organise organize plan practise practice prepare present process produce publish raise read ' +
	'recruit reduce replace reply report resolve respond review run schedule sell send set shadow ship sign ' +
	'solve submit teach test train update upgrade visit write map agree arrive start stop share ask give handle ' +
	'hire implement install migrate negotiate pilot record reach speak log mark book win double halve close ' +
	'call email phone contact let'
).split(' ');
export const IRREGULAR =
	'ran led wrote written held built sold taught met read set sent gave given spoke spoken shadowed won'.split(
		' '
	);

/** Everyday phrases that name an action as clearly as one verb does. */
export const ACTION_PHRASES: RegExp[] = [
	/\btake part in\b/,
	/\bget (?:[a-z']+ ){1,4}done\b/,
	/\bsit (?:on|in)\b/
];

/** Vague verbs: they say which way, not what will be done. */
export const WEAK_VERBS = (
	'improve develop enhance work focus help understand know try be get become do make support look aim consider ' +
	'think want hope continue maintain achieve ensure take strive'
).split(' ');

/** Vague aims in the goal's main clause (before any "so that"): a target of "better" is no action. */
export const VAGUE_PHRASES: RegExp[] = [
	/\bdo (?:my|your|their|his|her|our) best\b/,
	/\bbetter\b/,
	/\b(?:excellent|great|proactive|harder)\b/,
	/\bmore effort\b/,
	/\bas (?:much|soon) as possible\b/,
	/\bwhere possible\b/,
	/\bin general\b/,
	/\bgenerally\b/
];

export const STOP = new Set(
	(
		'the a an to of for and or my our their his her its your all more less with on in at by it them this that ' +
		'up out new how'
	).split(' ')
);

// ---------------------------------------------------------------- Relevant

/** Where a goal says why: what follows is its link to an aim (or not). */
export const PURPOSE_MARKERS = new RegExp(
	'\\b(?:so that|so|in order to|as part of|in line with|as required by|aligned (?:with|to)|contributing to|towards|' +
		'to (?:support|help|meet|reach|hit|deliver|protect|serve|enable|promote|keep|contribute|achieve|improve|reduce|cut|raise))\\b'
);

/** A purpose that is only about feelings ("so that everyone is happy") links to no aim. */
export const FEELINGS_ONLY = new RegExp(
	'^(?:that\\s+)?(?:the\\s+|my\\s+|our\\s+)?(?:everyone|everybody|people|team|staff|i|we|they|he|she|colleagues|manager|boss)' +
		'(?:\\s+\\w+){0,2}\\s+(?:is|are|am|feels?|will be|will feel|stays?)\\s+(?:happy|happier|pleased|glad|content|satisfied|impressed)\\b'
);

/** A named aim of the team or the organisation: "our team objective", "the service plan". */
export const NAMED_AIMS = new RegExp(
	'\\b(?:team|our|service|department|business|company|organisation|organization|regional|annual|strategic|corporate)\\s+' +
		'(?:objectives?|plans?|strateg(?:y|ies)|priorit(?:y|ies)|targets?|okrs?|kpis?)\\b'
);

/** Parts of an organisation whose own aim a goal can name without a "so that". */
export const ORG_OWNERS =
	/\b(?:department|faculty|school|university|trust|council|company|organisation|organization|division|directorate|service|ward|store|board)['’]s\b/;
