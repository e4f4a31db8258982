import { countsResult } from '../shared/phone-result';
import { InputRejected, type ActivityType, type ExportRow } from '../contract';
import { configSchema, inputSchema, type Config, type Input } from './schema';
import { evidence } from './evidence';

export type { Config, Input };

/**
 * With `revealAfterClose: false` the bars go live once this many people have answered: below it,
 * each new bar step would tell the room what the person who just sat down chose.
 */
export const LIVE_MIN = 5;

/** Keyed by participant id (server-made, never shown). Each answer is its sorted option numbers. */
export interface State {
	answers: Record<string, number[]>;
}

export interface ProjectorView {
	question: string;
	options: string[];
	multiple: boolean;
	/** How many people have an answer in. */
	answered: number;
	/** Per option, how many people chose it; null while the results are held back. */
	counts: number[] | null;
	/** Why the counts are held: until the trainer reveals, or until LIVE_MIN answers are in. */
	heldUntil: 'reveal' | 'more-answers' | null;
	liveMin: number;
}

export interface PhoneView {
	question: string;
	options: string[];
	multiple: boolean;
	/** This participant's own choice, sorted; empty if none yet. */
	mine: number[];
}

export const quickPoll: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'quick-poll',
	label: 'Quick poll',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	/** A general-purpose poll serves many rows of the brief's mapping: each content file names its own. */
	criteria: [],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,

	initial: () => ({ answers: {} }),

	reduce(state, input, ctx, config) {
		// Every check comes before the write, so a refused input leaves the state untouched.
		if (input.kind === 'clear') {
			delete state.answers[ctx.participantId];
			return state;
		}
		const chosen = [...input.options].sort((a, b) => a - b);
		if (chosen.some((i) => i >= config.options.length))
			throw new InputRejected('That option is not in this poll.');
		if (new Set(chosen).size !== chosen.length)
			throw new InputRejected('Please choose each option only once.');
		if (!config.multiple && chosen.length > 1)
			throw new InputRejected('Please choose one option only.');
		state.answers[ctx.participantId] = chosen; // a re-choice replaces
		return state;
	},

	projector(state, ctx) {
		const { question, options, multiple, revealAfterClose } = ctx.config;
		const answers = Object.values(state.answers);
		const answered = answers.length;
		let heldUntil: ProjectorView['heldUntil'] = null;
		if (ctx.status !== 'revealed') {
			if (revealAfterClose) heldUntil = 'reveal';
			else if (answered < LIVE_MIN) heldUntil = 'more-answers';
		}
		let counts: number[] | null = null;
		if (heldUntil === null) {
			counts = options.map(() => 0);
			for (const answer of answers)
				for (const i of answer) if (i < counts.length) counts[i] = (counts[i] ?? 0) + 1;
		}
		return {
			question,
			options: [...options],
			multiple,
			answered,
			counts,
			heldUntil,
			liveMin: LIVE_MIN
		};
	},

	phone(state, ctx) {
		const { question, options, multiple } = ctx.config;
		return {
			question,
			options: [...options],
			multiple,
			mine: [...(state.answers[ctx.participantId] ?? [])]
		};
	},

	phoneResult(state, ctx) {
		const { options, counts, answered } = quickPoll.projector(state, ctx);
		return counts
			? countsResult(
					'How the room answered',
					options,
					counts,
					answered,
					'people',
					state.answers[ctx.participantId]
				)
			: null;
	},

	exportRows(state, ctx) {
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		return Object.entries(state.answers).map(([id, chosen]): ExportRow => {
			const row: ExportRow = {
				participant: names.get(id) ?? 'Unknown participant',
				answer: chosen.map((i) => ctx.config.options[i] ?? '').join('; ')
			};
			ctx.config.options.forEach((text, i) => (row[`${i + 1}. ${text}`] = chosen.includes(i)));
			return row;
		});
	}
};
