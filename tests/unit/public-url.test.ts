import { describe, expect, it } from 'vitest';
import { configuredOrigins, joinAddress, lanAddress } from '$lib/server/public-url';

describe('join address', () => {
	it('uses PUBLIC_URL when set', () => {
		expect(
			joinAddress(
				new URL('http://localhost:3000/x'),
				{ PUBLIC_URL: 'https://workshop.example.org/' },
				'10.0.0.5'
			).base
		).toBe('https://workshop.example.org');
	});

	it('never gives phones "localhost": swaps in the LAN address, same port', () => {
		expect(joinAddress(new URL('http://localhost:3000/'), {}, '192.168.1.20').base).toBe(
			'http://192.168.1.20:3000'
		);
		expect(joinAddress(new URL('http://127.0.0.1:5173/'), {}, '10.1.2.3').base).toBe(
			'http://10.1.2.3:5173'
		);
	});

	it('keeps an address that phones can already reach', () => {
		expect(joinAddress(new URL('http://192.168.1.20:3000/'), {}, '192.168.1.20').base).toBe(
			'http://192.168.1.20:3000'
		);
	});

	it('with HOST=127.0.0.1 it never offers the LAN address phones cannot reach, and says phones cannot join', () => {
		for (const HOST of ['127.0.0.1', 'localhost', '::1']) {
			const a = joinAddress(new URL('http://localhost:3000/'), { HOST }, '192.168.1.20');
			expect(a.base).not.toContain('192.168.1.20');
			expect(a.warning).toBe(
				`Phones cannot join: this server listens on this computer only (HOST=${HOST}). Restart it with HOST=0.0.0.0, or set PUBLIC_URL.`
			);
		}
		// Listening everywhere, or behind a proxy with PUBLIC_URL: the usual address, no warning.
		expect(
			joinAddress(new URL('http://localhost:3000/'), { HOST: '0.0.0.0' }, '192.168.1.20')
		).toEqual({
			base: 'http://192.168.1.20:3000'
		});
		expect(
			joinAddress(
				new URL('http://localhost:3000/'),
				{ HOST: '127.0.0.1', PUBLIC_URL: 'https://w.example.org' },
				'192.168.1.20'
			)
		).toEqual({ base: 'https://w.example.org' });
	});

	it('warns when the machine has no network address', () => {
		const a = joinAddress(new URL('http://localhost:3000/'), {}, null);
		expect(a.warning).toMatch(/no network address/);
	});

	it('prefers a private IPv4 address over others, and ignores container and VM interfaces', () => {
		const ifaces = {
			lo: [{ family: 'IPv4', internal: true, address: '127.0.0.1' }],
			docker0: [{ family: 'IPv4', internal: false, address: '172.17.0.1' }],
			vboxnet0: [{ family: 'IPv4', internal: false, address: '192.168.56.1' }],
			eth0: [{ family: 'IPv4', internal: false, address: '203.0.113.9' }],
			wlan0: [{ family: 'IPv4', internal: false, address: '192.168.0.14' }]
		} as unknown as Parameters<typeof lanAddress>[0];
		expect(lanAddress(ifaces)).toBe('192.168.0.14');
	});

	it('lists configured origins for the socket origin check', () => {
		expect(
			configuredOrigins({ PUBLIC_URL: 'https://a.example/path', ORIGIN: 'not a url' })
		).toEqual(['https://a.example']);
	});
});
