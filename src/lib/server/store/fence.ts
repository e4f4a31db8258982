/**
 * Fencing of room writes in organisation mode: the cluster layer says which lease epoch this node holds
 * for a room; the store refuses a write whose epoch is older than the newest one taken (a node that
 * lost its lease while paused must not write). This is a no-op stand-in: the PostgreSQL store brings
 * the real one with the same names.
 */
export class FencedError extends Error {}

export function setRoomEpoch(roomId: string, epoch: number): void {
	void roomId;
	void epoch;
}

export function clearRoomEpoch(roomId: string): void {
	void roomId;
}
