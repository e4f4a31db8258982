import { describe, expect, it } from 'vitest';
import { blockVideo, youtubeEmbed, type VideoInfo } from '$lib/shared/video';

const EMBED =
	'https://www.youtube-nocookie.com/embed/pN34FNbOKXc?enablejsapi=1&rel=0&playsinline=1';

describe('a video block’s link', () => {
	it('turns every usual YouTube address into the privacy-enhanced embed', () => {
		for (const url of [
			'https://www.youtube.com/watch?v=pN34FNbOKXc',
			'https://youtube.com/watch?v=pN34FNbOKXc&t=42s',
			'https://m.youtube.com/watch?v=pN34FNbOKXc',
			'https://youtu.be/pN34FNbOKXc?si=abc',
			'https://www.youtube.com/embed/pN34FNbOKXc',
			'https://www.youtube-nocookie.com/embed/pN34FNbOKXc',
			'https://www.youtube.com/shorts/pN34FNbOKXc'
		])
			expect(youtubeEmbed(url), url).toBe(EMBED);
	});

	it('refuses other hosts, look-alikes, odd ids and other schemes', () => {
		for (const url of [
			'https://www.ted.com/talks/eduardo_briceno_how_to_get_better_at_the_things_you_care_about',
			'https://youtube.com.evil.example/watch?v=pN34FNbOKXc',
			'https://evil.example/youtube.com/watch?v=pN34FNbOKXc',
			'https://www.youtube.com/watch?v=short',
			'https://www.youtube.com/watch?v=pN34FNbOKXc"><script>',
			'javascript:alert(1)//youtube.com/watch?v=pN34FNbOKXc',
			'not a url'
		])
			expect(youtubeEmbed(url), url).toBeNull();
	});

	it('plays the attached file first (no internet needed), else the first YouTube link, only in video blocks', () => {
		const links = [
			{ title: 'TED', url: 'https://www.ted.com/talks/x' },
			{ title: 'TEDx', url: 'https://www.youtube.com/watch?v=pN34FNbOKXc' }
		];
		const file: VideoInfo = {
			hash: 'a'.repeat(64),
			bytes: 10,
			name: 'talk.webm',
			type: 'video/webm'
		};
		expect(blockVideo({ kind: 'video', resources: { links } }, null)).toEqual({
			kind: 'embed',
			url: EMBED
		});
		expect(blockVideo({ kind: 'video', resources: { links } }, file)).toEqual({
			kind: 'file',
			video: file
		});
		expect(blockVideo({ kind: 'talk', resources: { links } }, file)).toBeNull();
		expect(blockVideo({ kind: 'video', resources: { links: [links[0]!] } }, null)).toBeNull();
	});
});
