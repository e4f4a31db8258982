import { type ActivityType, type ExportRow } from '../contract';
import {
	CONFIDENCE_MAX,
	configSchema,
	inputSchema,
	TEXT_MAX,
	type Config,
	type Input
} from './schema';
import { evidence } from './evidence';

export type { Config, Input };

export interface Reflection {
	text: string;
	confidence: number;
	/** Server time of the last save. */
	savedAt: number;
}

/** Keyed by participant id (server-made, never shown). Plain data, so it serialises as is. */
export interface State {
	reflections: Record<string, Reflection>;
}

/** The wall is shown only on reveal, so people write freely; until then, a count. */
export type ProjectorView =
	| { revealed: false; count: number; question: string }
	| {
			revealed: true;
			count: number;
			question: string;
			confidenceQuestion: string;
			/** The texts alone, in alphabetical order (not the order they came in, which could point at people). */
			texts: string[];
			/** How many people chose each confidence: index 0 is 1, index 9 is 10. */
			confidence: number[];
			/** Mean confidence to one decimal; null with no reflections. */
			mean: number | null;
	  };

export interface PhoneView {
	question: string;
	confidenceQuestion: string;
	maxLength: number;
	/** This participant's own reflection, or null before the first save. */
	mine: { text: string; confidence: number } | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** Case-insensitive, then exact: the same order on every server, whatever the locale. */
const key = (s: string) => [s.toLowerCase(), s] as const;
function alphabetical(a: string, b: string): number {
	const [ka, kb] = [key(a), key(b)];
	for (let i = 0; i < 2; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
	return 0;
}

export const exitReflection: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'exit-reflection',
	label: 'Exit reflection',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	/** No row of the brief's mapping covers the closing reflection: a content file may name some. */
	criteria: [],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,

	initial: () => ({ reflections: {} }),

	// The schema checks everything, so nothing here can refuse; a later save replaces the earlier one.
	reduce(state, input, ctx) {
		state.reflections[ctx.participantId] = {
			text: input.text,
			confidence: input.confidence,
			savedAt: ctx.at
		};
		return state;
	},

	projector(state, ctx) {
		const all = Object.values(state.reflections);
		const count = all.length;
		if (ctx.status !== 'revealed') return { revealed: false, count, question: ctx.config.question };
		const confidence = Array.from({ length: CONFIDENCE_MAX }, () => 0);
		for (const r of all) confidence[r.confidence - 1] = (confidence[r.confidence - 1] ?? 0) + 1;
		const texts = all.map((r) => r.text).sort(alphabetical);
		const mean = count > 0 ? round1(all.reduce((s, r) => s + r.confidence, 0) / count) : null;
		return {
			revealed: true,
			count,
			question: ctx.config.question,
			confidenceQuestion: ctx.config.confidenceQuestion,
			texts,
			confidence,
			mean
		};
	},

	phone(state, ctx) {
		const own = state.reflections[ctx.participantId];
		return {
			question: ctx.config.question,
			confidenceQuestion: ctx.config.confidenceQuestion,
			maxLength: TEXT_MAX,
			mine: own ? { text: own.text, confidence: own.confidence } : null
		};
	},

	// Exports are for the trainer only, so they carry names (for each person's evidence pack).
	exportRows(state, ctx) {
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		return Object.entries(state.reflections).map(([id, r]): ExportRow => ({
			participant: names.get(id) ?? 'Unknown participant',
			reflection: r.text,
			confidence: r.confidence,
			saved: new Date(r.savedAt).toISOString()
		}));
	}
};
