import {
	InputRejected,
	type ActivityType,
	type ExportRow,
	type InputContext,
	type PhoneContext,
	type ViewContext
} from '../contract';
import {
	configSchema,
	EXAMPLE_NOTE,
	inputSchema,
	isExampleList,
	ITEM_MAX,
	MAX_ITEMS,
	MIN_ITEMS,
	PLACEHOLDER_ITEMS,
	SCALE_LEVELS,
	strength,
	type Config,
	type Input,
	type Scale
} from './schema';
import { evidence } from './evidence';

export type { Config, Input, Scale };

export interface Rating {
	/** Index into the scale's levels, lowest first. */
	level: number;
	/** Who set it last (last write wins). */
	by: string;
	at: number;
}

/** One pair's (or group's, or person's) ratings, keyed by item index. */
export interface ScopeRatings {
	solo: boolean;
	ratings: Record<number, Rating>;
}

export interface State {
	/** Keyed by group id, or participant id for someone working alone. */
	scopes: Record<string, ScopeRatings>;
}

export interface HeatRow {
	/** The item's position in the content file. */
	index: number;
	text: string;
	/** How many pairs gave each level, lowest level first. */
	counts: number[];
	rated: number;
	/** The average in the scale's own numbers (0–2 for presence, 1–5 for five); null if unrated. */
	mean: number | null;
	/** One of the (up to) three weakest items. */
	weakest: boolean;
	/** The item the room disagrees on most. */
	widestSpread: boolean;
}

export type ProjectorView = (
	| {
			ready: false;
			/** While open or closed: progress counts only, no ratings (so nobody anchors on the room). */
			items: { text: string; rated: number }[];
			started: number;
			finished: number;
			expected: number;
	  }
	| {
			ready: true;
			scale: Scale;
			levels: readonly string[];
			/** Weakest first; unrated items last, in file order. */
			rows: HeatRow[];
			started: number;
			finished: number;
			expected: number;
	  }
) & {
	/** Our placeholder practices, not the trainer's: every screen says so. */
	example: boolean;
};

export interface PhoneView {
	/** Our placeholder practices, not the trainer's: the phone says so. */
	example: boolean;
	scale: Scale;
	levels: readonly string[];
	items: { index: number; text: string; level: number | null; by: string | null }[];
	rated: number;
	total: number;
}

export const scopeOf = (ctx: Pick<InputContext, 'groupId' | 'participantId'>) =>
	ctx.groupId ?? ctx.participantId;

/**
 * Applies one rating. Each pair has one rating per item: the later input wins (last write
 * wins), and a pair can only ever change its own ratings. Checks run before any change.
 */
export function reduce(state: State, input: Input, ctx: InputContext, config: Config): State {
	if (input.item >= config.items.length)
		throw new InputRejected('That practice is not on this checklist. Refresh the page.');
	const levels = SCALE_LEVELS[config.scale];
	if (input.rating !== null && input.rating >= levels.length)
		throw new InputRejected('Pick one of the ratings on your screen.');
	const key = scopeOf(ctx);
	if (input.rating === null) {
		const scope = state.scopes[key];
		if (scope) delete scope.ratings[input.item];
		return state;
	}
	const scope = (state.scopes[key] ??= { solo: ctx.groupId === null, ratings: {} });
	scope.ratings[input.item] = { level: input.rating, by: ctx.participantId, at: ctx.at };
	return state;
}

const ratedCount = (s: ScopeRatings) => Object.keys(s.ratings).length;

function progress(state: State, ctx: ViewContext<Config>) {
	const scopes = Object.values(state.scopes).filter((s) => ratedCount(s) > 0);
	const staffed = ctx.groups.filter((g) => g.memberIds.length > 0).length;
	return {
		started: scopes.length,
		finished: scopes.filter((s) => ratedCount(s) >= ctx.config.items.length).length,
		// Individual activities have no groups: everyone rates alone.
		expected: staffed > 0 ? staffed : ctx.participants.length
	};
}

/** Every item's counts and mean, in file order, without the flags. */
export function heatRows(state: State, config: Config): HeatRow[] {
	const levels = SCALE_LEVELS[config.scale];
	const offset = config.scale === 'five' ? 1 : 0;
	return config.items.map((text, index) => {
		const counts = levels.map(() => 0);
		for (const scope of Object.values(state.scopes)) {
			const r = scope.ratings[index];
			if (r && r.level < counts.length) counts[r.level]! += 1;
		}
		const rated = counts.reduce((a, b) => a + b, 0);
		const sum = counts.reduce((a, n, level) => a + n * level, 0);
		return {
			index,
			text,
			counts,
			rated,
			mean: rated ? sum / rated + offset : null,
			weakest: false,
			widestSpread: false
		};
	});
}

