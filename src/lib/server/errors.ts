import type { ErrorCode } from '$lib/shared/events';

/** An error meant for the person who caused it: its message is shown to them as it is. */
export class UserError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
		this.name = 'UserError';
	}
}

export function isUniqueViolation(err: unknown): boolean {
	return (
		err instanceof Error &&
		'code' in err &&
		(err as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
	);
}
