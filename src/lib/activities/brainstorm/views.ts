import type { ExportRow, PhoneContext, ViewContext } from '../contract';
import { IDEA_MAX, type Config, type Display } from './schema';
import { isLive, voteCounts, type Idea, type State } from './state';
import { wordCounts, type WordCount } from './words';

/** A card as the room sees it: no author, ever. */
export interface WallCard {
	/** The public ref, never the internal id (which names the author). */
	id: string;
	text: string;
	/** How many duplicates were merged into it. */
	merged: number;
}

export interface WallTheme {
	/** null: "not sorted yet". */
	id: string | null;
	name: string;
	cards: WallCard[];
}

export interface TopIdea {
	id: string;
	text: string;
	votes: number;
	theme: string | null;
	/** 1 for the most votes; ties share a rank. */
	rank: number;
}

/**
 * The projector's (and the trainer's remote's) view: anonymous. Per-card vote counts are left
 * out until the trainer reveals: while voting runs, nobody (the trainer included) sees which
 * card is ahead, so the room votes for what it thinks works rather than following the crowd.
 * Only how many people have voted is shown, which says nothing about any card.
 */
export interface ProjectorView {
	prompt: string;
	target: number;
	ideaCount: number;
	contributors: number;
	themes: { id: string; name: string }[];
	/** The themes in order, then "not sorted yet" (only when it has cards). */
	wall: WallTheme[];
	words: WordCount[];
	display: Display;
	voting: boolean;
	votesPerPerson: number;
	voters: number;
	/** null until revealed. */
	top: TopIdea[] | null;
}

export interface MyIdea {
	id: string;
	text: string;
	status: 'on-wall' | 'merged' | 'removed';
	/** For a merged idea: the text of the card it joined. */
	mergedWith: string | null;
	theme: string | null;
}

export interface BallotCard {
	id: string;
	text: string;
	mine: boolean;
	/** This phone's own dots on it; nobody else's. */
	myVotes: number;
}

export interface PhoneView {
	prompt: string;
	maxLength: number;
	maxIdeas: number;
	/** Counted like the reducer counts: merged and removed ideas still count toward the limit. */
	added: number;
	mine: MyIdea[];
	voting: boolean;
	votesPerPerson: number;
	votesLeft: number;
	/** Every card on the wall while voting is open (anonymous), else null. */
	ballot: BallotCard[] | null;
}

const TOP_COUNT = 10;
const UNSORTED = 'Not sorted yet';

const wallCard = (idea: Idea, state: State): WallCard => ({
	id: idea.ref,
	text: idea.text,
	merged: state.ideas.filter((i) => i.mergedInto === idea.ref).length
});

export function projectorView(state: State, ctx: ViewContext<Config>): ProjectorView {
	const live = state.ideas.filter(isLive);
	const wall: WallTheme[] = state.themes.map((t) => ({
		id: t.id,
		name: t.name,
		cards: live.filter((i) => i.themeId === t.id).map((i) => wallCard(i, state))
	}));
	const unsorted = live.filter((i) => i.themeId === null);
	if (unsorted.length)
		wall.push({ id: null, name: UNSORTED, cards: unsorted.map((i) => wallCard(i, state)) });
	// Merged duplicates still count in the cloud: several people thinking of it is what the cloud shows.
	const words = wordCounts(state.ideas.filter((i) => !i.removed).map((i) => i.text));
	return {
		prompt: ctx.config.prompt,
		target: ctx.config.target,
		ideaCount: live.length,
		contributors: new Set(state.ideas.filter((i) => !i.removed).map((i) => i.authorId)).size,
		themes: state.themes.map((t) => ({ ...t })),
		wall,
		words,
		display: state.display,
		voting: state.voting,
		votesPerPerson: ctx.config.votesPerPerson,
		voters: Object.values(state.votes).filter((v) => v.length > 0).length,
		top: ctx.status === 'revealed' ? topIdeas(state) : null
	};
}

/** Most votes first; a tie goes to the card added first. Cards nobody voted for are left out. */
export function topIdeas(state: State, limit = TOP_COUNT): TopIdea[] {
	const counts = voteCounts(state);
	const names = new Map(state.themes.map((t) => [t.id, t.name]));
	const ranked = state.ideas
		.filter(isLive)
		.map((i) => ({ idea: i, votes: counts.get(i.ref) ?? 0 }))
		.filter((r) => r.votes > 0)
		.sort((a, b) => b.votes - a.votes || a.idea.at - b.idea.at);
	return ranked.slice(0, limit).map((r) => ({
		id: r.idea.ref,
		text: r.idea.text,
		votes: r.votes,
		theme: r.idea.themeId ? (names.get(r.idea.themeId) ?? null) : null,
		rank: ranked.findIndex((x) => x.votes === r.votes) + 1
	}));
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const names = new Map(state.themes.map((t) => [t.id, t.name]));
	const byRef = new Map(state.ideas.map((i) => [i.ref, i]));
	const own = state.ideas.filter((i) => i.authorId === ctx.participantId);
	const myVotes = state.votes[ctx.participantId] ?? [];
	const themeOf = (i: Idea) => {
		const shown = i.mergedInto ? byRef.get(i.mergedInto) : i;
		return shown?.themeId ? (names.get(shown.themeId) ?? null) : null;
	};
	return {
		prompt: ctx.config.prompt,
		maxLength: IDEA_MAX,
		maxIdeas: ctx.config.maxIdeasPerPerson,
		added: own.length,
		mine: own.map((i) => ({
			id: i.ref,
			text: i.text,
			status: i.removed ? 'removed' : i.mergedInto ? 'merged' : 'on-wall',
			mergedWith: i.mergedInto ? (byRef.get(i.mergedInto)?.text ?? null) : null,
			theme: themeOf(i)
		})),
		voting: state.voting,
		votesPerPerson: ctx.config.votesPerPerson,
		votesLeft: Math.max(0, ctx.config.votesPerPerson - myVotes.length),
		ballot: state.voting
			? state.ideas.filter(isLive).map((i) => ({
					id: i.ref,
					text: i.text,
					mine: i.authorId === ctx.participantId,
					myVotes: myVotes.filter((v) => v.ref === i.ref).length
				}))
			: null
	};
}

/** One row per card (merged and removed ones too, saying so), for the trainer's records. */
export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const people = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const themes = new Map(state.themes.map((t) => [t.id, t.name]));
	const texts = new Map(state.ideas.map((i) => [i.ref, i.text]));
	const counts = voteCounts(state);
	return state.ideas.map((i) => ({
		card: i.ref,
		idea: i.text,
		theme: i.themeId ? (themes.get(i.themeId) ?? null) : null,
		votes: isLive(i) ? (counts.get(i.ref) ?? 0) : 0,
		status: i.removed ? 'removed by trainer' : i.mergedInto ? 'merged' : 'on wall',
		mergedInto: i.mergedInto ? (texts.get(i.mergedInto) ?? null) : null,
		author: people.get(i.authorId) ?? 'Former participant'
	}));
}
