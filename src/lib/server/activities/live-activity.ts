import type { AnyActivityType, GroupInfo, PersonInfo } from '$lib/activities/contract';
import { seededRandom } from '$lib/activities/shared/random';
import { freeze } from '$lib/shared/patch';
import type {
	ActivityHeader,
	GroupWithNames,
	PhoneActivity,
	TrainerActivity
} from '$lib/shared/events';
import type { ActivityRun } from '../db/schema';

type Progress = TrainerActivity['progress'];

/** The sender key of trainers' actions in `seen` (participant ids are random ids, never this). */
export const TRAINER = 'trainer';

/**
 * One activity run in memory: its row, the type's state, and who has answered. Built by replaying
 * the run's stored inputs through the type's reducer, so it is identical after a restart.
 */
export class LiveActivity {
	state: unknown;
	/** Participants with at least one accepted input: "18 of 24 in". */
	readonly answered = new Set<string>();
	/**
	 * Every accepted input's id by sender (a participant's id, or TRAINER), so a retry is
	 * recognised without the disk. Per sender rather than one set of `participantId:inputId`
	 * texts: each of those was two strings kept for the run's life (5 MB in a minute of 2,000
	 * phones editing pyramids).
	 */
	readonly #seen = new Map<string, Set<string>>();

	/** Whether this sender's input with this id was accepted (TRAINER for a trainer's action). */
	seen(senderId: string, inputId: string): boolean {
		return this.#seen.get(senderId)?.has(inputId) ?? false;
	}

