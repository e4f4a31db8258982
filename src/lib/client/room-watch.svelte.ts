import type { AgendaPlan } from '$lib/shared/agenda';
import type { ActivityStatus } from '$lib/activities/contract';
import type {
	AgendaRunUpdate,
	CatalogEntry,
	RoomInfo,
	Roster,
	TrainerActivity,
	TrainerPatch
} from '$lib/shared/events';
import { applyPatch } from '$lib/shared/patch';
import type { Control, RunState } from '$lib/shared/run';
import { getSocket, request, setSocketRoom } from './socket';

/** A trainer's live view of one room (projector and remote): people, agenda plan and clock. */
export class RoomWatch {
	room = $state<(RoomInfo & { id: string }) | null>(null);
	roster = $state<Roster | null>(null);
	plan = $state<AgendaPlan | null>(null);
	run = $state<RunState | null>(null);
	#activity = $state<TrainerActivity | null>(null);
	get activity(): TrainerActivity | null {
		return this.#activity;
	}
	/** Every view received passes here, so a run with groups is remembered once it is gone. */
	set activity(activity: TrainerActivity | null) {
		this.#activity = activity;
		if (activity?.groups.length) this.earlierGroups = true;
	}
	catalog = $state<CatalogEntry[]>([]);
	/** "Same groups as before" has groups to reuse: one of the room's activities made some. */
	earlierGroups = $state(false);
	connected = $state(false);
	/** A control is on its way: buttons show it and ignore double taps. */
	busy = $state(false);
	error = $state('');
	#roomId: string;
	#code: string;

	/** `code`: the room's code, which routes this tab's socket to the server running the room. */
	constructor(roomId: string, code: string) {
		this.#roomId = roomId;
		this.#code = code;
	}

	get count(): number {
		return this.roster?.participants.length ?? 0;
	}

	start(): () => void {
		setSocketRoom(this.#code);
		const socket = getSocket();
		const watch = async () => {
			this.connected = true;
			const res = await request('room:watch', { roomId: this.#roomId });
			if (res.ok) {
				this.room = res.data.room;
				this.roster = res.data.roster;
				this.plan = res.data.plan;
				this.run = res.data.run;
				this.earlierGroups = res.data.earlierGroups;
				this.activity = res.data.activity;
				this.catalog = res.data.catalog;
				this.error = '';
			} else this.error = res.error;
		};
		const onActivity = (update: { roomId: string; activity: TrainerActivity | null }) => {
			if (update.roomId !== this.#roomId || this.#older(update.activity)) return;
			this.activity = update.activity;
		};
		// What changed, applied to a copy of the view held (the page sees a new view, as before).
		// A patch this screen cannot apply (it missed one) means watching again for the whole view.
		const onPatch = (p: TrainerPatch) => {
			if (p.roomId !== this.#roomId) return;
			const current = this.activity;
			if (current && current.runId === p.runId && current.rev !== undefined) {
				if (current.rev === p.base) {
					const next = applyPatch($state.snapshot(current) as TrainerActivity, p.ops);
					this.activity = { ...next, rev: p.rev };
					return;
				}
				if (p.rev <= current.rev) return;
			}
			if (this.connected) void watch();
		};
		const onRoster = (roster: Roster) => {
			if (roster.roomId === this.#roomId) this.roster = roster;
		};
		const onRun = (update: AgendaRunUpdate) => {
			if (update.roomId === this.#roomId) this.run = update.run;
		};
		const onClosed = () => {
			if (this.room) this.room = { ...this.room, status: 'closed' };
		};
		const onAccessEnded = (info: { roomId: string; message: string }) => {
			if (info.roomId === this.#roomId) this.error = info.message;
		};
		const offline = () => (this.connected = false);
		socket.on('connect', watch);
		socket.on('room:access-ended', onAccessEnded);
		socket.on('disconnect', offline);
		socket.on('room:roster', onRoster);
		socket.on('agenda:run', onRun);
		socket.on('activity:trainer', onActivity);
		socket.on('activity:trainer-patch', onPatch);
		socket.on('room:closed', onClosed);
		if (socket.connected) void watch();
		return () => {
			socket.off('connect', watch);
			socket.off('disconnect', offline);
			socket.off('room:roster', onRoster);
			socket.off('agenda:run', onRun);
			socket.off('activity:trainer', onActivity);
			socket.off('activity:trainer-patch', onPatch);
			socket.off('room:closed', onClosed);
			socket.off('room:access-ended', onAccessEnded);
		};
	}

	/**
	 * Controls are sent one after another, in the order given: a presenter pressing → then Space
	 * means both. (Buttons are disabled while `busy`, so a double tap cannot skip two blocks.)
	 */
	control(control: Control) {
		this.#queue = this.#queue.then(async () => {
			this.busy = true;
			const res = await request('agenda:control', { roomId: this.#roomId, control });
			this.busy = false;
			if (res.ok) {
				this.run = res.data.run;
				this.error = '';
			} else this.error = res.error;
		});
		return this.#queue;
	}
	#queue: Promise<void> = Promise.resolve();

	async launch(
		activityId: string,
		options: { sameGroups: boolean; groupSize?: number; setup?: Record<string, string[]> }
	) {
		return this.#activityAck(
			await request('activity:launch', { roomId: this.#roomId, activityId, ...options })
		);
	}

	async setActivityStatus(status: ActivityStatus) {
		if (!this.activity) return;
		return this.#activityAck(
			await request('activity:status', { roomId: this.#roomId, runId: this.activity.runId, status })
		);
	}

	async move(participantId: string, groupId: string) {
		if (!this.activity) return;
		return this.#activityAck(
			await request('activity:move', {
				roomId: this.#roomId,
				runId: this.activity.runId,
				participantId,
				groupId
			})
		);
	}

	/** A trainer action in the running activity, with a fresh id (a resend of the same id counts once). */
	async act(input: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
		if (!this.activity) return { ok: false, error: 'There is no activity running.' };
		const inputId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
			b.toString(16).padStart(2, '0')
		).join('');
		const res = await request('activity:act', {
			roomId: this.#roomId,
			runId: this.activity.runId,
			inputId,
			input
		});
		if (!res.ok) this.error = res.error;
		return res.ok ? { ok: true } : { ok: false, error: res.error };
	}

	#activityAck(res: { ok: true; data: TrainerActivity } | { ok: false; error: string }) {
		if (res.ok) {
			if (!this.#older(res.data)) this.activity = res.data;
			this.error = '';
		} else this.error = res.error;
		return res;
	}

	/**
	 * A whole view of the same run at an earlier revision than the one held: it left the server
	 * before the patches already applied here (a broadcast and an ack can cross), so it is stale.
	 */
	#older(next: TrainerActivity | null): boolean {
		const current = this.activity;
		return (
			!!current &&
			!!next &&
			current.runId === next.runId &&
			current.rev !== undefined &&
			next.rev !== undefined &&
			next.rev < current.rev
		);
	}

	async remove(participantId: string) {
		const res = await request('room:remove-participant', { roomId: this.#roomId, participantId });
		if (!res.ok) this.error = res.error;
		return res;
	}

	async close() {
		const res = await request('room:close', { roomId: this.#roomId });
		if (res.ok) this.run = this.run && { ...this.run, phase: 'finished' };
		else this.error = res.error;
		return res;
	}
}
