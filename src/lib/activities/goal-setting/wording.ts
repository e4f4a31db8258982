/** Our own default content: fictional people and situations, and when each goal type fits. */

export const GOAL_TYPES = ['performance', 'learning', 'behavioural', 'stretch'] as const;

export const GOAL_TYPE_NAME: Record<(typeof GOAL_TYPES)[number], string> = {
	performance: 'Performance goal',
	learning: 'Learning goal',
	behavioural: 'Behavioural goal',
	stretch: 'Stretch goal'
};

export const DEFAULT_GOAL_TYPES: { type: (typeof GOAL_TYPES)[number]; when: string }[] = [
	{
		type: 'performance',
		when: 'The person already has the skill and the work is familiar: set a clear, challenging result.'
	},
	{
		type: 'learning',
		when: 'The task is new or complex for them: aim at finding and practising ways of doing it, not the result yet.'
	},
	{
		type: 'behavioural',
		when: 'The concern is how they work with others: describe the behaviour you want to see, in observable terms.'
	},
	{
		type: 'stretch',
		when: 'Able, keen and with room to experiment: a bold target where getting most of the way counts as success.'
	}
];

export const DEFAULT_PROMPTS: { name: string; situation: string }[] = [
	{
		name: 'Priya, new starter',
		situation:
			'Joined the customer team three weeks ago. Keen, asks good questions, but still unsure of the case system and often checks every step with a colleague.'
	},
	{
		name: 'Tom, plateaued expert',
		situation:
			'Eight years in the role and very capable. His results have been flat for two years and he turns down new work, saying "that is not how we do it here".'
	},
	{
		name: 'Aisha, rising star',
		situation:
			'Exceeds her targets every quarter and has started coaching others informally. Says she is getting bored and has asked about a bigger challenge.'
	},
	{
		name: 'Mark, team friction',
		situation:
			'Hits his numbers, but colleagues say he interrupts in meetings and dismisses their ideas. Two people have asked not to be paired with him.'
	},
	{
		name: 'Jo, missed deadlines',
		situation:
			'Reliable until recently. Since the new reporting tool arrived, three of her last five monthly reports were late and one had errors.'
	}
];

export const SCORE_NAME = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;