	#markSeen(senderId: string, inputId: string): void {
		let ids = this.#seen.get(senderId);
		if (!ids) this.#seen.set(senderId, (ids = new Set()));
		ids.add(inputId);
	}
	/**
	 * The last view sent to each phone and its revision: later changes go out as patches against
	 * it (src/lib/shared/patch.ts). A new run (or a run rebuilt from disk) starts with none, so
	 * its phones get whole views first.
	 */
	readonly sent = new Map<string, { rev: number; view: PhoneActivity }>();
	/** The same for the room's trainer screens (projector and remote), which share one stream. */
	trainerSent: { rev: number; view: TrainerActivity } | undefined;

	constructor(
		public row: ActivityRun,
		readonly type: AnyActivityType
	) {
		// A run's settings never change; frozen, the parts of views taken from them (the pyramid's
		// step names) are kept as they are by the diff rather than copied for every phone.
		freeze(row.config);
		this.state = type.initial(row.config);
	}

	get header(): ActivityHeader {
		const { id, activityId, type, title, prompt, status, grouping } = this.row;
		return { runId: id, activityId, type, title, prompt, status, grouping };
	}

	/**
	 * The header with more fields after it: Object.assign onto a literal, not
	 * `{ ...this.header, more }` (a hidden class per phone update: see withRev in patch.ts).
	 */
	#withHeader<T extends object>(more: T): ActivityHeader & T {
		return Object.assign(this.header, more);
	}

	/** Member id → group, rebuilt when the row's groups change (they are replaced, never mutated). */
	#index: { groups: GroupInfo[]; byMember: Map<string, GroupInfo> } | undefined;

	/** The participant's group, without scanning every group on each input. */
	groupOf(participantId: string): GroupInfo | null {
		const groups = this.row.groups;
		if (this.#index?.groups !== groups) {
			const byMember = new Map<string, GroupInfo>();
			for (const g of groups)
				for (const id of g.memberIds) if (!byMember.has(id)) byMember.set(id, g);
			this.#index = { groups, byMember };
		}
		return this.#index.byMember.get(participantId) ?? null;
	}

	groupIdOf(participantId: string): string | null {
		return this.groupOf(participantId)?.id ?? null;
	}

	/**
	 * Applies one new input; the reducer throws before changing anything if it refuses it. Returns
	 * the other phones (beyond the sender's group) whose view it changed.
	 */
	apply(participantId: string, inputId: string, input: unknown, at: number): string[] {
		const ctx = { participantId, groupId: this.groupIdOf(participantId), inputId, at };
		this.applyAs(participantId, ctx.groupId, inputId, input, at);
		return this.type.alsoAffects?.(this.state, input, ctx) ?? [];
	}

	/** Applies an input as sent from `groupId`: replays use the group stored with it, not today's. */
	applyAs(
		participantId: string,
		groupId: string | null,
		inputId: string,
		input: unknown,
		at: number
	): void {
		const ctx = { participantId, groupId, inputId, at };
		this.state = this.type.reduce(this.state, input, ctx, this.row.config);
		this.answered.add(participantId);
		this.#markSeen(participantId, inputId);
	}

	/** A trainer's action, in the room as stored with it; the type's trainer reducer applies it. */
	applyTrainer(
		inputId: string,
		input: unknown,
		at: number,
		groups: GroupInfo[],
		participants: PersonInfo[]
	): void {
		const actions = this.type.trainer;
		if (!actions) throw new Error(`${this.type.type} has no trainer actions`);
		const ctx = { inputId, at, groups, participants, random: seededRandom(inputId) };
		this.state = actions.reduce(this.state, input, ctx, this.row.config);
		this.#markSeen(TRAINER, inputId);
	}

	#context(people: PersonInfo[]) {
		return {
			config: this.row.config,
			status: this.row.status,
			groups: this.row.groups,
			participants: people
		};
	}

	#named(
		groups: GroupInfo[],
		people: PersonInfo[],
		byId: ReadonlyMap<string, PersonInfo> = new Map(people.map((p) => [p.id, p]))
	): GroupWithNames[] {
		// Object.assign, not a spread and a new key: see #withHeader.
		return groups.map((g) =>
			Object.assign({}, g, { members: g.memberIds.flatMap((id) => byId.get(id) ?? []) })
		);
	}

	/**
	 * What the trainer screens' view takes from the groups and the roster, kept (frozen) until they
	 * change: the groups with names, and "18 of 24 in" in the room and per group, which also waits
	 * for someone's first answer. In a room of 500 groups the progress was otherwise a walk over
	 * everyone who answered and 500 new entries per projector update, each copied into the view
	 * last sent.
	 */
	#trainerKept:
		| {
				groups: GroupInfo[];
				people: PersonInfo[];
				seated: number;
				answerers: number;
				named: GroupWithNames[];
				progress: Progress;
		  }
		| undefined;

	/** `byId` (people by id, the room's own map) may be passed in; built from `people` otherwise. */
	trainerView(
		people: PersonInfo[],
		byId: ReadonlyMap<string, PersonInfo> = new Map(people.map((p) => [p.id, p]))
	): TrainerActivity {
		const kept = this.#trainerKept;
		const sameRoster =
			kept !== undefined &&
			kept.groups === this.row.groups &&
			kept.people === people &&
			kept.seated === people.length;
		const named = sameRoster ? kept.named : freeze(this.#named(this.row.groups, people, byId));
		const progress =
			sameRoster && kept.answerers === this.answered.size
				? kept.progress
				: this.#progressNow(people, byId);
		this.#trainerKept = {
			groups: this.row.groups,
			people,
			seated: people.length,
			answerers: this.answered.size,
			named,
			progress
		};
		return this.#withHeader({
			groups: named,
			progress,
			view: this.type.projector(this.state, this.#context(people))
		});
	}

	#progressNow(people: PersonInfo[], byId: ReadonlyMap<string, PersonInfo>): Progress {
		let answered = 0;
		for (const id of this.answered) if (byId.has(id)) answered += 1;
		const groups = this.row.groups.map((g) => {
			let answered = 0;
			let total = 0;
			for (const id of g.memberIds) {
				if (!byId.has(id)) continue;
				total++;
				if (this.answered.has(id)) answered++;
			}
			return { id: g.id, answered, total };
		});
		return freeze({ answered, total: people.length, groups });
	}

	/** Each group with its members' names, as its phones show it: kept (frozen) while the group and the roster stay. */
	#phoneGroups = new Map<
		string,
		{ group: GroupInfo; people: PersonInfo[]; seated: number; named: GroupWithNames }
	>();

	#phoneGroup(
		group: GroupInfo,
		people: PersonInfo[],
		byId: ReadonlyMap<string, PersonInfo> | undefined
	): GroupWithNames {
		const kept = this.#phoneGroups.get(group.id);
		if (kept && kept.group === group && kept.people === people && kept.seated === people.length)
			return kept.named;
		const named = freeze(this.#named([group], people, byId)[0]!);
		this.#phoneGroups.set(group.id, { group, people, seated: people.length, named });
		return named;
	}

	/** What a type's phone functions are told about the phone `me` (no one else's names). */
	phoneContext(me: PersonInfo, people: PersonInfo[]) {
		// One literal, not a spread of #context: built for every phone update.
		return {
			config: this.row.config,
			status: this.row.status,
			groups: this.row.groups,
			participants: people,
			participantId: me.id,
			groupId: this.groupOf(me.id)?.id ?? null
		};
	}

	/** `byId` (people by id) may be passed in when many phones' views are built at once. */
	phoneView(
		me: PersonInfo,
		people: PersonInfo[],
		byId?: ReadonlyMap<string, PersonInfo>
	): PhoneActivity {
		const group = this.groupOf(me.id);
		const ctx = this.phoneContext(me, people);
		const view: PhoneActivity = this.#withHeader({
			me,
			group: group ? this.#phoneGroup(group, people, byId) : null,
			view: this.type.phone(this.state, ctx)
		});
		if (ctx.status === 'revealed') {
			view.result = this.type.phoneResult?.(this.state, ctx) ?? null;
			view.ownResult = this.type.ownResultOnPhone ?? false;
		}
		return view;
	}
}

/** A stored input as the log keeps it: a participant's, or a trainer's action with its room snapshot. */
export interface StoredInput {
	seq: number;
	participantId: string | null;
	groupId: string | null;
	clientInputId: string;
	payload: unknown;
	createdAt: number;
}

/**
 * Rebuilds a run's state from its input log, in order: the live engine after a restart and every
 * export use this one path, so an export shows exactly what the room saw.
 */
export function replayInputs(live: LiveActivity, log: readonly StoredInput[]): LiveActivity {
	for (const input of log) {
		try {
			if (input.participantId)
				live.applyAs(
					input.participantId,
					input.groupId,
					input.clientInputId,
					input.payload,
					input.createdAt
				);
			else {
				const {
					input: action,
					groups,
					participants
				} = input.payload as { input: unknown; groups: GroupInfo[]; participants: PersonInfo[] };
				live.applyTrainer(input.clientInputId, action, input.createdAt, groups, participants);
			}
		} catch (err) {
			// Stored inputs were accepted once; a type change that now refuses one must not stop the room.
			console.error(`[activities] replay of input ${input.seq} in run ${live.row.id} failed`, err);
		}
	}
	return live;
}
