import { normaliseRoomCode } from '$lib/shared/room-code';
import type { Store } from '../store';
import type { ActivityEngine } from '../activities/engine';
import { MOVING_MESSAGE, type RoomEngine } from '../rooms/engine';
import { findOpenRoomByCode } from '../store/rooms';
import { clearRoomEpoch, setRoomEpoch } from '../store/fence';
import { channel, type IoServer, type IoSocket } from '../realtime/types';
import type { Cluster } from '.';
import type { RoomLeases } from './leases';

/**
 * How long a socket's handshake waits for its room: a dead owner's lease expires within the TTL
 * (5 s), then the next poll takes it. Below socket.io's own handshake timeout (20 s).
 */
export const CLAIM_WAIT_MS = 12_000;

interface Engines {
	engine: RoomEngine;
	activities: ActivityEngine;
}

/**
 * A room lives on one node at a time. The load balancer routes a room's sockets by its code (the
 * `room` query of the socket.io handshake); the node they land on takes the room's lease before the
 * handshake completes, asking the current holder to hand it over, or waiting for a dead holder's lease
 * to expire. Then it loads the room from storage, as after a restart. A node that loses or hands
 * over a room writes what it accepted, forgets the room and closes its sockets' connections, so
 * the phones and screens reconnect by themselves, through the load balancer, to the new owner.
 */
export class ClusterRooms {
	readonly leases: RoomLeases;

	constructor(
		private readonly io: IoServer,
		cluster: Cluster,
		private readonly store: Store,
		private readonly engines: () => Engines
	) {
		this.leases = cluster.leases({
			taken: (roomId, epoch) => setRoomEpoch(roomId, epoch),
			lost: (roomId) => {
				console.error(`[cluster] ${cluster.config.nodeId} lost the lease of room ${roomId}`);
				void this.#letGo(roomId, false);
			},
			handoverAsked: (roomId) => {
				if (this.leases.mayHandOver(roomId)) void this.#letGo(roomId, true);
			}
		});
	}

	start(): Promise<void> {
		return this.leases.start();
	}

	owns = (roomId: string): boolean => this.leases.owns(roomId);
	confirmed = (roomId: string): boolean => this.leases.confirmed(roomId);

	/** Handshake middleware: a socket naming a live room waits until this node runs that room. */
	admit = async (socket: IoSocket, next: (err?: Error) => void): Promise<void> => {
		const code = socket.handshake.query.room;
		const room =
			typeof code === 'string' && code
				? await findOpenRoomByCode(this.store, normaliseRoomCode(code))
				: undefined;
		if (!room) return next();
		socket.data.clusterRoom = room.id;
		try {
			if (await this.leases.claim(room.id, CLAIM_WAIT_MS)) return next();
		} catch (err) {
			console.error(`[cluster] could not claim room ${room.id}: ${(err as Error).message}`);
		}
		next(new Error(MOVING_MESSAGE));
	};

	/** The trainer closed the room: nothing to hand over, the lease goes. */
	closed(roomId: string): void {
		clearRoomEpoch(roomId);
		void this.leases.release(roomId);
	}

	/** SIGTERM: every room goes to the next node (the caller has stopped accepting connections). */
	async handOverAll(): Promise<void> {
		await Promise.all(this.leases.ownedRooms().map((roomId) => this.#letGo(roomId, true)));
	}

	async #letGo(roomId: string, release: boolean): Promise<void> {
		this.leases.leave(roomId);
		const { engine, activities } = this.engines();
		// Whatever was accepted is written (and acknowledged) before the next owner reads the room.
		activities.flush();
		engine.flush();
		activities.evict(roomId);
		engine.forget(roomId);
		// Queued writes (PostgreSQL) commit before the lease goes: the next owner reads them back.
		await this.store.writes.drain();
		clearRoomEpoch(roomId);
		if (release) await this.leases.release(roomId);
		// The acks of the inputs just written leave before their connections close.
		await new Promise((r) => setTimeout(r, 20));
		const channels = [channel.room(roomId), channel.trainers(roomId)];
		for (const socket of this.io.sockets.sockets.values()) {
			if (socket.data.clusterRoom === roomId || channels.some((c) => socket.rooms.has(c)))
				// Closing the connection (not socket.disconnect()) makes the client reconnect by itself.
				socket.conn.close();
		}
	}
}
