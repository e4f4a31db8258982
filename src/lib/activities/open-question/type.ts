import {
	InputRejected,
	type ActivityType,
	type ExportRow,
	type InputContext,
	type TrainerContext,
	type ViewContext,
	type PhoneContext
} from '../contract';
import {
	configSchema,
	inputSchema,
	trainerInputSchema,
	type Config,
	type Input,
	type TrainerInput
} from './schema';
import { evidence } from './evidence';
import { plural } from '../shared/words';

export type { Config, Input, TrainerInput };

/** The room's answers on one board; at most this many, so every view stays small. */
export const MAX_ANSWERS_TOTAL = 600;

export interface Answer {
	/** The sender plus the add input's client-made id: a replay rebuilds the same ids. */
	id: string;
	/** Whose answer it is: the group id, or the participant id when working alone. */
	owner: string;
	/** True when `owner` is a participant (individual grouping, or someone in no group). */
	solo: boolean;
	authorId: string;
	column: number;
	text: string;
	addedAt: number;
	updatedAt: number;
}

export interface State {
	/** In the order added. */
	answers: Answer[];
	/** Ids of deleted answers, so a late edit hears "deleted" rather than "not found". */
	deleted: string[];
	/** The answer shown large on the projector, or null. */
	spotlight: string | null;
	/** Off by default: the projector is anonymous until the trainer turns names on. */
	showNames: boolean;
	/** Answers the trainer hid from the projector (moderation; kept, exported with "hidden"). */
	hidden: string[];
	/** With `approve` on: answers the trainer let through to the projector. */
	approved: string[];
}

export interface ProjectorAnswer {
	id: string;
	text: string;
	/** The group's or person's name when the trainer shows names; otherwise null. */
	by: string | null;
	/** The group that wrote it (group work only), so `G` on the projector shows that group's answers. */
	groupId: string | null;
	/** Kept off the projector: hidden by the trainer, or waiting for approval. The remote shows it marked. */
	hidden: boolean;
	/** Waiting for the trainer's approval (approve-before-showing mode). */
	pending: boolean;
}

export interface ProjectorView {
	question: string;
	columns: { label: string; answers: ProjectorAnswer[] }[];
	spotlight: (ProjectorAnswer & { column: string }) | null;
	showNames: boolean;
	/** Answers show on the projector while collecting (else only once results are shown). */
	live: boolean;
	total: number;
	/** How many groups (or people working alone) have added something. */
	contributors: number;
}

export interface PhoneAnswer {
	id: string;
	column: number;
	text: string;
	/** The group member who added it (only in group work, where members see each other's names). */
	author: string | null;
	mine: boolean;
}

export interface PhoneView {
	question: string;
	columns: string[];
	/** Own answers (or the group's), oldest first. */
	answers: PhoneAnswer[];
	maxAnswers: number;
	/** True when one of these answers is on the projector right now. */
	spotlighted: boolean;
}

/** Whose answers an input touches: the sender's group, or the sender alone. */
export const ownerOf = (ctx: Pick<InputContext, 'groupId' | 'participantId'>) =>
	ctx.groupId ?? ctx.participantId;

export const initialState = (): State => ({
	answers: [],
	deleted: [],
	spotlight: null,
	showNames: false,
	hidden: [],
	approved: []
});

/** Whether the room may see an answer: not hidden, and approved when approval is on. */
export function onScreen(state: State, config: Pick<Config, 'approve'>, id: string): boolean {
	return !state.hidden.includes(id) && (!config.approve || state.approved.includes(id));
}

function checkColumn(column: number, config: Config) {
	if (column >= config.columns.length)
		throw new InputRejected('Pick one of the columns on your screen.');
}

/** The answer, if the sender's own (or their group's); otherwise a message the sender can act on. */
function findOwn(state: State, owner: string, answerId: string): Answer {
	const answer = state.answers.find((a) => a.id === answerId);
	if (answer && answer.owner === owner) return answer;
	if (answer)
		throw new InputRejected(
			'That answer belongs to someone else: only its own group or author can change it.'
		);
	if (state.deleted.includes(answerId)) throw new InputRejected('That answer has been deleted.');
	throw new InputRejected(
		'That answer could not be found. Refresh the page to see the latest answers.'
	);
}

/**
 * Applies one phone input. Inputs apply in the server's order, so two edits of one answer end
 * with the later one (last write wins). Every check runs before the first change.
 */
