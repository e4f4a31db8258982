import { InputRejected, type InputContext, type TrainerContext } from '../contract';
import type { Config, Input, TrainerInput } from './schema';
import { MAX_THEMES } from './schema';
import { isLive, type Idea, type State } from './state';
import { plural } from '../shared/words';

const FROZEN = 'Voting is on: ideas stay as they are until the trainer closes voting.';

/**
 * One phone's input. Inputs apply in the server's order and each add makes its own card, so
 * adds sent at the same moment from many phones all land. Every check comes before the first change.
 */
export function reduce(state: State, input: Input, ctx: InputContext, config: Config): State {
	switch (input.kind) {
		case 'add': {
			const id = `${ctx.participantId}:${ctx.inputId}`;
			// A retry that slipped past the engine: already there (or deleted since), nothing to do.
			if (state.ideas.some((i) => i.id === id) || state.deleted.includes(id)) return state;
			if (state.voting) throw new InputRejected(FROZEN);
			const mine = state.ideas.filter((i) => i.authorId === ctx.participantId).length;
			if (mine >= config.maxIdeasPerPerson) {
				throw new InputRejected(
					`You have added ${plural(config.maxIdeasPerPerson, 'idea')}, the most allowed. Edit or delete one to add another.`
				);
			}
			state.added += 1;
			state.ideas.push({
				id,
				ref: `c${state.added}`,
				text: input.text,
				authorId: ctx.participantId,
				themeId: null,
				at: ctx.at,
				mergedInto: null,
				removed: false
			});
			return state;
		}
		case 'edit': {
			const idea = ownIdea(state, input.ideaId, ctx.participantId);
			if (state.voting) throw new InputRejected(FROZEN);
			idea.text = input.text;
			return state;
		}
		case 'delete': {
			const idea = ownIdea(state, input.ideaId, ctx.participantId);
			if (state.voting) throw new InputRejected(FROZEN);
			state.ideas.splice(state.ideas.indexOf(idea), 1);
			state.deleted.push(idea.id);
			state.deletedRefs.push(idea.ref);
			// Anyone's dots on it (from an earlier voting round) go back to them.
			dropVotesOn(state, idea.ref);
			return state;
		}
		case 'vote': {
			const voteId = `${ctx.participantId}:${ctx.inputId}`;
			const mine = state.votes[ctx.participantId] ?? [];
			if (mine.some((v) => v.id === voteId)) return state;
			if (!state.voting)
				throw new InputRejected('Voting is not open. The trainer will say when to vote.');
			const idea = votable(state, input.ideaId);
			if (mine.length >= config.votesPerPerson) {
				throw new InputRejected(
					`You have used ${config.votesPerPerson === 1 ? 'your vote' : `all ${config.votesPerPerson} votes`}. Take one back to vote for something else.`
				);
			}
			// More than one dot on the same card is allowed: that is how dot voting shows a strong favourite.
			(state.votes[ctx.participantId] ??= []).push({ id: voteId, ref: idea.ref });
			return state;
		}
		case 'unvote': {
			if (!state.voting) throw new InputRejected('Voting is closed: votes can no longer change.');
			const target = resolve(state, input.ideaId)?.ref ?? input.ideaId;
			const mine = state.votes[ctx.participantId] ?? [];
			const at = mine.findLastIndex((v) => v.ref === target);
			if (at < 0) throw new InputRejected('You have no vote on that idea.');
			mine.splice(at, 1);
			return state;
		}
	}
}

