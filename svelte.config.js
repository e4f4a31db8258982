import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// SvelteKit's CSP, on every page it renders: a fresh nonce per response for its own inline
		// scripts (mode auto would hash prerendered pages; there are none). script-src has no
		// 'unsafe-inline'. style-src keeps it: Svelte writes style attributes (bars, charts, the
		// countdown) and transitions add <style> elements, which nonces cannot cover.
		// tests/e2e/csp.desktop.spec.ts walks the app and fails on any violation.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// blob: the slide pictures a following phone fetches with its seat token (PhoneSlide.svelte).
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self', 'ws:', 'wss:'],
				// A video block's YouTube link, embedded on the projector: these two hosts and nothing else
				// (src/lib/shared/video.ts, VIDEO_EMBED_ORIGINS).
				'frame-src': ['https://www.youtube-nocookie.com', 'https://www.youtube.com'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
