/** The pyramid's fixed shape and vocabulary, shared by the schemas, the reducer and both views. */

export const STEP_COUNT = 5;
/** Steps are 0–4 on the wire and in state; people see them as 1–5. */
export type Step = 0 | 1 | 2 | 3 | 4;

/**
 * Two readings of the five steps (domain brief A1). Our own short wording: a projector band and
 * a phone button must hold the label on one or two lines.
 */
export const PRESETS = {
	cascade: [
		'Direction and strategy',
		'Organisation-wide plan',
		'Department and team plans',
		'Individual objectives and development',
		'Monitoring, review and feedback'
	],
	cycle: [
		'Plan and set expectations',
		'Monitor progress',
		'Develop capability',
		'Rate performance',
		'Reward and recognise'
	]
} as const satisfies Record<string, readonly string[]>;
export type Preset = keyof typeof PRESETS;

export const TAGS = ['works-well', 'patchy', 'missing'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_LABEL: Record<Tag, string> = {
	'works-well': 'Works well',
	patchy: 'Patchy',
	missing: 'Missing'
};
/** A shape as well as a word and a colour, so a tag reads on a washed-out projector and to colour-blind eyes. */
export const TAG_SYMBOL: Record<Tag, string> = { 'works-well': '✓', patchy: '◐', missing: '✗' };

export const STRENGTHS = ['strong', 'weak', 'none'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const STRENGTH_LABEL: Record<Strength, string> = {
	strong: 'Strong',
	weak: 'Weak',
	none: 'None'
};

export const CARD_TEXT_MAX = 60;
/** Enough for any real organisation; stops a stuck button or a prank from flooding the projector. */
export const MAX_CARDS_PER_GROUP = 60;

/**
 * Links between neighbouring steps: four down the pyramid (1→2 … 4→5). The cycle preset adds a
 * fifth, 5→1, because a cycle's last step (reward) feeds the next round's planning.
 */
export const linkCount = (preset: Preset) => (preset === 'cycle' ? STEP_COUNT : STEP_COUNT - 1);
/** The step a link leads to: the next one, or step 1 for the cycle's closing link. */
export const linkTo = (from: number) => (from + 1) % STEP_COUNT;
/** "4→5", or "5→1" for the cycle's closing link. */
export const linkName = (from: number) => `${from + 1}→${linkTo(from) + 1}`;

/** "Step 3" for people; steps are 0-based inside. */
export const stepName = (step: number) => `Step ${step + 1}`;
