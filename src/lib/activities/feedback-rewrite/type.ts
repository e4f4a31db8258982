import {
	InputRejected,
	type ActivityType,
	type EvidenceItem,
	type ExportRow,
	type InputContext
} from '../contract';
import {
	configSchema,
	inputSchema,
	trainerInputSchema,
	type Config,
	type Input,
	type TrainerInput
} from './schema';
import { FORM_LABEL, PART_LABEL, type Form } from './words';

export type { Config, Input, TrainerInput };

export interface Rewrite {
	/** A number in order of first save: how the projector and the remote name it, never by person. */
	n: number;
	form: Form;
	parts: [string, string, string];
	by: string;
	at: number;
}

export interface State {
	/** Keyed by the owner: the group's id in pair work, else the participant's id. */
	rewrites: Record<string, Rewrite>;
	next: number;
	spotlight: number | null;
}

export interface GalleryItem {
	n: number;
	form: Form;
	parts: [string, string, string];
}

export interface ProjectorView {
	line: string;
	/** Anonymised: numbers, never names or ids. Newest last. */
	gallery: GalleryItem[];
	spotlight: GalleryItem | null;
}

export interface PhoneView {
	line: string;
	forms: Form[];
	mine: { form: Form; parts: [string, string, string]; by: string | null } | null;
	spotlighted: boolean;
}

const ownerOf = (ctx: Pick<InputContext, 'groupId' | 'participantId'>) =>
	ctx.groupId ?? ctx.participantId;
const item = (r: Rewrite): GalleryItem => ({ n: r.n, form: r.form, parts: [...r.parts] });

export const feedbackRewrite: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'feedback-rewrite',
	label: 'Feedback rewrite',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	// Domain brief §1 mapping, row B4 "Growth mindset + effective feedback": primary 3.1, 3.2.
	criteria: ['3.1', '3.2'],

	initial: () => ({ rewrites: {}, next: 1, spotlight: null }),

	reduce(state, input, ctx, config) {
		const owner = ownerOf(ctx);
		if (input.kind === 'clear') {
			const gone = state.rewrites[owner];
			if (gone && state.spotlight === gone.n) state.spotlight = null;
			delete state.rewrites[owner];
			return state;
		}
		if (!config.forms.includes(input.form))
			throw new InputRejected('That shape is not offered in this activity.');
		const earlier = state.rewrites[owner];
		const n = earlier?.n ?? state.next++;
		state.rewrites[owner] = {
			n,
			form: input.form,
			parts: [...input.parts],
			by: ctx.participantId,
			at: ctx.at
		};
		return state;
	},

	trainer: {
		input: trainerInputSchema,
		reduce(state, input: TrainerInput) {
			if (input.entry !== null && !Object.values(state.rewrites).some((r) => r.n === input.entry))
				throw new InputRejected('That rewrite is no longer there.');
			state.spotlight = input.entry;
			return state;
		}
	},

	projector(state, ctx) {
		const all = Object.values(state.rewrites).sort((a, b) => a.n - b.n);
		const lit = all.find((r) => r.n === state.spotlight);
		return { line: ctx.config.line, gallery: all.map(item), spotlight: lit ? item(lit) : null };
	},

	phone(state, ctx) {
		const mine = state.rewrites[ownerOf(ctx)];
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		return {
			line: ctx.config.line,
			forms: [...ctx.config.forms],
			mine: mine
				? { form: mine.form, parts: [...mine.parts], by: names.get(mine.by) ?? null }
				: null,
			spotlighted: !!mine && state.spotlight === mine.n
		};
	},

	exportRows(state, ctx) {
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		const groups = new Map(ctx.groups.map((g) => [g.id, g.name]));
		return Object.entries(state.rewrites)
			.sort(([, a], [, b]) => a.n - b.n)
			.map(([owner, r]): ExportRow => ({
				number: r.n,
				by: groups.get(owner) ?? names.get(owner) ?? 'Unknown participant',
				form: FORM_LABEL[r.form],
				[`part 1`]: r.parts[0],
				[`part 2`]: r.parts[1],
				[`part 3`]: r.parts[2],
				spotlighted: state.spotlight === r.n
			}));
	},

	evidence(state, ctx): EvidenceItem[] {
		const mine = state.rewrites[ctx.groupId ?? ctx.participantId];
		if (!mine) return [];
		return [
			{
				heading: `Feedback rewritten as ${FORM_LABEL[mine.form]}`,
				kind: ctx.groupId ? 'group' : 'own',
				lines: [
					{ label: 'The vague line', text: ctx.config.line },
					...mine.parts.map((text, i) => ({
						label: PART_LABEL[mine.form][i],
						text: text || '(left empty)'
					}))
				]
			}
		];
	}
};
