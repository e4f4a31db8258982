import type { Band } from './profile';
import type { Dimension } from './statements';

/** Every point of the agreement scale has a visible label, not just the two ends. */
export const SCALE = [
	{ value: 1, label: 'Strongly disagree' },
	{ value: 2, label: 'Disagree' },
	{ value: 3, label: 'Neither' },
	{ value: 4, label: 'Agree' },
	{ value: 5, label: 'Strongly agree' }
] as const;

export const BAND_LABEL: Record<Band, string> = { low: 'Low', middle: 'Middle', high: 'High' };
export const BAND_RANGE: Record<Band, string> = {
	low: 'under 2.5',
	middle: '2.5 to 3.4',
	high: '3.5 or more'
};

/** Okabe–Ito colours, one per dimension; every use also carries the dimension's name as text. */
export const DIMENSION_COLOUR: Record<Dimension, string> = {
	ability: '#0072B2',
	motivation: '#E69F00',
	opportunity: '#009E73'
};

export interface DimensionGuide {
	name: string;
	/** The everyday question the dimension asks. */
	question: string;
	low: string;
	middle: string;
	high: string;
	action: string;
}

/** Our own wording, grounded in the AMO idea that results need capability, drive and the chance to contribute. */
export const GUIDE: Record<Dimension, DimensionGuide> = {
	ability: {
		name: 'Ability',
		question: 'Can they do it?',
		low: 'Gaps in know-how or experience are probably holding results back: the will may be there, but not yet the means.',
		middle:
			'Some capability is in place, with gaps. Look at the statements you rated lowest to find them.',
		high: 'The capability is there. Make sure it is used, and that drive and opportunity keep pace with it.',
		action:
			'Agree one specific skill to build over the next month, and how: shadowing, a short course or coaching from you.'
	},
	motivation: {
		name: 'Motivation',
		question: 'Do they want to?',
		low: 'Effort may be held back: perhaps it goes unnoticed, feels unfairly rewarded or seems to lead nowhere that matters to them.',
		middle: 'Commitment is patchy. Your lowest statements show where it leaks away.',
		high: 'Energy and commitment are there. Keep them by noticing good work and keeping your promises.',
		action:
			'In your next one-to-one, ask what would make the work more worthwhile to them, and recognise one specific piece of good work this week.'
	},
	opportunity: {
		name: 'Opportunity',
		question: 'Does the work let them?',
		low: 'Able, willing people may be blocked by a lack of time, tools, information or say in how the work is done.',
		middle:
			'The conditions help in some ways and hinder in others. Your lowest statements point to the obstacles.',
		high: 'The way work is set up lets people contribute. Protect that when workloads or priorities change.',
		action:
			'Ask what most gets in the way of their best work, then remove one obstacle or hand over one decision they can make themselves.'
	}
};

export const REMINDER =
	'Performance needs all three together. A very low score in any one of them holds back the whole, however strong the other two are.';
