import type { PhoneResult } from './shared/phone-result';
import type { z } from 'zod';
import type { PatchOp } from '$lib/shared/patch';

/**
 * The one contract every activity type implements. A type is one folder under src/lib/activities/
 * holding `type.ts` (this contract: schemas, reducer, projections, export rows; pure, shared by
 * server and tests) and its Svelte views `Projector.svelte` and `Phone.svelte`. Adding a type is
 * that folder plus one line in `registry.ts`; the views are found by file name.
 */

export type Grouping = 'individual' | 'pairs' | 'groups';
export type ActivityStatus = 'open' | 'closed' | 'revealed';

export interface GroupInfo {
	id: string;
	name: string;
	memberIds: string[];
}

export interface PersonInfo {
	id: string;
	name: string;
}

/** Who sent an input, when, under which client-made id. */
export interface InputContext {
	participantId: string;
	/** The sender's group; null in individual activities. */
	groupId: string | null;
	/** Client-made id: a retry with the same id is acknowledged once and never applied twice. */
	inputId: string;
	/** Server time the input was accepted. */
	at: number;
}

export interface ViewContext<Config> {
	config: Config;
	status: ActivityStatus;
	groups: GroupInfo[];
	participants: PersonInfo[];
	/**
	 * The report's view (paper has every page it needs): nothing is held back for a screen's
	 * sake, where a projector view may send only what a screen can ever show.
	 */
	whole?: boolean;
}

export interface PhoneContext<Config> extends ViewContext<Config> {
	participantId: string;
	groupId: string | null;
}

/**
 * A trainer's action inside an activity (deal cards, rotate roles, spotlight a group). Its context
 * is the room as it was at that moment, stored with the action, so a replay sees exactly the same.
 */
export interface TrainerContext {
	inputId: string;
	at: number;
	groups: GroupInfo[];
	participants: PersonInfo[];
	/** Random numbers in [0, 1), seeded by the action's id: a replay deals the same cards. */
	random: () => number;
}

export interface TrainerActions<Config, TrainerInput, State> {
	input: z.ZodType<TrainerInput, unknown>;
	/** Same rules as `reduce`: deterministic, and throws InputRejected before changing anything. */
	reduce(state: State, input: TrainerInput, ctx: TrainerContext, config: Config): State;
}

/** An input the rules refuse ("that card is gone", "5 cards per step at most"); the message is shown to the sender. */
export class InputRejected extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InputRejected';
	}
}

export type ExportRow = Record<string, string | number | boolean | null>;

/**
 * One output in a learner's evidence pack: their own work, or a group's work they took part in.
 * Plain text only: the pack is printed and handed to an assessor.
 */
export interface EvidenceItem {
	heading: string;
	/** 'own': this person's answers; 'group': shared work of a group they were in. */
	kind: 'own' | 'group';
	lines: { label?: string; text: string }[];
}

/**
 * A setting the trainer may change just before launching (e.g. the pyramid's five step labels).
 * The remote shows it prefilled from the content file; the edited value is checked by `config`.
 */
export interface SetupField {
	/** The config key it edits. */
	key: string;
	label: string;
	/** Short texts: exactly `count` of them, or (no count) a list the trainer may grow or shrink. */
	kind: 'text-list';
	count?: number;
	min?: number;
	max?: number;
	maxLength: number;
	/**
	 * Placeholder content shipped with the app: while every value is one of these, the launch
	 * panel shows `note` (e.g. "Example practices — replace with your programme's list").
	 */
	example?: { values: readonly string[]; note: string };
}

