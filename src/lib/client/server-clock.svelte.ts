import { getSocket, request } from './socket';

/**
 * The server's time as seen from this device. Every countdown is computed from server timestamps,
 * so projector, remote and phones agree within a second even when a device's own clock is off.
 */
class ServerClock {
	/** Server time now, refreshed a few times a second while anything shows a clock. */
	now = $state(Date.now());
	#offset = 0;
	#users = 0;
	#tick: ReturnType<typeof setInterval> | undefined;
	#resync: ReturnType<typeof setInterval> | undefined;

	/** Server time at this instant (not reactive: for event handlers). */
	read(): number {
		return Date.now() + this.#offset;
	}

	/** Starts ticking and syncing; call the returned function when the clock is no longer shown. */
	use(): () => void {
		if (this.#users++ === 0) {
			const socket = getSocket();
			const sync = () => void this.#sync();
			socket.on('connect', sync);
			if (socket.connected) sync();
			this.#tick = setInterval(() => (this.now = this.read()), 250);
			this.#resync = setInterval(sync, 5 * 60_000);
			this.#stop = () => {
				socket.off('connect', sync);
				clearInterval(this.#tick);
				clearInterval(this.#resync);
			};
		}
		return () => {
			if (--this.#users === 0) this.#stop?.();
		};
	}

	#stop: (() => void) | undefined;

	/** NTP-style: several round trips, keep the one with the shortest trip (least queueing error). */
	async #sync() {
		let best: { rtt: number; offset: number } | undefined;
		for (let i = 0; i < 4; i++) {
			const sentAt = Date.now();
			const res = await request('clock:sync', { sentAt }, 5000);
			const back = Date.now();
			if (!res.ok) return;
			const rtt = back - sentAt;
			const offset = res.data.serverTime - (sentAt + rtt / 2);
			if (!best || rtt < best.rtt) best = { rtt, offset };
		}
		if (best) {
			this.#offset = best.offset;
			this.now = this.read();
		}
	}
}

export const serverClock = new ServerClock();
