import { InputRejected, type ActivityType, type ExportRow, type ViewContext } from '../contract';
import { roomView, type RoomView } from './aggregate';
import { formatMean, profileOf, type Profile, type Rating } from './profile';
import { configSchema, inputSchema, type Config, type Input, type Subject } from './schema';
import { listStatements, type Statement } from './statements';
import { evidence } from './evidence';

export type { Config, Input, Subject };

/** One participant's answer. Only its author's phone and the trainer's export ever see it. */
export interface Answer {
	subject: Subject | null;
	ratings: Record<string, Rating>;
	/** Set by 'submit' once every statement is rated; only complete answers count for the room. */
	complete: boolean;
}

/** Keyed by participant id (server-made, never shown to anyone). Plain data, so it serialises as is. */
export interface State {
	answers: Record<string, Answer>;
}

export type ProjectorView = RoomView;

export interface PhoneView {
	about: Config['about'];
	statements: Statement[];
	mine: Answer;
	/** Present once the answer is complete: the private profile. */
	profile: Profile | null;
}

const blank = (): Answer => ({ subject: null, ratings: {}, complete: false });

function missingCount(statements: Statement[], answer: Answer | undefined): number {
	return statements.filter((s) => answer?.ratings[s.id] === undefined).length;
}

function checkSubject(subject: Subject, config: Config): void {
	if (config.about === 'team' && subject.type !== 'team')
		throw new InputRejected('This assessment is about your own team.');
	if (config.about === 'person' && subject.type !== 'person')
		throw new InputRejected('This assessment is about one team member.');
}

export const amo: ActivityType<Config, Input, State, ProjectorView, PhoneView> = {
	type: 'amo',
	label: 'AMO assessment',
	config: configSchema,
	input: inputSchema,
	defaultGrouping: 'individual',
	// After the reveal the phone's own view is the person's private profile: kept open.
	ownResultOnPhone: true,
	/** Brief §1, A4 AMO assessment: causes of underperformance first, then the manager's part and actions. */
	criteria: ['4.2', '1.2', '4.3'],
	// The learner's own answers and their group's work, for their evidence pack.
	evidence,

	initial: () => ({ answers: {} }),

	reduce(state, input, ctx, config) {
		const statements = listStatements(config.statements);
		const existing = state.answers[ctx.participantId];
		// Every check comes before the first write, so a refused input leaves the state untouched.
		switch (input.kind) {
			case 'set-subject': {
				checkSubject(input.subject, config);
				const answer = existing ?? blank();
				answer.subject = input.subject;
				state.answers[ctx.participantId] = answer;
				return state;
			}
			case 'rate': {
				if (!statements.some((s) => s.id === input.statementId))
					throw new InputRejected('That statement is not in this assessment.');
				const answer = existing ?? blank();
				answer.ratings[input.statementId] = input.value as Rating; // a re-rating replaces
				state.answers[ctx.participantId] = answer;
				return state;
			}
			case 'submit': {
				if (!existing?.subject)
					throw new InputRejected('Please choose who you are thinking of first.');
				const missing = missingCount(statements, existing);
				if (missing > 0) {
					throw new InputRejected(`Please rate every statement first: ${missing} still to go.`);
				}
				existing.complete = true;
				return state;
			}
			case 'reset':
				delete state.answers[ctx.participantId];
				return state;
		}
	},

	projector(state, ctx) {
		// Live updates would let the room read each newcomer's answers as the difference between two
		// pictures, so while answers are coming in the projector shows the count only: counted
		// without lists, as it is ten times a second in a room of thousands.
		if (ctx.status !== 'revealed') {
			let completed = 0;
			for (const id in state.answers) if (state.answers[id]!.complete) completed++;
			return {
				ready: false,
				completed,
				needed: ctx.config.minAnswers,
				held: completed >= ctx.config.minAnswers
			};
		}
		const done = Object.values(state.answers)
			.filter((a) => a.complete)
			.map((a) => a.ratings);
		return roomView(listStatements(ctx.config.statements), done, ctx.config.minAnswers);
	},

	phone(state, ctx) {
		const statements = listStatements(ctx.config.statements);
		const own = state.answers[ctx.participantId];
		// A copy, so the view never aliases the live state that later inputs change (a subject is
		// replaced, never changed, so it is shared; structuredClone cost more than the rest of the view).
		const mine: Answer = own
			? { subject: own.subject, ratings: { ...own.ratings }, complete: own.complete }
			: blank();
		return {
			about: ctx.config.about,
			statements,
			mine,
			profile: mine.complete ? profileOf(statements, mine.ratings) : null
		};
	},

	// A rating changes one number of the sender's own answer (until the answer is complete, when
	// the profile changes too): said outright, the most frequent input of a burst costs no view.
	// The value is read from the state, not the input: another tab's rating of the same statement
	// may have landed meanwhile, and the view says what the state says.
	senderOps(state, input, ctx) {
		const own = state.answers[ctx.participantId];
		if (input.kind !== 'rate' || !own || own.complete) return null;
		return [[0, ['view', 'mine', 'ratings', input.statementId], own.ratings[input.statementId]]];
	},

	exportRows: (state, ctx) => exportRows(state, ctx)
};

function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const statements = listStatements(ctx.config.statements);
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	return Object.entries(state.answers).map(([id, answer]) => {
		const profile = profileOf(statements, answer.ratings);
		const row: ExportRow = {
			participant: names.get(id) ?? 'Unknown participant',
			about: answer.subject?.type ?? null,
			initials: answer.subject?.type === 'person' ? answer.subject.initials : null,
			complete: answer.complete
		};
		for (const score of profile.scores)
			row[score.dimension] = score.mean === null ? null : Number(formatMean(score.mean));
		for (const s of statements) row[s.id.toUpperCase()] = answer.ratings[s.id] ?? null;
		return row;
	});
}
