import type { AnyActivityType } from './contract';
import { amo } from './amo/type';
import { bathChain } from './bath-chain/type';
import { brainstorm } from './brainstorm/type';
import { coaching } from './coaching/type';
import { conversationCards } from './conversation-cards/type';
import { conversationPlan } from './conversation-plan/type';
import { exitReflection } from './exit-reflection/type';
import { feedbackRewrite } from './feedback-rewrite/type';
import { openQuestion } from './open-question/type';
import { goalSetting } from './goal-setting/type';
import { pmPyramid } from './pm-pyramid/type';
import { quickPoll } from './quick-poll/type';
import { ratingChecklist } from './rating-checklist/type';
import { selfScoring } from './self-scoring/type';
import { skillWill } from './skill-will/type';

/** Every activity type the app knows. Adding a type: its folder, plus one line here. */
const types: AnyActivityType[] = [
	pmPyramid,
	amo,
	skillWill,
	conversationCards,
	goalSetting,
	quickPoll,
	exitReflection,
	openQuestion,
	ratingChecklist,
	brainstorm,
	selfScoring,
	coaching,
	bathChain,
	feedbackRewrite,
	conversationPlan
];

export const activityTypes: ReadonlyMap<string, AnyActivityType> = new Map(
	types.map((t) => [t.type, t])
);
