import { z } from 'zod';
import { humanIssue } from './messages';

/**
 * The schema with zod's compiled fast path (`z.compile`): a valid payload is checked by code
 * generated for that schema, without the runtime parser's per-field payload objects and issue
 * lists; anything else falls back to the runtime parser, so every refusal carries the message the
 * schema defines. A schema the compiler cannot model is returned as it is (zod never throws here).
 *
 * Why: every socket event and every activity input is parsed on the live thread. With the error
 * map passed in, the runtime parse of an `activity:submit` envelope and an AMO rating took about
 * 7 µs and most of the allocation of an input (a tenth of the live thread's time in a 4,000-phone
 * burst, and the young collections that come with it); compiled, about 0.1 µs.
 */
const compiled = new WeakMap<z.ZodType, z.ZodType>();

export function fastParser<T extends z.ZodType>(schema: T): T {
	let fast = compiled.get(schema);
	if (!fast) compiled.set(schema, (fast = z.compile(schema)));
	return fast as T;
}

/** zod's options for every parse that answers a person: one object, not one per event. */
const FOR_PEOPLE = { error: humanIssue };

/** A payload a person sent, checked by the schema's compiled parser, any refusal said so they can act on it. */
export function parseForPeople<T extends z.ZodType>(schema: T, value: unknown) {
	return fastParser(schema).safeParse(value, FOR_PEOPLE);
}
