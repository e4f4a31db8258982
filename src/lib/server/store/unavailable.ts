import { UserError } from '../errors';

/** What a phone is told while PostgreSQL does not answer; its outbox keeps the answer and sends it again. */
export const RECONNECTING =
	'Reconnecting to storage — your answer is kept on your phone and will be sent again.';

/**
 * The database did not answer (down, restarting, unreachable), as opposed to refusing a write.
 * PostgreSQL's driver says so with a socket error code, a connection-class SQLSTATE (08…, 57P…)
 * or one of a few messages; SQLite, a file, never does.
 */
export function isStorageUnavailable(err: unknown): boolean {
	for (let e = err; e instanceof Error; e = (e as { cause?: unknown }).cause) {
		if (e instanceof UserError) return e.message === RECONNECTING;
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string') {
			if (/^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)/.test(code))
				return true;
			if (/^(08|57P)/.test(code)) return true;
		}
		if (
			/Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(e.message)
		)
			return true;
	}
	return false;
}

/** The refusal a person sees for it: code "server", so a phone's outbox keeps the answer and retries. */
export function reconnecting(): UserError {
	return new UserError('server', RECONNECTING);
}
