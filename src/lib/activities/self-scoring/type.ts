import { InputRejected, type ActivityType, type ExportRow, type ViewContext } from '../contract';
import { configSchema, inputSchema, type Config, type Input } from './schema';
import {
	dimensionsOf,
	itemsOf,
	profileOf,
	roomView,
	round1,
	scaleOf,
	type Dimension,
	type Item,
	type Profile,
	type RoomView,
	type ScalePoint
} from './scoring';
import { evidence } from './evidence';

export type { Config, Input, Dimension, Item, Profile, RoomView, ScalePoint };

/** One participant's answer. Only its author's phone and the trainer's export ever see it. */
export interface Answer {
	ratings: Record<string, number>;
	/** Set by 'submit' once every item is rated; only complete answers count for the room. */
	complete: boolean;
}

/** Keyed by participant id (server-made, never shown to anyone). Plain data, so it serialises as is. */
export interface State {
	answers: Record<string, Answer>;
}

export type ProjectorView = RoomView;

export interface PhoneView {
	note: string;
	dimensions: Dimension[];
	items: Item[];
	scale: ScalePoint[];
	mine: Answer;
	/** Present once the answer is complete: the private profile. */
	profile: Profile | null;
}

const blank = (): Answer => ({ ratings: {}, complete: false });

export const selfScoring: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'self-scoring',
	label: 'Self-scoring questionnaire',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	// After the reveal the phone's own view is the person's private profile: kept open.
	ownResultOnPhone: true,
	/** Brief §1, A7 learning preferences: development actions. */
	criteria: ['4.3'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,

	initial: () => ({ answers: {} }),

	reduce(state, input, ctx, config) {
		const existing = state.answers[ctx.participantId];
		// Every check comes before the first write, so a refused input leaves the state untouched.
		switch (input.kind) {
			case 'rate': {
				const index = Number(input.itemId.slice(1)) - 1;
				if (index >= config.items.length)
					throw new InputRejected('That item is not in this questionnaire.');
				const top = scaleOf(config).length;
				if (input.value > top) throw new InputRejected(`Please choose a rating from 1 to ${top}.`);
				const answer = existing ?? blank();
				answer.ratings[input.itemId] = input.value; // a re-rating replaces
				state.answers[ctx.participantId] = answer;
				return state;
			}
			case 'submit': {
				const missing = itemsOf(config).filter(
					(item) => existing?.ratings[item.id] === undefined
				).length;
				if (missing > 0)
					throw new InputRejected(`Please rate every statement first: ${missing} still to go.`);
				existing!.complete = true;
				return state;
			}
			case 'reset':
				delete state.answers[ctx.participantId];
				return state;
		}
	},

	projector(state, ctx) {
		const done = Object.values(state.answers)
			.filter((a) => a.complete)
			.map((a) => a.ratings);
		const needed = ctx.config.minAnswers;
		// Live updates would let the room read each newcomer's answers as the difference between two
		// pictures, so until the reveal (and below K) the projector shows the count only.
		if (ctx.status !== 'revealed' || done.length < needed)
			return {
				note: ctx.config.note,
				ready: false,
				completed: done.length,
				needed,
				held: done.length >= needed
			};
		return roomView(ctx.config, done);
	},

	phone(state, ctx) {
		const own = state.answers[ctx.participantId];
		// A copy, so the view never aliases the live state that later inputs change (a plain copy:
		// structuredClone cost more than the rest of the view).
		const mine: Answer = own ? { ratings: { ...own.ratings }, complete: own.complete } : blank();
		return {
			note: ctx.config.note,
			dimensions: dimensionsOf(ctx.config),
			items: itemsOf(ctx.config),
			scale: scaleOf(ctx.config),
			mine,
			profile: mine.complete ? profileOf(ctx.config, mine.ratings) : null
		};
	},

	exportRows: (state, ctx) => exportRows(state, ctx)
};

/** One row per participant: their name, whether they finished, and each dimension's score (trainer only). */
function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	return Object.entries(state.answers).map(([id, answer]) => {
		const profile = profileOf(ctx.config, answer.ratings);
		const row: ExportRow = {
			participant: names.get(id) ?? 'Unknown participant',
			complete: answer.complete
		};
		ctx.config.dimensions.forEach((d, i) => {
			const mean = profile.scores[i]?.mean ?? null;
			row[d.name] = mean === null ? null : round1(mean);
		});
		return row;
	});
}
