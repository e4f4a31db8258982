import { countsResult } from '../shared/phone-result';
import { InputRejected, type ActivityType, type EvidenceItem, type ExportRow } from '../contract';
import {
	configSchema,
	inputSchema,
	MAX_STEPS,
	MIN_STEPS,
	STEP_MAX,
	type Config,
	type Input
} from './schema';

export type { Config, Input };

/** Each person's chosen link, by participant id (server-made, never shown). */
export interface State {
	choices: Record<string, number>;
}

export interface ProjectorView {
	question: string;
	steps: string[];
	answered: number;
	/** Taps per link; null while held back (too few answers and not revealed). */
	counts: number[] | null;
	liveAfter: number;
}

export interface PhoneView {
	question: string;
	steps: string[];
	/** This person's own link, or null. */
	mine: number | null;
}

export const bathChain: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'bath-chain',
	label: 'Bath chain',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	setup: [
		{
			key: 'steps',
			label: 'Links of the chain',
			kind: 'text-list',
			min: MIN_STEPS,
			max: MAX_STEPS,
			maxLength: STEP_MAX
		}
	],
	// Domain brief §1 mapping, row A3 "Bath model + line manager role": primary 1.2, secondary 4.2.
	criteria: ['1.2', '4.2'],

	initial: () => ({ choices: {} }),

	reduce(state, input, ctx, config) {
		if (input.kind === 'clear') {
			delete state.choices[ctx.participantId];
			return state;
		}
		if (input.step >= config.steps.length)
			throw new InputRejected('Tap one of the links of the chain.');
		state.choices[ctx.participantId] = input.step;
		return state;
	},

	projector(state, ctx) {
		const { question, steps, liveAfter } = ctx.config;
		const chosen = Object.values(state.choices);
		const live = ctx.status === 'revealed' || chosen.length >= liveAfter;
		let counts: number[] | null = null;
		if (live) {
			counts = steps.map(() => 0);
			for (const i of chosen) if (i < counts.length) counts[i]! += 1;
		}
		return { question, steps: [...steps], answered: chosen.length, counts, liveAfter };
	},

	phone(state, ctx) {
		return {
			question: ctx.config.question,
			steps: [...ctx.config.steps],
			mine: state.choices[ctx.participantId] ?? null
		};
	},

	phoneResult(state, ctx) {
		const { steps, counts, answered } = bathChain.projector(state, ctx);
		const mine = state.choices[ctx.participantId];
		return counts
			? countsResult(
					'Where the room most influences performance',
					steps,
					counts,
					answered,
					'people',
					mine === undefined ? [] : [mine]
				)
			: null;
	},

	exportRows(state, ctx) {
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		return Object.entries(state.choices).map(([id, step]): ExportRow => ({
			participant: names.get(id) ?? 'Unknown participant',
			link: step + 1,
			'where I most influence performance': ctx.config.steps[step] ?? ''
		}));
	},

	evidence(state, ctx): EvidenceItem[] {
		const step = state.choices[ctx.participantId];
		if (step === undefined) return [];
		return [
			{
				heading: 'The Bath people and performance chain',
				kind: 'own',
				lines: [
					{ label: 'The chain', text: ctx.config.steps.join(' → ') },
					{
						label: 'Where you said you most influence performance',
						text: ctx.config.steps[step] ?? ''
					}
				]
			}
		];
	}
};