/** Variance of the levels given, as a share of the scale (0 when everyone agrees). */
function spread(row: HeatRow, scale: Scale): number {
	if (row.rated < 2) return 0;
	const values = row.counts.flatMap((n, level) => Array<number>(n).fill(strength(scale, level)));
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	return values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
}

/** Weakest first (lowest mean), ties in file order; items nobody rated go last. */
export function weakestFirst(rows: HeatRow[]): HeatRow[] {
	return [...rows].sort((a, b) => {
		if (a.mean === null || b.mean === null)
			return a.mean === b.mean ? a.index - b.index : a.mean === null ? 1 : -1;
		return a.mean - b.mean || a.index - b.index;
	});
}

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const counts = progress(state, ctx);
	const rows = heatRows(state, ctx.config);
	const example = isExampleList(ctx.config.items);
	if (ctx.status !== 'revealed') {
		return {
			ready: false,
			items: rows.map((r) => ({ text: r.text, rated: r.rated })),
			...counts,
			example
		};
	}
	const ordered = weakestFirst(rows);
	const rated = ordered.filter((r) => r.mean !== null);
	for (const r of rated.slice(0, Math.min(3, rated.length - 1))) r.weakest = true;
	let widest: HeatRow | null = null;
	let most = 0;
	for (const r of rows) {
		const s = spread(r, ctx.config.scale);
		if (s > most + 1e-9) [widest, most] = [r, s];
	}
	if (widest) widest.widestSpread = true;
	return {
		ready: true,
		scale: ctx.config.scale,
		levels: SCALE_LEVELS[ctx.config.scale],
		rows: ordered,
		...counts,
		example
	};
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const scope = state.scopes[ctx.groupId ?? ctx.participantId];
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const items = ctx.config.items.map((text, index) => {
		const r = scope?.ratings[index];
		return {
			index,
			text,
			level: r?.level ?? null,
			by: r && ctx.groupId ? (names.get(r.by) ?? 'Former member') : null
		};
	});
	return {
		example: isExampleList(ctx.config.items),
		scale: ctx.config.scale,
		levels: SCALE_LEVELS[ctx.config.scale],
		items,
		rated: items.filter((i) => i.level !== null).length,
		total: items.length
	};
}

/** One row per pair (or person) and item, unrated ones included: a gap is itself a finding. */
export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const levels = SCALE_LEVELS[ctx.config.scale];
	const groupNames = new Map(ctx.groups.map((g) => [g.id, g.name]));
	const people = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const rows: ExportRow[] = [];
	for (const [key, scope] of Object.entries(state.scopes)) {
		const who =
			(scope.solo ? people.get(key) : groupNames.get(key)) ??
			(scope.solo ? 'Former participant' : 'Former group');
		ctx.config.items.forEach((text, index) => {
			const r = scope.ratings[index];
			rows.push({
				group: who,
				item: index + 1,
				practice: text,
				rating: r ? (levels[r.level] ?? null) : null,
				score: r ? r.level + (ctx.config.scale === 'five' ? 1 : 0) : null,
				ratedBy: r ? (people.get(r.by) ?? 'Former participant') : null
			});
		});
	}
	return rows;
}

/**
 * Rating checklist (Session A's "ten excellent practices", domain brief A2): pairs rate how well
 * each practice is in place where they work; the projector shows the room's heat table, weakest
 * first, once the trainer reveals. The items are the trainer's; ours are placeholders.
 */
export const ratingChecklist: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'rating-checklist',
	label: 'Rating checklist',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'pairs',
	/** Brief §1, A2 "10 excellent practices" self-assessment. */
	criteria: ['1.1', '1.2', '2.1'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	// The trainer types in their own practices (the workbook's) on the remote before launching.
	setup: [
		{
			key: 'items',
			label: 'Practices to rate',
			kind: 'text-list',
			min: MIN_ITEMS,
			max: MAX_ITEMS,
			maxLength: ITEM_MAX,
			example: { values: PLACEHOLDER_ITEMS, note: EXAMPLE_NOTE }
		}
	],
	initial: () => ({ scopes: {} }),
	reduce,
	projector: projectorView,
	phone: phoneView,
	exportRows
};
