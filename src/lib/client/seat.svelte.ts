import type { PhoneActivity, PublicAgendaView, RoomInfo, SeatInfo } from '$lib/shared/events';
import { forgetSeat, loadSeat } from './seat-store';
import { getSocket, request } from './socket';

type Status = 'connecting' | 'ready' | 'offline' | 'retrying' | 'closed' | 'removed' | 'lost';

/**
 * A participant's place in a live room, as the phone sees it. Resumes with the stored seat token on
 * every (re)connect, so sleep, Wi-Fi hops and server restarts bring back the same person.
 */
export class Seat {
	status = $state<Status>('connecting');
	room = $state<RoomInfo | null>(null);
	seat = $state<SeatInfo | null>(null);
	agenda = $state<PublicAgendaView | null>(null);
	activity = $state<PhoneActivity | null>(null);
	message = $state('');
	#code: string;
	#detach: (() => void) | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#attempt = 0;

	constructor(code: string) {
		this.#code = code;
	}

	get hasToken(): boolean {
		return loadSeat(this.#code) !== null;
	}

	start(): () => void {
		const socket = getSocket();
		const resume = () => void this.#resume();
		const offline = () => {
			if (this.status === 'ready' || this.status === 'connecting' || this.status === 'retrying') this.status = 'offline';
		};
		const closed = ({ message }: { message: string }) => this.#end('closed', message);
		const removed = ({ message }: { message: string }) => this.#end('removed', message);
		const now = (view: PublicAgendaView) => (this.agenda = view);
		const activity = (a: PhoneActivity | null) => (this.activity = a);
		socket.on('connect', resume);
		socket.on('disconnect', offline);
		socket.on('room:closed', closed);
		socket.on('seat:removed', removed);
		socket.on('agenda:now', now);
		socket.on('activity:phone', activity);
		if (socket.connected) resume();
		this.#detach = () => {
			clearTimeout(this.#retry);
			socket.off('connect', resume);
			socket.off('disconnect', offline);
			socket.off('room:closed', closed);
			socket.off('seat:removed', removed);
			socket.off('agenda:now', now);
			socket.off('activity:phone', activity);
		};
		return () => this.#detach?.();
	}

	async #resume() {
		clearTimeout(this.#retry);
		const stored = loadSeat(this.#code);
		if (!stored) return this.#end('lost', 'This phone has not joined this session yet.');
		const res = await request('room:resume', { code: this.#code, seatToken: stored.token });
		if (res.ok) {
			this.room = res.data.room;
			this.seat = res.data.seat;
			this.agenda = res.data.agenda;
			this.activity = res.data.activity;
			this.status = 'ready';
			this.message = '';
			this.#attempt = 0;
		} else if (res.code === 'closed' || res.code === 'removed') {
			this.#end(res.code, res.error);
		} else if (res.code === 'not-found') {
			this.#end('lost', res.error);
		} else {
			// A server error or a timeout: say so, keep what we showed, and try again with backoff.
			this.status = 'retrying';
			this.message = res.error;
			const delay = Math.min(15_000, 1000 * 2 ** this.#attempt++);
			this.#retry = setTimeout(() => void this.#resume(), delay);
		}
	}

	/**
	 * Sends one activity input with a fresh id. The id is kept by the caller's retry (same input,
	 * same id), so a resend after a dropped connection is never counted twice.
	 */
	async submit(input: unknown, inputId = newInputId()): Promise<{ ok: true } | { ok: false; error: string }> {
		const activity = this.activity;
		if (!activity) return { ok: false, error: 'There is no activity running now.' };
		const res = await request('activity:submit', { runId: activity.runId, inputId, input });
		return res.ok ? { ok: true } : { ok: false, error: res.error };
	}

	#end(status: 'closed' | 'removed' | 'lost', message: string) {
		this.status = status;
		this.message = message;
		// The seat is over: a later visit to the code should start a fresh join, not a dead resume.
		if (status !== 'closed') forgetSeat(this.#code);
		this.#detach?.();
	}
}

/** 128 random bits as hex. (crypto.randomUUID needs https; venue LANs are plain http.) */
function newInputId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
