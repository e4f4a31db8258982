import type { GroupInfo, ViewContext } from '../contract';
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
const idsOf = new WeakMap<readonly GroupInfo[], Set<string>>();

export function scopes(state: State, ctx: ViewContext<Config>): Scope[] {
	const known = ctx.groups.map((g) => ({
		id: g.id,
		name: g.name,
		work: state.groups[g.id] ?? blank(false)
	}));
	// The room's groups change rarely: their ids are kept per groups list, not rebuilt per view.
	let groupIds = idsOf.get(ctx.groups);
	if (!groupIds) idsOf.set(ctx.groups, (groupIds = new Set(ctx.groups.map((g) => g.id))));
	const others: Scope[] = [];
	let people: Map<string, string> | undefined;
	for (const id in state.groups) {
		if (groupIds.has(id)) continue;
		const work = state.groups[id]!;
		if (work.solo) people ??= new Map(ctx.participants.map((p) => [p.id, p.name]));
		others.push({ id, name: (work.solo ? people?.get(id) : undefined) ?? 'Former group', work });
	}
	others.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
	return [...known, ...others];
}
