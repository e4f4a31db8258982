/**
 * The phone's proof of who it is in a room: the seat token, kept in localStorage per room code so a
 * reload, a screen lock or a new tab brings back the same participant.
 */
export interface StoredSeat {
	token: string;
	name: string;
}

const key = (code: string) => `wc.seat.${code}`;

export function loadSeat(code: string): StoredSeat | null {
	try {
		const raw = localStorage.getItem(key(code));
		if (!raw) return null;
		const value = JSON.parse(raw) as Partial<StoredSeat>;
		return typeof value.token === 'string' && typeof value.name === 'string'
			? { token: value.token, name: value.name }
			: null;
	} catch {
		return null;
	}
}

export function saveSeat(code: string, seat: StoredSeat): void {
	try {
		localStorage.setItem(key(code), JSON.stringify(seat));
	} catch {
		// Private mode with storage off: the seat still works until the tab closes.
	}
}

export function forgetSeat(code: string): void {
	try {
		localStorage.removeItem(key(code));
	} catch {
		/* nothing stored to forget */
	}
}
