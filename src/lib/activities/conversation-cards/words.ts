/** The fixed vocabulary of the conversation cards, shared by the schemas, the reducers and the views. */

export const CAUSES = [
	'skills',
	'knowledge',
	'motivation',
	'incentives',
	'information',
	'resources',
	'health'
] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABEL: Record<Cause, string> = {
	skills: 'Skills',
	knowledge: 'Knowledge',
	motivation: 'Motivation',
	incentives: 'Incentives',
	information: 'Information',
	resources: 'Resources',
	health: 'Health or circumstances'
};

/** One line each, so a group can tell the categories apart on a phone. */
export const CAUSE_HINT: Record<Cause, string> = {
	skills: 'knows what to do but cannot yet do it well',
	knowledge: 'does not know how, or what the rules are',
	motivation: 'could do it, but does not want to, or has stopped caring',
	incentives: 'doing it well is not noticed, rewarded or worth it',
	information: 'expectations, targets or feedback are unclear or missing',
	resources: 'lacks the time, tools, people or process to do it',
	health:
		'ill health, a disability or something outside work: explore it, and support, before any formal step'
};

/**
 * Gilbert's split: the work environment (information, resources, incentives) or the person
 * (skills, knowledge, motivation). The debrief asks whether the room blames the person first.
 * Health, disability and personal circumstances are neither: nobody is to blame for them, and
 * they are explored (with support or adjustments) before any formal step.
 */
export const CAUSE_SIDE: Record<Cause, 'environment' | 'person' | 'circumstances'> = {
	skills: 'person',
	knowledge: 'person',
	motivation: 'person',
	incentives: 'environment',
	information: 'environment',
	resources: 'environment',
	health: 'circumstances'
};

export const FIELDS = ['prepare', 'open', 'evidence', 'cause', 'actions', 'follow-up'] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABEL: Record<Field, string> = {
	prepare: 'Prepare',
	open: 'Open',
	evidence: 'Evidence',
	cause: 'Explore the cause',
	actions: 'Agree actions',
	'follow-up': 'Follow up'
};

export const FIELD_HINT: Record<Field, string> = {
	prepare:
		'Facts, dates and examples to gather; the policy; support you can offer; where and when you will meet.',
	open: 'Your first sentence: why you are meeting, in a calm tone, about the issue and not the person.',
	evidence: 'Two or three specific examples and what effect they had.',
	cause: 'The questions you will ask to find out why it is happening. Then listen.',
	actions: 'What good looks like, the support you will give, and by when.',
	'follow-up': 'How you will note what was agreed, and the date you will review it together.'
};

export const PLAN_TEXT_MAX = 600;
export const NOTE_MAX = 400;

export const ROLES = ['manager', 'employee', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = {
	manager: 'Manager',
	employee: 'Employee',
	observer: 'Observer'
};
export const ROLE_TASK: Record<Role, string> = {
	manager: 'Hold the conversation using your group’s plan.',
	employee: 'Play the employee: use what they may say, and react as they might.',
	observer: 'Watch, tick what the manager did, and note one thing to keep and one to change.'
};

/** What the observer looks for: our own short list, following the steps of the plan. */
export const CHECKLIST = [
	{ id: 'purpose', label: 'Said why they were meeting, calmly and in private' },
	{
		id: 'examples',
		label: 'Gave specific examples and their effect, not opinions about the person'
	},
	{ id: 'asked', label: 'Asked for the employee’s view before offering answers' },
	{ id: 'listened', label: 'Listened, and summarised back what they heard' },
	{
		id: 'causes',
		label: 'Explored causes at work (targets, tools, feedback) as well as in the person'
	},
	{ id: 'agreed', label: 'Agreed actions, support and a date to review' }
] as const;
export type CheckId = (typeof CHECKLIST)[number]['id'];
export const CHECK_IDS = CHECKLIST.map((c) => c.id) as [CheckId, ...CheckId[]];

export { plural } from '../shared/words';
