/** The two shapes a rewrite can take (domain brief §B4), each in three parts. Our own wording. */
export const FORMS = ['sbi', 'ata'] as const;
export type Form = (typeof FORMS)[number];

export const FORM_LABEL: Record<Form, string> = {
	sbi: 'Situation – Behaviour – Impact',
	ata: 'Ask – Tell – Ask'
};

export const PART_LABEL: Record<Form, [string, string, string]> = {
	sbi: ['Situation', 'Behaviour', 'Impact'],
	ata: ['Ask', 'Tell', 'Ask again']
};

export const PART_HINT: Record<Form, [string, string, string]> = {
	sbi: [
		'One specific occasion: when and where.',
		'What they said or did, as a camera would have recorded it.',
		'The effect it had on you, the team or the work.'
	],
	ata: [
		'Your opening question: how do they think it went?',
		'What you saw, specifically, including what went well.',
		'Your closing question: what will they do next, and what help do they need?'
	]
};

export const PART_MAX = 300;
