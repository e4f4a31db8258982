import {
	InputRejected,
	type ActivityType,
	type EvidenceItem,
	type ExportRow,
	type InputContext
} from '../contract';
import { CAUSE_LABEL, FIELD_LABEL, PLAN_TEXT_MAX, type Cause } from '../conversation-cards/words';
import {
	choose,
	editPart,
	phoneChoice,
	phonePart,
	type PartEntry,
	type PhoneChoice,
	type PhonePart,
	type SharedChoice
} from '../shared/plan-parts';
import {
	configSchema,
	inputSchema,
	PARTS,
	trainerInputSchema,
	type Config,
	type Input,
	type Part,
	type TrainerInput
} from './schema';
import { MODE_LABEL, SITUATION_MAX } from './words';

export type { Config, Input, TrainerInput };

export interface Plan {
	/** In order of the first save: the name the remote and projector use, never a person's. */
	n: number;
	parts: Partial<Record<Part, PartEntry>>;
	cause: Cause | null;
	/** Who set the cause last, and from what: a pair's other phone says so. */
	causeSet?: SharedChoice<Cause>;
	/** The owner offered it for the projector. */
	shared: boolean;
}

export interface State {
	/** Keyed by owner: the pair's group id, or the participant's id. */
	plans: Record<string, Plan>;
	next: number;
	spotlight: number | null;
}

export interface ShownPlan {
	n: number;
	parts: Record<Part, string>;
	cause: Cause | null;
}

export interface ProjectorView {
	mode: Config['mode'];
	/** How many people or pairs have started a plan, and how many filled each part: counts only. */
	started: number;
	filled: Record<Part, number>;
	/** Only plans their owners shared, without names; the remote spotlights one of them. */
	shared: ShownPlan[];
	spotlight: ShownPlan | null;
}

export interface PhoneView {
	mode: Config['mode'];
	parts: Record<Part, PhonePart>;
	cause: PhoneChoice<Cause>;
	shared: boolean;
	spotlighted: boolean;
}

const ownerOf = (ctx: Pick<InputContext, 'groupId' | 'participantId'>) =>
	ctx.groupId ?? ctx.participantId;
const label = (p: Part) => (p === 'situation' ? 'The situation' : FIELD_LABEL[p]);
const show = (plan: Plan): ShownPlan => ({
	n: plan.n,
	parts: Object.fromEntries(PARTS.map((p) => [p, plan.parts[p]?.text ?? ''])) as Record<
		Part,
		string
	>,
	cause: plan.cause
});

function planOf(state: State, owner: string): Plan {
	return (state.plans[owner] ??= { n: state.next++, parts: {}, cause: null, shared: false });
}

export const conversationPlan: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'conversation-plan',
	label: 'Plan a conversation',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	// Domain brief §1 mapping, row B6 "Underperformance and difficult conversations": 4.1, 4.2, 4.3; 3.2.
	criteria: ['4.1', '4.2', '4.3', '3.2'],

	initial: () => ({ plans: {}, next: 1, spotlight: null }),

	reduce(state, input, ctx) {
		const owner = ownerOf(ctx);
		if (input.kind === 'edit') {
			const max = input.part === 'situation' ? SITUATION_MAX : PLAN_TEXT_MAX;
			if (input.text.length > max)
				throw new InputRejected(
					input.part === 'situation'
						? `Keep the situation to ${max} characters or fewer.`
						: `Keep each part to ${max} characters or fewer.`
				);
			const plan = state.plans[owner];
			const next = editPart(plan?.parts[input.part], input, ctx.participantId, ctx.at, max);
			if (next) planOf(state, owner).parts[input.part] = next;
		} else if (input.kind === 'cause') {
			const plan = planOf(state, owner);
			plan.causeSet = choose(plan.causeSet, input.cause, ctx.participantId, ctx.at);
			plan.cause = input.cause;
		} else {
			const plan = state.plans[owner];
			if (!plan) throw new InputRejected('Write something first, then share it.');
			plan.shared = input.on;
			if (!input.on && state.spotlight === plan.n) state.spotlight = null;
		}
		return state;
	},

	trainer: {
		input: trainerInputSchema,
		reduce(state, input: TrainerInput) {
			if (
				input.plan !== null &&
				!Object.values(state.plans).some((p) => p.shared && p.n === input.plan)
			)
				throw new InputRejected('That plan is not shared any more.');
			state.spotlight = input.plan;
			return state;
		}
	},

	projector(state, ctx) {
		const plans = Object.values(state.plans).sort((a, b) => a.n - b.n);
		const filled = Object.fromEntries(
			PARTS.map((p) => [p, plans.filter((x) => x.parts[p]?.text.trim()).length])
		) as Record<Part, number>;
		const shared = plans.filter((p) => p.shared);
		const lit = shared.find((p) => p.n === state.spotlight);
		return {
			mode: ctx.config.mode,
			started: plans.length,
			filled,
			shared: shared.map(show),
			spotlight: lit ? show(lit) : null
		};
	},

	phone(state, ctx) {
		const plan = state.plans[ownerOf(ctx)];
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		const nameOf = (id: string) => names.get(id) ?? null;
		return {
			mode: ctx.config.mode,
			parts: Object.fromEntries(
				PARTS.map((p) => [p, phonePart(plan?.parts[p], ctx.participantId, nameOf)])
			) as Record<Part, PhonePart>,
			cause: phoneChoice(plan?.causeSet, ctx.participantId, nameOf),
			shared: plan?.shared ?? false,
			spotlighted: !!plan && plan.shared && state.spotlight === plan.n
		};
	},

	exportRows(state, ctx) {
		const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
		const groups = new Map(ctx.groups.map((g) => [g.id, g.name]));
		return Object.entries(state.plans)
			.sort(([, a], [, b]) => a.n - b.n)
			.map(([owner, plan]): ExportRow => {
				const row: ExportRow = {
					plan: plan.n,
					by: groups.get(owner) ?? names.get(owner) ?? 'Unknown participant',
					kind: MODE_LABEL[ctx.config.mode]
				};
				for (const p of PARTS) row[label(p)] = plan.parts[p]?.text ?? '';
				row['likely cause'] = plan.cause ? CAUSE_LABEL[plan.cause] : '';
				row.shared = plan.shared;
				return row;
			});
	},

	evidence(state, ctx): EvidenceItem[] {
		const plan = state.plans[ctx.groupId ?? ctx.participantId];
		if (!plan) return [];
		return [
			{
				heading: MODE_LABEL[ctx.config.mode],
				kind: ctx.groupId ? 'group' : 'own',
				lines: [
					...PARTS.filter((p) => plan.parts[p]?.text.trim()).map((p) => ({
						label: label(p),
						text: plan.parts[p]!.text
					})),
					...(plan.cause ? [{ label: 'Likely cause', text: CAUSE_LABEL[plan.cause] }] : [])
				]
			}
		];
	}
};
