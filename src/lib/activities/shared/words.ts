/** "1 round", "3 rounds": for the simple English plurals the projector and remote use. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Said wherever a phone keeps something from the room: the room never sees it, but the trainer's
 * exports and the learner's evidence pack do, and the phone must not promise otherwise.
 */
export const PRIVATE_PROFILE =
	'No one else in the room sees this: the projector shows the room’s totals, never your answers. Your trainer’s record of the session keeps them, for your evidence pack.';
