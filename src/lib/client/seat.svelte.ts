import type {
	PhoneActivity,
	PhonePatch,
	PublicAgendaView,
	RoomInfo,
	SeatInfo
} from '$lib/shared/events';
import { applyPatch } from '$lib/shared/patch';
import type { Outbox } from './outbox.svelte';
import { forgetSeat, loadSeat } from './seat-store';
import { getSocket, request, setSocketRoom } from './socket';

type Status = 'connecting' | 'ready' | 'offline' | 'retrying' | 'closed' | 'removed' | 'lost';

/**
 * A participant's place in a live room, as the phone sees it. Resumes with the stored seat token on
 * every (re)connect, so sleep, Wi-Fi hops and server restarts bring back the same person, and each
 * resume brings the whole current view (agenda and activity), however long the phone was away.
 * Inputs go through the seat's outbox: kept on the phone until the server acknowledges them.
 */
export class Seat {
	status = $state<Status>('connecting');
	room = $state<RoomInfo | null>(null);
	seat = $state<SeatInfo | null>(null);
	agenda = $state<PublicAgendaView | null>(null);
	activity = $state<PhoneActivity | null>(null);
	message = $state('');
	/** Made once the seat knows who it is (the first resume); sends only while the seat is ready. */
	outbox = $state<Outbox | null>(null);
	#code: string;
	#detach: (() => void) | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#attempt = 0;
	/** Counts resumes, so only the latest one's answer is used. */
	#resumes = 0;
	#outboxOwner = '';
	#outboxReady: Promise<Outbox> | null = null;

	constructor(code: string) {
		this.#code = code;
	}

