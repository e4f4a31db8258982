import type { z } from 'zod';

/**
 * Words for zod's own issues, used wherever a schema gave no message of its own (a message in the
 * schema always wins). Nothing the client sent is echoed back, and nothing names zod's internals
 * ("Invalid input: expected string, received number"): a person reads these.
 */
const KIND: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'a group of fields',
	array: 'a list',
	record: 'a group of fields',
	literal: 'a known value',
	enum: 'one of the known values',
	bigint: 'a number',
	date: 'a date',
	null: 'empty',
	nan: 'a number'
};

export function humanIssue(issue: z.core.$ZodRawIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'something is missing';
			return `expected ${KIND[issue.expected] ?? 'something else'} here`;
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') return `too long: keep it to ${max} characters or fewer`;
			if (issue.origin === 'array' || issue.origin === 'set')
				return `too many items: at most ${max}`;
			return `too large: at most ${max}`;
		}
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string')
				return min <= 1 ? 'this is empty' : `too short: at least ${min} characters`;
			if (issue.origin === 'array' || issue.origin === 'set')
				return `too few items: at least ${min}`;
			return `too small: at least ${min}`;
		}
		case 'unrecognized_keys':
			return 'the request has a field we do not expect';
		case 'invalid_format':
			return 'not in the expected format';
		case 'not_multiple_of':
			return 'not an allowed number';
		case 'invalid_union':
		case 'invalid_value':
		case 'invalid_key':
		case 'invalid_element':
			return 'not one of the accepted values';
		default:
			return 'not valid';
	}
}

/** A message as a sentence: a capital first letter and a full stop, unless it already ends in punctuation. */
export function sentence(message: string): string {
	const trimmed = message.trim() || 'That request was not understood';
	return stop(trimmed[0]!.toUpperCase() + trimmed.slice(1));
}

/** A full stop at the end, unless the text already ends in punctuation. */
export function stop(message: string): string {
	return /[.!?…]$/.test(message) ? message : `${message}.`;
}

/**
 * Field names from a client-sent path, kept only when they look like ours (a record's keys are the
 * client's own text and are left out rather than echoed).
 */
export function fieldPath(path: readonly PropertyKey[]): string {
	return path
		.map((p) =>
			typeof p === 'number'
				? String(p)
				: typeof p === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(p)
					? p
					: '…'
		)
		.join('.');
}
