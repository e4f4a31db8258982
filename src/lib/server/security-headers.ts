/**
 * On every response from the app: pages, downloads, redirects and error pages (hooks.server.ts),
 * socket.io's own answers (realtime/server.ts), and static files (scripts/serve.js, which cannot
 * import this file: keep the two lists the same).
 * SvelteKit adds the content security policy to HTML pages itself (svelte.config.js); its
 * frame-ancestors and X-Frame-Options here keep the app out of other sites' frames.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	// Nothing in the app uses these; a page that never asks cannot be tricked into asking.
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};
