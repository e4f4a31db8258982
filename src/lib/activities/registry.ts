import type { AnyActivityType } from './contract';

/** Every activity type the app knows. Adding a type: its folder, plus one line here. */
const types: AnyActivityType[] = [];

export const activityTypes: ReadonlyMap<string, AnyActivityType> = new Map(types.map((t) => [t.type, t]));
