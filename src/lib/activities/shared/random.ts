/**
 * A seeded random source (mulberry32 over an FNV-1a hash of the seed). Trainer actions that draw
 * at random (dealing cards) use it with the action's id, so replaying the log draws the same.
 */
export function seededRandom(seed: string): () => number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return mulberry32(h);
}

/** mulberry32: small, fast and good enough for dealing cards and for repeatable test runs. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
