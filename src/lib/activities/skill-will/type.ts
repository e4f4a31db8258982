import { InputRejected, type ActivityType, type ExportRow, type ViewContext } from '../contract';
import { QUADRANT_GUIDE, QUADRANTS, quadrantOf, type Quadrant } from './quadrant';
import { configSchema, inputSchema, type Config, type Input } from './schema';
import { evidence } from './evidence';

export type { Config, Input, Quadrant };

/** What the phone's form edits: a placement before it has an id. */
export type Draft = Omit<Placement, 'id'>;

export interface Placement {
	/** "p1", "p2"…: counted per participant, so replaying the same inputs makes the same ids. */
	id: string;
	initials: string;
	task: string;
	skill: number;
	will: number;
}

interface Placer {
	next: number;
	placements: Placement[];
}

/** Keyed by participant id. Plain data, so it serialises as is. */
export interface State {
	people: Record<string, Placer>;
}

/** One dot on the projector: a position and how many placements share it. */
export interface Dot {
	skill: number;
	will: number;
	count: number;
}

/**
 * The anonymous scatter. Task texts are left out on purpose: "the new rota system" next to a low
 * will could point straight at a colleague the room knows, so only positions and counts go out.
 */
export interface ProjectorView {
	/** False while answers come in or too few people have answered: counts only, no dots. */
	shown: boolean;
	needed: number;
	total: number;
	people: number;
	counts: Record<Quadrant, number>;
	/** Sorted by position, not by arrival, so the order says nothing about who answered when. */
	dots: Dot[];
}

export interface PhoneView {
	maxPlacements: number;
	placements: (Placement & { quadrant: Quadrant })[];
}

const NOT_THERE = 'That placement is no longer there. It may have been removed on another screen.';

function own(state: State, participantId: string): Placer {
	return state.people[participantId] ?? { next: 1, placements: [] };
}

export const skillWill: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'skill-will',
	label: 'Skill/will matrix',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	/** Brief §1, A5 skill/will matrix. */
	criteria: ['4.2', '4.3', '3.2'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,

	initial: () => ({ people: {} }),

	reduce(state, input, ctx, config) {
		const placer = own(state, ctx.participantId);
		// Every check comes before the first write, so a refused input leaves the state untouched.
		if (input.kind === 'add') {
			if (placer.placements.length >= config.maxPlacements) {
				const n = config.maxPlacements;
				throw new InputRejected(
					`You can place up to ${n} ${n === 1 ? 'person' : 'people'}. Change or remove one first.`
				);
			}
			const { initials, task, skill, will } = input;
			placer.placements.push({ id: `p${placer.next}`, initials, task, skill, will });
			placer.next += 1;
			state.people[ctx.participantId] = placer;
			return state;
		}
		const index = placer.placements.findIndex((p) => p.id === input.id);
		if (index < 0) throw new InputRejected(NOT_THERE);
		if (input.kind === 'remove') placer.placements.splice(index, 1);
		else {
			const { id, initials, task, skill, will } = input;
			placer.placements[index] = { id, initials, task, skill, will };
		}
		return state;
	},

	projector(state, ctx) {
		const counts = Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as Record<Quadrant, number>;
		const byPosition = new Map<number, Dot>();
		let people = 0;
		for (const placer of Object.values(state.people)) {
			if (placer.placements.length > 0) people += 1;
			for (const { skill, will } of placer.placements) {
				counts[quadrantOf(skill, will)] += 1;
				const key = skill * 100 + will;
				const dot = byPosition.get(key) ?? { skill, will, count: 0 };
				dot.count += 1;
				byPosition.set(key, dot);
			}
		}
		const dots = [...byPosition.values()].sort((a, b) => a.skill - b.skill || a.will - b.will);
		const total = dots.reduce((n, d) => n + d.count, 0);
		const needed = ctx.config.minAnswers;
		// Live dots would single out whoever just pressed Save: positions wait for the reveal and for K people.
		if (ctx.status !== 'revealed' || people < needed) {
			const empty = Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as Record<Quadrant, number>;
			return { shown: false, needed, total, people, counts: empty, dots: [] };
		}
		return { shown: true, needed, total, people, counts, dots };
	},

	phone(state, ctx) {
		const placements = own(state, ctx.participantId).placements.map((p) => ({
			...p,
			quadrant: quadrantOf(p.skill, p.will)
		}));
		return { maxPlacements: ctx.config.maxPlacements, placements };
	},

	exportRows: (state, ctx) => exportRows(state, ctx)
};

function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	return Object.entries(state.people).flatMap(([id, placer]) =>
		placer.placements.map((p) => {
			const quadrant = quadrantOf(p.skill, p.will);
			return {
				participant: names.get(id) ?? 'Unknown participant',
				initials: p.initials,
				task: p.task,
				skill: p.skill,
				will: p.will,
				quadrant: QUADRANT_GUIDE[quadrant].name
			};
		})
	);
}