	get hasToken(): boolean {
		return loadSeat(this.#code) !== null;
	}

	start(): () => void {
		setSocketRoom(this.#code);
		const socket = getSocket();
		const resume = () => void this.#resume();
		const offline = () => {
			this.outbox?.setOnline(false);
			if (this.status === 'ready' || this.status === 'connecting' || this.status === 'retrying')
				this.status = 'offline';
		};
		const closed = ({ message }: { message: string }) => this.#end('closed', message);
		const removed = ({ message }: { message: string }) => this.#end('removed', message);
		const now = (view: PublicAgendaView) => (this.agenda = view);
		const activity = (a: PhoneActivity | null) => (this.activity = a);
		const patch = (p: PhonePatch) => this.#patch(p);
		// The phone knows its network went before the server's ping does (40 s): drop the socket now,
		// so inputs say "will send when back online" at once; socket.io then reconnects by itself.
		const networkLost = () => socket.io.engine?.close();
		if (typeof window !== 'undefined') window.addEventListener('offline', networkLost);
		socket.on('connect', resume);
		socket.on('disconnect', offline);
		socket.on('room:closed', closed);
		socket.on('seat:removed', removed);
		socket.on('agenda:now', now);
		socket.on('activity:phone', activity);
		socket.on('activity:phone-patch', patch);
		if (socket.connected) resume();
		this.#detach = () => {
			clearTimeout(this.#retry);
			this.outbox?.dispose();
			if (typeof window !== 'undefined') window.removeEventListener('offline', networkLost);
			socket.off('connect', resume);
			socket.off('disconnect', offline);
			socket.off('room:closed', closed);
			socket.off('seat:removed', removed);
			socket.off('agenda:now', now);
			socket.off('activity:phone', activity);
			socket.off('activity:phone-patch', patch);
		};
		return () => this.#detach?.();
	}

	async #resume() {
		clearTimeout(this.#retry);
		const stored = loadSeat(this.#code);
		if (!stored) return this.#end('lost', 'This phone has not joined this session yet.');
		// Until the resume is answered, this connection speaks for nobody: hold the outbox.
		this.outbox?.setOnline(false);
		const attempt = ++this.#resumes;
		const res = await request('room:resume', { code: this.#code, seatToken: stored.token });
		// A newer resume (a reconnect while this one waited) speaks for the phone now.
		if (attempt !== this.#resumes) return;
		if (res.ok) {
			// The full view, replacing whatever the phone showed before it went away.
			this.room = res.data.room;
			this.seat = res.data.seat;
			this.agenda = res.data.agenda;
			this.activity = res.data.activity;
			this.status = 'ready';
			this.message = '';
			this.#attempt = 0;
			const outbox = await this.#outboxFor(this.#code, res.data.seat.participantId);
			// Still the same connection, still ready: only then may the outbox send.
			outbox.setOnline(getSocket().connected && this.status === 'ready');
		} else if (res.code === 'closed' || res.code === 'removed') {
			this.#end(res.code, res.error);
		} else if (res.code === 'not-found') {
			this.#end('lost', res.error);
		} else if (!getSocket().connected) {
			// The connection went while we asked: reconnecting resumes again by itself, so this is
			// "Reconnecting…", not an error to show.
			this.status = 'offline';
		} else {
			// A server error or a timeout: say so, keep what we showed, and try again with backoff.
			this.status = 'retrying';
			this.message = res.error;
			const delay = Math.min(15_000, 1000 * 2 ** this.#attempt++);
			this.#retry = setTimeout(() => void this.#resume(), delay);
		}
	}

	/**
	 * Sends one activity input through the outbox: it gets its id once, is kept on the phone (and
	 * survives a reload) until the server acknowledges it, and is retried with the same id, so it is
	 * never counted twice. Resolves on the ack or a definite refusal, never on a timeout.
	 */
	submit(input: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
		const activity = this.activity;
		if (!activity)
			return Promise.resolve({ ok: false, error: 'There is no activity running now.' });
		// Loaded (nearly always): its own promise, which the status line follows ("will send when back online").
		if (this.outbox) return this.outbox.submit(activity.runId, input);
		if (!this.#outboxReady)
			return Promise.resolve({ ok: false, error: 'Still connecting. Try again in a moment.' });
		return this.#outboxReady.then((outbox) => outbox.submit(activity.runId, input));
	}

	/**
	 * The outbox's code loads after the page is up (the join and waiting screens never need it), so
	 * a phone on weak Wi-Fi sees its first screen sooner. Inputs wait for it, they are never lost.
	 */
	#outboxFor(code: string, participantId: string): Promise<Outbox> {
		const owner = `${code}.${participantId}`;
		if (this.#outboxOwner !== owner || !this.#outboxReady) {
			this.#outboxOwner = owner;
			this.outbox?.dispose();
			this.outbox = null;
			this.#outboxReady = import('./outbox.svelte').then(({ Outbox }) => {
				const outbox = new Outbox(code, participantId, (update) => {
					if ('patch' in update) this.#patch(update.patch);
					else this.activity = update.activity;
				});
				if (this.#outboxOwner === owner) this.outbox = outbox;
				return outbox;
			});
		}
		return this.#outboxReady;
	}

	/**
	 * What changed in the view: applied to a copy of the view it was made from, so the page sees a
	 * new view as it did with whole ones. One that is already in the view (an older revision) is
	 * skipped; one made from a view this phone does not hold (a message it missed, another tab of the
	 * same seat sent an input) asks for the whole view again.
	 */
	#patch(p: PhonePatch) {
		const current = this.activity;
		if (current && current.runId === p.runId && current.rev !== undefined) {
			if (current.rev === p.base) {
				const next = applyPatch($state.snapshot(current) as PhoneActivity, p.ops);
				this.activity = { ...next, rev: p.rev };
				return;
			}
			if (p.rev <= current.rev) return;
		}
		if (this.status === 'ready') void this.#resume();
	}

	#end(status: 'closed' | 'removed' | 'lost', message: string) {
		this.status = status;
		this.message = message;
		// Nothing waiting can be delivered any more: say so rather than keep it forever.
		this.outbox?.discardAll(message);
		this.outbox?.dispose();
		// The seat is over: a later visit to the code should start a fresh join, not a dead resume.
		if (status !== 'closed') forgetSeat(this.#code);
		this.#detach?.();
	}
}
