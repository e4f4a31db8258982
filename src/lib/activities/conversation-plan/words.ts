import { FIELD_HINT, type Field } from '../conversation-cards/words';

/** The two plans of seed 003's Session B: an improvement conversation and a challenging one. */
export const MODES = ['improvement', 'challenging'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABEL: Record<Mode, string> = {
	improvement: 'Plan an improvement conversation',
	challenging: 'Plan a challenging conversation'
};

export const SITUATION_HINT: Record<Mode, string> = {
	improvement:
		'A real situation from your work where someone’s performance needs to improve. A line or two; no names.',
	challenging:
		'A real conversation you are putting off or expect to be hard: a complaint, a behaviour, a setback. No names.'
};

/** Where the two plans differ from the cards' hints; the other parts keep the cards' wording. */
export const HINT_OVERRIDES: Record<Mode, Partial<Record<Field, string>>> = {
	improvement: {
		actions:
			'The standard expected, the support you will give, how progress will be measured, and by when.'
	},
	challenging: {
		open: 'Your first sentence: the purpose, calmly and briefly. Expect a reaction and plan how you will respond.',
		cause:
			'Questions to hear their side; how you will acknowledge feelings without losing the point.'
	}
};

export const hintFor = (mode: Mode, field: Field) =>
	HINT_OVERRIDES[mode][field] ?? FIELD_HINT[field];

export const SITUATION_MAX = 400;
