/**
 * Clears expired entries out of an in-memory map of per-key tallies (rate limits, throttles) once
 * it holds more than `above` keys, and then at most once every `everyMs`. Swept on every new key
 * instead, a map of 12,000 live keys (one per phone in a large room) was walked whole for each
 * one, and the room's inputs went at half the rate of 8,000 phones'.
 */
export class Sweeper<K, V> {
	#next = 0;
	constructor(
		private readonly map: Map<K, V>,
		private readonly everyMs: number,
		private readonly above = 10_000
	) {}

	/** After a key was added: removes the entries `expired` says are over, when a sweep is due. */
	added(now: number, expired: (value: V, key: K) => boolean): void {
		if (this.map.size <= this.above || now < this.#next) return;
		this.#next = now + this.everyMs;
		for (const [key, value] of this.map) if (expired(value, key)) this.map.delete(key);
	}
}
