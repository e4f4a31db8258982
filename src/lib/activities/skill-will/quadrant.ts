/**
 * Skill and will are placed on 1–10 sliders. Above 5 is high (6–10), 5 or less is low (1–5): an even
 * split of the ten points, so the middle of the slider never sits on a boundary by accident.
 */
export const SCALE_MIN = 1;
export const SCALE_MAX = 10;
export const HIGH_ABOVE = 5;

export const QUADRANTS = ['direct', 'guide', 'excite', 'delegate'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export function quadrantOf(skill: number, will: number): Quadrant {
	const highSkill = skill > HIGH_ABOVE;
	const highWill = will > HIGH_ABOVE;
	if (highSkill) return highWill ? 'delegate' : 'excite';
	return highWill ? 'guide' : 'direct';
}

export interface QuadrantGuide {
	name: string;
	/** "Low skill, low will": the quadrant in words, so no one needs the chart to read it. */
	where: string;
	response: string;
	/** Okabe–Ito, paired with the name wherever it is used. */
	colour: string;
}

/** Our own wording of the manager's response in each quadrant (after Landsberg's skill/will matrix). */
export const QUADRANT_GUIDE: Record<Quadrant, QuadrantGuide> = {
	direct: {
		name: 'Direct',
		where: 'Low skill, low will',
		response:
			'Give clear instructions and a simple structure, with short deadlines and frequent check-ins. ' +
			'Build skill step by step and praise progress, so the will grows with it.',
		colour: '#D55E00'
	},
	guide: {
		name: 'Guide',
		where: 'Low skill, high will',
		response:
			'Invest your time: coach, train and explain early on. Make it safe to try and get things wrong, and step back as progress shows.',
		colour: '#0072B2'
	},
	excite: {
		name: 'Excite',
		where: 'High skill, low will',
		response:
			'Find out why the drive for this task is low and what does motivate them. Involve them, link the task to what they care about, and keep feedback regular.',
		colour: '#CC79A7'
	},
	delegate: {
		name: 'Delegate',
		where: 'High skill, high will',
		response:
			'Hand the task over with the freedom to do it their way. Agree the outcome, offer stretch, and resist checking in too often.',
		colour: '#009E73'
	}
};

export const PER_TASK_NOTE =
	'Skill and will describe someone on this task, not a fixed label for the person.';
