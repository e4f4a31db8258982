import type { ViewContext } from '../contract';
import type { Config } from './schema';
import { emptyLinks, type GroupWork, type State } from './state';

export interface Scope {
	/** Group id, or participant id for someone working alone. */
	id: string;
	name: string;
	work: GroupWork;
}

const blank = (solo: boolean): GroupWork => ({
	solo,
	cards: [],
	links: emptyLinks(),
	deleted: [],
	rev: 0
});

/**
 * Every group the engine knows, in its order (a group that has not started still shows, all
 * gaps), then anyone working alone, by name. Shared by the projector and the exports so both
 * list the same pyramids in the same order.
 */
export function scopes(state: State, ctx: ViewContext<Config>): Scope[] {
	const known = ctx.groups.map((g) => ({
		id: g.id,
		name: g.name,
		work: state.groups[g.id] ?? blank(false)
	}));
	const groupIds = new Set(ctx.groups.map((g) => g.id));
	const people = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const others = Object.entries(state.groups)
		.filter(([id]) => !groupIds.has(id))
		.map(([id, work]) => ({
			id,
			name: (work.solo ? people.get(id) : undefined) ?? 'Former group',
			work
		}))
		.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
	return [...known, ...others];
}
