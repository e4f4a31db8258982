import { SharedRateLimiter } from '../shared-limit';
import { SignInThrottle } from './sign-in-throttle';

/** Sign-in attempts per address, any account, from browsers not known to the account (credential stuffing). */
export const signInByIp = new SharedRateLimiter('sign-in', 30, 15 * 60_000);
/** Wrong passwords per account: ever longer waits, skipped by a browser that signed in before. */
export const signInThrottle = new SignInThrottle();
/** Trainer sign-ups per address per hour; SIGNUP_LIMIT_PER_HOUR raises it (the browser tests sign up many trainers from one address). */
export const signUpByIp = new SharedRateLimiter(
	'sign-up',
	Number(process.env.SIGNUP_LIMIT_PER_HOUR) || 20,
	60 * 60_000
);
