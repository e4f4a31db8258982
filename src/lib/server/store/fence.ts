/**
 * Fencing for organisation mode (issue 16): a room's lease (held in Redis by the cluster code) has
 * an epoch that grows with every takeover. The node that holds the lease says so here; from then on
 * every write it makes for that room commits only if no higher epoch has written for the room
 * (PostgreSQL's room_fences, checked in the write's own transaction, see pg.ts). A node whose lease
 * was taken over, however late its writes arrive, can never write for that room again.
 * SQLite (one process) has nothing to fence: the epochs are kept, and never checked.
 */

const epochs = new Map<string, number>();

/** This node holds the room's lease at `epoch`: its writes for the room carry it. */
export function setRoomEpoch(roomId: string, epoch: number): void {
	if (!Number.isSafeInteger(epoch) || epoch < 0) throw new Error(`Bad lease epoch ${epoch}`);
	epochs.set(roomId, epoch);
}

/** This node let the room go (or never had it): its writes for the room carry no epoch. */
export function clearRoomEpoch(roomId: string): void {
	epochs.delete(roomId);
}

/** The epoch this node's writes for the room carry, if any. */
export function roomEpoch(roomId: string): number | undefined {
	return epochs.get(roomId);
}

/** A write refused because another node has taken the room over (a higher epoch has written). */
export class FencedError extends Error {
	constructor(
		readonly roomId: string,
		readonly epoch: number
	) {
		super(
			`Room ${roomId}: lease epoch ${epoch} was superseded; this node no longer owns the room.`
		);
		this.name = 'FencedError';
	}
}
