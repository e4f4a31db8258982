import { freeze } from '$lib/shared/patch';
/** The three AMO dimensions, in the order phones and the projector show them. */
export const DIMENSIONS = ['ability', 'motivation', 'opportunity'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Statement ids are the dimension's letter plus a 1-based position: a1…a6, m1…m6, o1…o6. */
const LETTER: Record<Dimension, string> = { ability: 'a', motivation: 'm', opportunity: 'o' };
export const STATEMENT_ID = /^[amo][1-6]$/;

export const MIN_STATEMENTS = 4;
export const MAX_STATEMENTS = 6;

/**
 * Our own items, written for this app (the trainer's handout is not ours to ship). "They" reads
 * naturally for one person or a whole team, so one set serves both subjects.
 */
export const DEFAULT_STATEMENTS: Record<Dimension, readonly string[]> = {
	ability: [
		'They have the knowledge and skills their current work needs.',
		'They know clearly what good work looks like in their role.',
		'They had a proper start in the role and useful development since.',
		'They have enough experience to take on new or unfamiliar tasks.',
		'When something goes wrong, they know how to put it right.'
	],
	motivation: [
		'They feel their effort is noticed and appreciated.',
		'They think the way they are rewarded is fair.',
		'They can see how their effort leads to outcomes they care about.',
		'They find their work worthwhile.',
		'They trust their manager to treat them fairly and honestly.'
	],
	opportunity: [
		'They have the time, tools and information to do the job well.',
		'They have enough freedom to decide how they do their work.',
		'They are asked for their views before decisions that affect them.',
		'Their ideas and suggestions are listened to and acted on.',
		'The way work is organised helps them rather than gets in their way.'
	]
};

export interface Statement {
	id: string;
	dimension: Dimension;
	text: string;
}

export function statementId(dimension: Dimension, index: number): string {
	return `${LETTER[dimension]}${index + 1}`;
}

/** Every statement of a config, flattened in display order. */
const listed = new WeakMap<object, Statement[]>();

/** Built once per run's config and shared (every view of every phone reads it): never change it. */
export function listStatements(statements: Record<Dimension, readonly string[]>): Statement[] {
	let list = listed.get(statements);
	if (!list) {
		list = DIMENSIONS.flatMap((dimension) =>
			statements[dimension].map((text, i) => ({ id: statementId(dimension, i), dimension, text }))
		);
		// Frozen: every phone's view holds this same list, so the diff against the last view sent skips it.
		list = freeze(list);
		listed.set(statements, list);
	}
	return list;
}
