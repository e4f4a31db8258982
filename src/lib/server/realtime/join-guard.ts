import { UserError } from '../errors';
import { Sweeper } from '../sweep';

/** Time for the join guard: injected so tests drive it instead of sleeping. */
export interface GuardClock {
	now(): number;
	wait(ms: number): Promise<void>;
}

export const realClock: GuardClock = {
	now: () => Date.now(),
	wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

/** Wrong codes a connection may send at full speed (typos), then each answer waits longer. */
export const DEVICE_FREE = 5;
export const DEVICE_FIRST_HOLD_MS = 1_000;
export const DEVICE_MAX_HOLD_MS = 30_000;
/** Wrong codes from one address in WINDOW_MS before every wrong answer from it is held. */
export const ADDRESS_FREE = 60;
export const ADDRESS_HOLD_MS = 3_000;
export const WINDOW_MS = 10 * 60_000;
/**
 * Held answers one address may have waiting at once. Without a cap, many connections guessing in
 * parallel would each wait out their hold together; with it, an address guesses at most
 * ADDRESS_IN_FLIGHT codes per ADDRESS_HOLD_MS (about 7 a second: months for 887 million codes).
 * Only while that many wrong answers are waiting does a new join from the address hear "wait a
 * moment" before its code is looked at: an attack in progress slows its own network, never locks it.
 */
export const ADDRESS_IN_FLIGHT = 20;
export const BUSY_MESSAGE = 'Still checking your last code: wait a moment, then try again.';

interface Tally {
	count: number;
	since: number;
}

/**
 * Room-code guessing made slow without locking anyone out (a venue's phones share one address):
 * - a request carrying the right code for a live room is never delayed, counted or refused;
 * - a wrong code is counted per connection (the device) and per address; past a few wrong codes
 *   the "no such room" answer is held back, longer each time, and a connection may have only one
 *   join waiting, so one connection guesses at most a few codes a minute;
 * - past ADDRESS_FREE wrong codes from one address, every wrong answer to it is held back too,
 *   which caps how fast many connections from that address can guess together.
 * Holding back the answer (rather than refusing) is what "slow down, never lock" means here.
 */
export class JoinGuard {
	#devices = new Map<string, Tally>();
	#addresses = new Map<string, Tally>();
	/** Each tally map's expired keys go at most once a window (see Sweeper). */
	#sweepers = new Map([this.#devices, this.#addresses].map((m) => [m, new Sweeper(m, WINDOW_MS)]));
	#waiting = new Set<string>();
	#heldByAddress = new Map<string, number>();
	/**
	 * `addressCount`: organisation mode counts wrong codes per address in Redis for every node
	 * together; a failing count falls back to this node's own.
	 */
	constructor(
		private readonly clock: GuardClock = realClock,
		private readonly addressCount?: (address: string) => Promise<number>
	) {}

	async join<T>(address: string, device: string, attempt: () => T | Promise<T>): Promise<T> {
		if (this.#waiting.has(device) || (this.#heldByAddress.get(address) ?? 0) >= ADDRESS_IN_FLIGHT)
			throw new UserError('rate-limited', BUSY_MESSAGE);
		// One answer at a time per connection, on its way or held: the room lookup reads the store
		// (asynchronously), and a second join sent meanwhile must not slip past a hold to come.
		this.#waiting.add(device);
		try {
			return await attempt();
		} catch (err) {
			if (!(err instanceof UserError) || err.code !== 'not-found') throw err;
			const byDevice = this.#count(this.#devices, device);
			const byAddress = this.addressCount
				? await this.addressCount(address).catch(() => this.#count(this.#addresses, address))
				: this.#count(this.#addresses, address);
			const hold = this.holdFor(byDevice, byAddress);
			if (hold > 0) {
				this.#heldByAddress.set(address, (this.#heldByAddress.get(address) ?? 0) + 1);
				try {
					await this.clock.wait(hold);
				} finally {
					const left = (this.#heldByAddress.get(address) ?? 1) - 1;
					if (left > 0) this.#heldByAddress.set(address, left);
					else this.#heldByAddress.delete(address);
				}
			}
			throw err;
		} finally {
			this.#waiting.delete(device);
		}
	}

	/** How long the answer to a wrong code waits, after `device` and `address` wrong codes in the window. */
	holdFor(device: number, address: number): number {
		const byDevice =
			device <= DEVICE_FREE
				? 0
				: Math.min(DEVICE_FIRST_HOLD_MS * 2 ** (device - DEVICE_FREE - 1), DEVICE_MAX_HOLD_MS);
		const byAddress = address > ADDRESS_FREE ? ADDRESS_HOLD_MS : 0;
		return Math.max(byDevice, byAddress);
	}

	/** A connection closed: its count goes (a new connection starts with its own). */
	forget(device: string): void {
		this.#devices.delete(device);
	}

	#count(map: Map<string, Tally>, key: string): number {
		const now = this.clock.now();
		let tally = map.get(key);
		if (!tally || now - tally.since > WINDOW_MS) {
			tally = { count: 0, since: now };
			map.set(key, tally);
			this.#sweepers.get(map)!.added(now, (t) => now - t.since > WINDOW_MS);
		}
		tally.count += 1;
		return tally.count;
	}
}
