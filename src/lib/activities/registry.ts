import type { AnyActivityType } from './contract';
import { amo } from './amo/type';
import { conversationCards } from './conversation-cards/type';
import { goalSetting } from './goal-setting/type';
import { pmPyramid } from './pm-pyramid/type';
import { skillWill } from './skill-will/type';

/** Every activity type the app knows. Adding a type: its folder, plus one line here. */
const types: AnyActivityType[] = [pmPyramid, amo, skillWill, conversationCards, goalSetting];

export const activityTypes: ReadonlyMap<string, AnyActivityType> = new Map(types.map((t) => [t.type, t]));
