import type { RoomInfo, SeatInfo } from '$lib/shared/events';
import { forgetSeat, loadSeat } from './seat-store';
import { getSocket, request } from './socket';

type Status = 'connecting' | 'ready' | 'offline' | 'closed' | 'removed' | 'lost' | 'error';

/**
 * A participant's place in a live room, as the phone sees it. Resumes with the stored seat token on
 * every (re)connect, so sleep, Wi-Fi hops and server restarts bring back the same person.
 */
export class Seat {
	status = $state<Status>('connecting');
	room = $state<RoomInfo | null>(null);
	seat = $state<SeatInfo | null>(null);
	message = $state('');
	#code: string;
	#detach: (() => void) | undefined;

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
			if (this.status === 'ready' || this.status === 'connecting') this.status = 'offline';
		};
		const closed = ({ message }: { message: string }) => this.#end('closed', message);
		const removed = ({ message }: { message: string }) => this.#end('removed', message);
		socket.on('connect', resume);
		socket.on('disconnect', offline);
		socket.on('room:closed', closed);
		socket.on('seat:removed', removed);
		if (socket.connected) resume();
		this.#detach = () => {
			socket.off('connect', resume);
			socket.off('disconnect', offline);
			socket.off('room:closed', closed);
			socket.off('seat:removed', removed);
		};
		return () => this.#detach?.();
	}

	async #resume() {
		const stored = loadSeat(this.#code);
		if (!stored) return this.#end('lost', 'This phone has not joined this session yet.');
		const res = await request('room:resume', { code: this.#code, seatToken: stored.token });
		if (res.ok) {
			this.room = res.data.room;
			this.seat = res.data.seat;
			this.status = 'ready';
			this.message = '';
		} else if (res.code === 'closed' || res.code === 'removed') {
			this.#end(res.code, res.error);
		} else if (res.code === 'not-found') {
			this.#end('lost', res.error);
		} else {
			this.status = 'error';
			this.message = res.error;
		}
	}

	#end(status: 'closed' | 'removed' | 'lost', message: string) {
		this.status = status;
		this.message = message;
		// The seat is over: a later visit to the code should start a fresh join, not a dead resume.
		if (status !== 'closed') forgetSeat(this.#code);
		this.#detach?.();
	}
}
