/**
 * ILM Level 3 unit 8600-323 "Understanding Performance Management": its learning outcomes and
 * assessment criteria, in our own short wording (see the domain brief, §1). The evidence pack names
 * the criteria each output can support; the learner's assignment is still theirs to write.
 */

export interface Criterion {
	id: string;
	outcome: string;
	text: string;
}

export const OUTCOMES: Record<string, string> = {
	'1': 'Understand why assessing performance matters to the organisation and the individual',
	'2': "Know how to manage the performance of a team's members",
	'3': 'Understand why feedback matters at work',
	'4': 'Know how to deal with underperformance'
};

export const CRITERIA: readonly Criterion[] = [
	{
		id: '1.1',
		outcome: '1',
		text: 'The value of formal and informal performance assessment at work'
	},
	{ id: '1.2', outcome: '1', text: "The first-line manager's part in managing performance" },
	{ id: '2.1', outcome: '2', text: 'Ways to keep formal assessment fair and objective' },
	{ id: '2.2', outcome: '2', text: 'Setting SMART objectives with a team member' },
	{ id: '2.3', outcome: '2', text: 'Setting performance standards for a team member' },
	{ id: '2.4', outcome: '2', text: 'Measuring performance against agreed standards' },
	{ id: '3.1', outcome: '3', text: 'Why feedback matters for improving performance' },
	{ id: '3.2', outcome: '3', text: 'How to give feedback that works' },
	{ id: '4.1', outcome: '4', text: 'Spotting possible areas of underperformance' },
	{ id: '4.2', outcome: '4', text: 'Causes of missing agreed performance levels' },
	{ id: '4.3', outcome: '4', text: 'Actions that bring performance back to an acceptable level' }
];

export const CRITERION_IDS = CRITERIA.map((c) => c.id) as [string, ...string[]];

const byId = new Map(CRITERIA.map((c) => [c.id, c]));

export function criterion(id: string): Criterion | undefined {
	return byId.get(id);
}

/** Criteria in the unit's order, unknown ids dropped, each once. */
export function sortCriteria(ids: readonly string[]): Criterion[] {
	const wanted = new Set(ids);
	return CRITERIA.filter((c) => wanted.has(c.id));
}
