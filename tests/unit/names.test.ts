import { describe, expect, it } from 'vitest';
import { checkDisplayName, nameKey, NAME_MAX } from '$lib/shared/names';

describe('display names', () => {
	it('are trimmed and inner spaces collapsed', () => {
		expect(checkDisplayName('  Aisha   Khan ')).toEqual({
			ok: true,
			name: 'Aisha Khan',
			key: 'aisha khan'
		});
	});

	it('reject empty and whitespace-only names with a message', () => {
		for (const raw of ['', '   ', '\t\n']) {
			const r = checkDisplayName(raw);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toBe('Please type your name.');
		}
	});

	it(`allow ${NAME_MAX} characters and reject ${NAME_MAX + 1}`, () => {
		expect(checkDisplayName('x'.repeat(NAME_MAX)).ok).toBe(true);
		const r = checkDisplayName('x'.repeat(NAME_MAX + 1));
		expect(r).toEqual({
			ok: false,
			error: `Please keep your name to ${NAME_MAX} characters or fewer.`
		});
	});

	it('count characters, not UTF-16 units, so emoji and accents are fair', () => {
		expect(checkDisplayName('🙂'.repeat(NAME_MAX)).ok).toBe(true);
		expect(checkDisplayName('Zoë Łukasz').ok).toBe(true);
	});

	it('reject hidden control and bidi characters', () => {
		expect(checkDisplayName('Sam\u202Emaliciou').ok).toBe(false);
		expect(checkDisplayName('Sam\u0000').ok).toBe(false);
		expect(checkDisplayName('Sa\u200Bm').ok).toBe(false);
	});

	it('allow emoji joined with zero-width joiners', () => {
		expect(checkDisplayName('Dev 👩‍💻').ok).toBe(true);
	});

	it('reject what is not text', () => {
		for (const raw of [undefined, null, 42, {}, []]) expect(checkDisplayName(raw).ok).toBe(false);
	});

	it('treat case and composed accents as the same name', () => {
		expect(nameKey('ZOË')).toBe(nameKey('zoe\u0308'));
		expect(nameKey('Sam')).toBe(nameKey('sam'));
	});
});
