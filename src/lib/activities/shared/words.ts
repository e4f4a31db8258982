/** "1 round", "3 rounds": for the simple English plurals the projector and remote use. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
