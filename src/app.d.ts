import type { SessionTrainer, ValidSession } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			trainer: SessionTrainer | null;
			session: ValidSession | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