/** The trainer's actions: same rules, deterministic, checks first. */
export function trainerReduce(state: State, input: TrainerInput, ctx: TrainerContext): State {
	switch (input.kind) {
		case 'merge': {
			if (input.intoId === input.fromId)
				throw new InputRejected('Pick two different cards to merge.');
			const into = liveIdea(state, input.intoId);
			const from = liveIdea(state, input.fromId);
			from.mergedInto = into.ref;
			// Cards merged into `from` earlier now point at the card that stays: one hop, always.
			for (const i of state.ideas) if (i.mergedInto === from.ref) i.mergedInto = into.ref;
			if (into.themeId === null) into.themeId = from.themeId;
			// Votes move over: a dot for the duplicate is a dot for the idea.
			for (const list of Object.values(state.votes))
				for (const v of list) if (v.ref === from.ref) v.ref = into.ref;
			return state;
		}
		case 'add-theme': {
			if (state.themes.length >= MAX_THEMES)
				throw new InputRejected(`${MAX_THEMES} themes at most: remove one first.`);
			if (state.themes.some((t) => t.name.toLowerCase() === input.name.toLowerCase()))
				throw new InputRejected('There is already a theme with that name.');
			state.themes.push({ id: `theme-${ctx.inputId}`, name: input.name });
			return state;
		}
		case 'rename-theme': {
			const theme = findTheme(state, input.themeId);
			if (
				state.themes.some((t) => t !== theme && t.name.toLowerCase() === input.name.toLowerCase())
			)
				throw new InputRejected('There is already a theme with that name.');
			theme.name = input.name;
			return state;
		}
		case 'remove-theme': {
			const theme = findTheme(state, input.themeId);
			state.themes.splice(state.themes.indexOf(theme), 1);
			for (const i of state.ideas) if (i.themeId === theme.id) i.themeId = null;
			return state;
		}
		case 'assign': {
			if (input.themeId !== null) findTheme(state, input.themeId);
			const ideas = input.ideaIds.map((id) => liveIdea(state, id));
			for (const i of ideas) i.themeId = input.themeId;
			return state;
		}
		case 'remove-idea': {
			const idea = liveIdea(state, input.ideaId);
			idea.removed = true;
			dropVotesOn(state, idea.ref);
			return state;
		}
		case 'voting':
			state.voting = input.open;
			return state;
		case 'show':
			state.display = input.display;
			return state;
	}
}

/** The card an id now stands for: itself, or the card it was merged into. */
function resolve(state: State, ref: string): Idea | undefined {
	const idea = byRef(state, ref);
	return idea?.mergedInto ? byRef(state, idea.mergedInto) : idea;
}

/** A phone may still show a card the trainer has just merged: its vote goes to the card that stayed. */
function votable(state: State, id: string): Idea {
	const idea = resolve(state, id);
	if (!idea || idea.removed) throw new InputRejected('That idea is no longer on the wall.');
	return idea;
}

function liveIdea(state: State, ref: string): Idea {
	const idea = byRef(state, ref);
	if (!idea || idea.removed) throw new InputRejected('That card is no longer on the wall.');
	if (!isLive(idea)) throw new InputRejected('That card has already been merged into another one.');
	return idea;
}

function ownIdea(state: State, ref: string, participantId: string): Idea {
	const idea = byRef(state, ref);
	if (!idea) {
		if (state.deletedRefs.includes(ref)) throw new InputRejected('That idea has been deleted.');
		throw new InputRejected(
			'That idea could not be found. Refresh the page to see your latest ideas.'
		);
	}
	if (idea.authorId !== participantId)
		throw new InputRejected('Only the person who wrote an idea can change it.');
	if (idea.mergedInto)
		throw new InputRejected(
			'The trainer merged this idea with one just like it, so it can no longer be changed.'
		);
	if (idea.removed) throw new InputRejected('The trainer took this idea off the wall.');
	return idea;
}

const byRef = (state: State, ref: string) => state.ideas.find((i) => i.ref === ref);

function findTheme(state: State, id: string) {
	const theme = state.themes.find((t) => t.id === id);
	if (!theme) throw new InputRejected('That theme is gone. Refresh to see the current themes.');
	return theme;
}

function dropVotesOn(state: State, ref: string) {
	for (const [pid, list] of Object.entries(state.votes))
		state.votes[pid] = list.filter((v) => v.ref !== ref);
}
