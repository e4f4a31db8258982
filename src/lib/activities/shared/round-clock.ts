/** "4:05" for a number of milliseconds (rounded up, so a countdown reaches 0:00 exactly at the end). */
export function mmss(ms: number): string {
	const s = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The longest round any round-based type allows (content files and the remote). */
export const MAX_ROUND_MINUTES = 30;

export interface RoundTimes {
	number: number;
	startedAt: number;
	minutes: number;
	endedAt: number | null;
}

/**
 * What a round's clock says at `now`: the time left, or that it is over and why. A round still
 * running when its activity closed (`open` false) has ended too: nobody practises any more, and a
 * countdown left ticking on the projector, or in the report days later, would say otherwise.
 */
export function roundClock(
	round: RoundTimes,
	now: number,
	open = true
): { text: string; over: boolean } {
	if (round.endedAt !== null || !open)
		return { text: `Round ${round.number} has ended`, over: true };
	const left = round.startedAt + round.minutes * 60_000 - now;
	return left > 0
		? { text: `${mmss(left)} left`, over: false }
		: { text: 'Time is up', over: true };
}
