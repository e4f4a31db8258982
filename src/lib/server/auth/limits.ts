import { RateLimiter } from '../rate-limit';

/** Sign-in attempts per address (any account) and failures per account (any address), per 15 minutes. */
export const signInByIp = new RateLimiter(30, 15 * 60_000);
export const signInFailuresByAccount = new RateLimiter(8, 15 * 60_000);
export const signUpByIp = new RateLimiter(10, 60 * 60_000);
