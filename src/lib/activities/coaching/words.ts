/** The fixed vocabulary of coaching practice, shared by the schemas, the reducers and the views. */

export const STEPS = ['goal', 'reality', 'options', 'will'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABEL: Record<Step, string> = {
	goal: 'Goal',
	reality: 'Reality',
	options: 'Options',
	will: 'Will'
};

/** What each step is for, in one line. */
export const STEP_HINT: Record<Step, string> = {
	goal: 'Agree what the coachee wants from this talk, and how they will know they got it.',
	reality:
		'Find out where things stand today: what is going on, what has been tried, what is in the way.',
	options: 'Open up as many ways forward as possible before choosing; the coachee’s ideas first.',
	will: 'Pin down the next step: what exactly, by when, with whom, and how committed they are.'
};

/** Example questions for the coach's phone, in our own words. */
export const STEP_QUESTIONS: Record<Step, readonly string[]> = {
	goal: [
		'What would you like to have by the end of our conversation?',
		'If this went really well, what would be different?',
		'Why does this matter to you right now?'
	],
	reality: [
		'What is happening at the moment, in your own words?',
		'What have you already tried, and what happened?',
		'What is getting in the way?'
	],
	options: [
		'What could you do? What else?',
		'If time or money were no object, what would you try?',
		'What would someone you admire do here?'
	],
	will: [
		'Which option will you take, and when will you start?',
		'Who needs to know or help?',
		'On a scale of 1 to 10, how likely are you to do it? What would make it higher?'
	]
};

export const ROLES = ['coach', 'coachee', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = {
	coach: 'Coach',
	coachee: 'Coachee',
	observer: 'Observer'
};
export const ROLE_TASK: Record<Role, string> = {
	coach:
		'Help the coachee think it through by asking, not telling. Use the four steps below and tick each one you covered.',
	coachee:
		'Bring a real goal and talk it through. The coach asks; you do the thinking and choose what to do.',
	observer:
		'Stay quiet and watch the coach. Tick what you saw and write a short note: only the coach will see it.'
};

/** What the coachee is asked to bring, unless the content file says otherwise. */
export const DEFAULT_BRIEF =
	'Pick a real goal from your own work: small enough to talk through in a few minutes, and one you ' +
	'are happy to share. For example: getting a piece of work finished, preparing for a tricky ' +
	'meeting, or learning a new skill.';

/**
 * What the observer looks for: our own short list. Four follow the steps of GROW and two apply
 * throughout the conversation (`step: null`).
 */
export const CHECKLIST = [
	{ id: 'clear-goal', step: 'goal', label: 'Agreed a clear goal for the conversation early on' },
	{
		id: 'explored-now',
		step: 'reality',
		label: 'Explored the current situation before jumping to solutions'
	},
	{ id: 'own-options', step: 'options', label: 'Let the coachee come up with their own options' },
	{
		id: 'firm-action',
		step: 'will',
		label: 'Ended with a specific action, a date and a check on commitment'
	},
	{
		id: 'open-questions',
		step: null,
		label: 'Asked mostly open questions (what, how, tell me more)'
	},
	{
		id: 'listened',
		step: null,
		label: 'Listened more than talked, and played back what they heard'
	}
] as const satisfies readonly { id: string; step: Step | null; label: string }[];
export type CheckId = (typeof CHECKLIST)[number]['id'];
export const CHECK_IDS = CHECKLIST.map((c) => c.id) as [CheckId, ...CheckId[]];

export const NOTE_MAX = 400;
export const TAKEAWAY_MAX = 300;
export const BRIEF_MAX = 400;
export { MAX_ROUND_MINUTES } from '../shared/round-clock';

export { plural } from '../shared/words';
