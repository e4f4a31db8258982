import { RateLimiter } from '../rate-limit';

/** Sign-in attempts per address, any account. */
export const signInByIp = new RateLimiter(30, 15 * 60_000);
/** Wrong passwords for one account from one address: the guesser is slowed down… */
export const signInFailuresByAccountAndIp = new RateLimiter(8, 15 * 60_000);
/** …and for one account from anywhere, set higher so one stranger cannot lock a trainer out mid-workshop. */
export const signInFailuresByAccount = new RateLimiter(40, 15 * 60_000);
/** Trainer sign-ups per address per hour; SIGNUP_LIMIT_PER_HOUR raises it (the browser tests sign up many trainers from one address). */
export const signUpByIp = new RateLimiter(
	Number(process.env.SIGNUP_LIMIT_PER_HOUR) || 20,
	60 * 60_000
);
