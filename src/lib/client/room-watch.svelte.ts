import type { RoomInfo, Roster } from '$lib/shared/events';
import { getSocket, request } from './socket';

/** A trainer's live view of one room (projector and console): who is here, and whether it is open. */
export class RoomWatch {
	room = $state<(RoomInfo & { id: string }) | null>(null);
	roster = $state<Roster | null>(null);
	connected = $state(false);
	error = $state('');
	#roomId: string;

	constructor(roomId: string) {
		this.#roomId = roomId;
	}

	get count(): number {
		return this.roster?.participants.length ?? 0;
	}

	start(): () => void {
		const socket = getSocket();
		const watch = async () => {
			this.connected = true;
			const res = await request('room:watch', { roomId: this.#roomId });
			if (res.ok) {
				this.room = res.data.room;
				this.roster = res.data.roster;
				this.error = '';
			} else this.error = res.error;
		};
		const onRoster = (roster: Roster) => {
			if (roster.roomId === this.#roomId) this.roster = roster;
		};
		const onClosed = () => {
			if (this.room) this.room = { ...this.room, status: 'closed' };
		};
		const offline = () => (this.connected = false);
		socket.on('connect', watch);
		socket.on('disconnect', offline);
		socket.on('room:roster', onRoster);
		socket.on('room:closed', onClosed);
		if (socket.connected) void watch();
		return () => {
			socket.off('connect', watch);
			socket.off('disconnect', offline);
			socket.off('room:roster', onRoster);
			socket.off('room:closed', onClosed);
		};
	}

	async remove(participantId: string) {
		const res = await request('room:remove-participant', { roomId: this.#roomId, participantId });
		if (!res.ok) this.error = res.error;
		return res;
	}

	async close() {
		const res = await request('room:close', { roomId: this.#roomId });
		if (!res.ok) this.error = res.error;
		return res;
	}
}
