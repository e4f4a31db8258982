import { RateLimiter } from '../rate-limit';

/**
 * The largest socket message we accept, in bytes; socket.io drops the connection of a client that
 * sends more (the server and every other client carry on). The largest legitimate message is a
 * trainer's launch with setup edits: the launch schema allows 20 texts of 200 characters for a
 * field (the rating checklist's 20 practices of 140 fit inside). Written by JSON.stringify, a
 * character of legitimate text takes at most 3 bytes (UTF-8; an emoji is 2 characters, 4 bytes),
 * and a control character escaped as \u001f at most 6:
 *   20 × 200 × 3 = 12,000 bytes of text, + 20 × 3 for quotes and commas, + about 300 bytes of
 *   envelope (event name, room id, activity id, ack id) ≈ 12.4 KB; even at 6 bytes a character,
 *   20 × 200 × 6 + 360 ≈ 24.4 KB.
 * A phone's largest input is far smaller: a conversation plan part of 600 characters, 600 × 3 +
 * 200 ≈ 2 KB (a goal of 500 characters, 500 × 4 + 200 ≈ 2.2 KB). The agenda editor saves over
 * HTTP, not sockets. 32 KB is 2.6× the largest legitimate message and above the worst escaping.
 */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/**
 * Activity inputs per participant, two windows: a burst of 20 in a second (a phone flushing its
 * queue of unsent answers on reconnect, one after another, a fast tapper) and 40 in 10 seconds
 * (more than anyone taps for long). A script cannot flood the disk or the room.
 */
export const INPUT_BURST = { limit: 20, windowMs: 1_000 };
export const INPUT_SUSTAINED = { limit: 40, windowMs: 10_000 };
export const INPUT_RATE_MESSAGE =
	'You are sending answers very fast: wait a few seconds, then try again.';

export interface InputLimiters {
	burst: RateLimiter;
	sustained: RateLimiter;
}

export function inputLimiters(now: () => number = Date.now): InputLimiters {
	return {
		burst: new RateLimiter(INPUT_BURST.limit, INPUT_BURST.windowMs, now),
		sustained: new RateLimiter(INPUT_SUSTAINED.limit, INPUT_SUSTAINED.windowMs, now)
	};
}