export function reduce(state: State, input: Input, ctx: InputContext, config: Config): State {
	const owner = ownerOf(ctx);
	switch (input.kind) {
		case 'add': {
			const id = `${ctx.participantId}:${ctx.inputId}`;
			// A retry that slipped past the engine: already applied, nothing to do.
			if (state.answers.some((a) => a.id === id) || state.deleted.includes(id)) return state;
			checkColumn(input.column, config);
			const own = state.answers.filter((a) => a.owner === owner).length;
			if (own >= config.maxAnswers) {
				throw new InputRejected(
					`${ctx.groupId ? 'Your group has' : 'You have'} ${plural(config.maxAnswers, 'answer')}, the most allowed. Edit or delete one to add another.`
				);
			}
			if (state.answers.length >= MAX_ANSWERS_TOTAL)
				throw new InputRejected('The board is full. Ask the trainer to start a new round.');
			state.answers.push({
				id,
				owner,
				solo: ctx.groupId === null,
				authorId: ctx.participantId,
				column: input.column,
				text: input.text,
				addedAt: ctx.at,
				updatedAt: ctx.at
			});
			return state;
		}
		case 'edit': {
			const answer = findOwn(state, owner, input.answerId);
			if (input.column !== undefined) checkColumn(input.column, config);
			// Changed words need a fresh approval: an approved answer cannot be edited into something else.
			if (config.approve && answer.text !== input.text) {
				state.approved = state.approved.filter((id) => id !== answer.id);
				if (state.spotlight === answer.id) state.spotlight = null;
			}
			answer.text = input.text;
			if (input.column !== undefined) answer.column = input.column;
			answer.updatedAt = ctx.at;
			return state;
		}
		case 'delete': {
			const answer = findOwn(state, owner, input.answerId);
			state.answers.splice(state.answers.indexOf(answer), 1);
			state.deleted.push(answer.id);
			if (state.spotlight === answer.id) state.spotlight = null;
			return state;
		}
	}
}

/** The trainer's actions: spotlight one answer (or none), show or hide names. Checks first. */
export function trainerReduce(
	state: State,
	input: TrainerInput,
	_ctx: TrainerContext,
	config: Config
): State {
	switch (input.kind) {
		case 'spotlight': {
			if (input.answerId !== null && !state.answers.some((a) => a.id === input.answerId)) {
				throw new InputRejected('That answer has been deleted or changed: pick another.');
			}
			if (input.answerId !== null && !onScreen(state, config, input.answerId))
				throw new InputRejected('That answer is hidden from the projector: show it first.');
			state.spotlight = input.answerId;
			return state;
		}
		case 'moderate': {
			const id = input.answerId;
			if (!state.answers.some((a) => a.id === id))
				throw new InputRejected('That answer has been deleted or changed: pick another.');
			state.hidden = state.hidden.filter((h) => h !== id);
			state.approved = state.approved.filter((h) => h !== id);
			if (input.shown) state.approved.push(id);
			else {
				state.hidden.push(id);
				if (state.spotlight === id) state.spotlight = null;
			}
			return state;
		}
		case 'show-names':
			state.showNames = input.on;
			return state;
	}
}

/** The group's name, or the person's when they work alone. */
function ownerName(answer: Answer, ctx: ViewContext<Config>): string {
	if (answer.solo)
		return ctx.participants.find((p) => p.id === answer.owner)?.name ?? 'Former participant';
	return ctx.groups.find((g) => g.id === answer.owner)?.name ?? 'Former group';
}

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const shown = (a: Answer): ProjectorAnswer => ({
		id: a.id,
		text: a.text,
		by: state.showNames ? ownerName(a, ctx) : null,
		groupId: a.solo ? null : a.owner,
		hidden: !onScreen(state, ctx.config, a.id),
		pending: ctx.config.approve && !state.hidden.includes(a.id) && !state.approved.includes(a.id)
	});
	const spot = state.spotlight ? state.answers.find((a) => a.id === state.spotlight) : undefined;
	return {
		question: ctx.config.question,
		columns: ctx.config.columns.map((label, i) => ({
			label,
			answers: state.answers.filter((a) => a.column === i).map(shown)
		})),
		spotlight: spot ? { ...shown(spot), column: ctx.config.columns[spot.column] ?? '' } : null,
		showNames: state.showNames,
		live: ctx.config.results === 'live',
		total: state.answers.length,
		contributors: new Set(state.answers.map((a) => a.owner)).size
	};
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const owner = ctx.groupId ?? ctx.participantId;
	const own = state.answers.filter((a) => a.owner === owner);
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	return {
		question: ctx.config.question,
		columns: ctx.config.columns,
		answers: own.map((a) => ({
			id: a.id,
			column: a.column,
			text: a.text,
			author: ctx.groupId ? (names.get(a.authorId) ?? 'Former member') : null,
			mine: a.authorId === ctx.participantId
		})),
		maxAnswers: ctx.config.maxAnswers,
		spotlighted: own.some((a) => a.id === state.spotlight)
	};
}

/** One row per answer, with its group (or person) and author: exports are the trainer's own records. */
export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	return state.answers.map((a) => ({
		question: ctx.config.question,
		column: ctx.config.columns[a.column] ?? '',
		answer: a.text,
		group: a.solo ? null : ownerName(a, ctx),
		author: names.get(a.authorId) ?? 'Former participant',
		spotlighted: state.spotlight === a.id,
		hidden: !onScreen(state, ctx.config, a.id)
	}));
}

/**
 * Open question (Session A's introductions and fair assessment; Session B's "why appraisal",
 * pros and cons, feedback): individuals, pairs or groups post short answers, optionally into
 * columns; the trainer spotlights answers on the projector, anonymous unless names are shown.
 */
export const openQuestion: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'open-question',
	label: 'Open question',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	/** Used for A6, B1, B4 and the introductions alike: each content file names its own row's criteria. */
	criteria: [],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,
	trainer: { input: trainerInputSchema, reduce: trainerReduce },
	initial: () => initialState(),
	reduce,
	projector: projectorView,
	phone: phoneView,
	exportRows
};