export interface ActivityType<Config, Input, State, ProjectorView, PhoneView> {
	/** The `type:` of a content file, and the folder name. */
	type: string;
	/** Human name, e.g. "PM pyramid gap mapping". */
	label: string;
	/** The content file's `config:` map; defaults applied here. */
	config: z.ZodType<Config, unknown>;
	/** What one phone may send. Validated before anything else. */
	input: z.ZodType<Input, unknown>;
	/** Default grouping when the content file does not say. */
	defaultGrouping: Grouping;
	/** Settings the trainer may edit before launching; none if absent. */
	setup?: SetupField[];
	/** What the trainer may do while it runs; the remote shows the type's `Remote.svelte` for it. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	trainer?: TrainerActions<Config, any, State>;
	initial(config: Config): State;
	/**
	 * Applies one accepted input. Deterministic and free of I/O, so replaying the stored inputs
	 * rebuilds the state exactly after a restart. It may update `state` in place and return it, but
	 * must throw InputRejected before changing anything when it refuses an input.
	 */
	reduce(state: State, input: Input, ctx: InputContext, config: Config): State;
	/**
	 * Phones outside the sender's group whose view this input changes (a review changes its
	 * author's view). Called after `reduce`; by default only the sender's group is updated.
	 */
	alsoAffects?(state: State, input: Input, ctx: InputContext): string[];
	/** What the projector and the trainer see: aggregates, never one person's private answers. */
	projector(state: State, ctx: ViewContext<Config>): ProjectorView;
	/** What one phone sees: its own answers and its group's shared work, nobody else's. */
	phone(state: State, ctx: PhoneContext<Config>): PhoneView;
	/**
	 * The sender's view change for an input, as patch operations on its phone activity (paths from
	 * the activity: `['view', …]`), when the type can say it outright: the engine then skips
	 * building and comparing the whole view. Called after `reduce`, only when nothing else changed
	 * the sender's view since its last update; null when the type cannot tell (the engine compares).
	 * The operations must be exactly what the comparison would find (a unit test checks it).
	 */
	senderOps?(state: State, input: Input, ctx: PhoneContext<Config>): PatchOp[] | null;
	/**
	 * Once revealed, the room's results a phone may show (the projector's totals, and the person's
	 * own picks marked); without it the phone says the results are on the screen.
	 */
	phoneResult?(state: State, ctx: PhoneContext<Config>): PhoneResult | null;
	/**
	 * After the reveal, its phone view is the person's own result (a private profile): the phone
	 * keeps it open under the room's results instead of folding the closed answers away.
	 */
	ownResultOnPhone?: boolean;
	/** Rows for the CSV/XLSX exports. */
	exportRows(state: State, ctx: ViewContext<Config>): ExportRow[];
	/**
	 * One person's outputs for their evidence pack: their own answers and the group work they
	 * contributed to, nobody else's private answers. Empty when they took no part.
	 */
	evidence?(state: State, ctx: PhoneContext<Config>): EvidenceItem[];
	/** The projector view shows one group's work when focused (G key): the report adds a view per group. */
	groupFocus?: boolean;
	/** ILM 8600-323 criteria this type usually evidences; an activity file's `criteria:` overrides. */
	criteria?: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActivityType = ActivityType<any, any, any, any, any>;

/** Props every Projector.svelte receives. */
export interface ProjectorProps<View> {
	view: View;
	status: ActivityStatus;
	/** "Group 2" when the projector is focused on one group, else null (all groups). */
	focusGroupId: string | null;
	groups: GroupInfo[];
}

/** Props a type's optional Remote.svelte receives: the projector's view, and a way to act. */
export interface RemoteProps<View, TrainerInput> {
	view: View;
	status: ActivityStatus;
	groups: GroupInfo[];
	send: (input: TrainerInput) => Promise<{ ok: true } | { ok: false; error: string }>;
}

/** Props every Phone.svelte receives. */
export interface PhoneProps<View, Input> {
	view: View;
	status: ActivityStatus;
	/** Sends one input; resolves when the server has it on disk (or says why not). */
	send: (input: Input) => Promise<{ ok: true } | { ok: false; error: string }>;
	me: PersonInfo;
	group: GroupInfo | null;
}
