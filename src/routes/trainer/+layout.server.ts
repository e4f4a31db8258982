import type { LayoutServerLoad } from './$types';

// The hooks guard has already sent anyone without a session to /login.
export const load: LayoutServerLoad = ({ locals }) => ({ trainer: locals.trainer! });
