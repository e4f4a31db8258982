import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

/**
 * A "·" separator that opens an element or an `{#if}` ("Pay rise· Pay and benefits"): Svelte drops
 * the whitespace at the start of an element's or a block's content, so ` · theme` written there
 * loses its space. Read in the rendered markup (the server's output of every component): a "·"
 * must follow a space (or a no-break space), whatever markers and tags sit between.
 */
const SEPARATOR_WITHOUT_SPACE = /(?<![\s>]|\\u00a0)((?:<!--[^>]*-->|<\/?[a-z][^<>]*>)*)·/g;

function components(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.svelte'))
		.map((f) => join(dir, f));
}

/** Where the rendered text puts "·" straight after a word, with a few characters either side. */
function unspaced(file: string): string[] {
	const code = compile(readFileSync(file, 'utf8'), { generate: 'server', filename: file }).js.code;
	const found: string[] = [];
	for (const m of code.matchAll(SEPARATOR_WITHOUT_SPACE)) {
		// At the start of a push: what came before is the end of the previous push.
		if (code[m.index - 1] === '`') {
			const end = code.lastIndexOf('`);', m.index - 2);
			if (end > 0 && /\s/.test(code[end - 1]!)) continue;
		}
		found.push(code.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20));
	}
	return found;
}

describe('separators', () => {
	// Compiles every component: seconds alone, more on a busy 2-core machine.
	it('every "·" between two things has a space before it', { timeout: 120_000 }, () => {
		const problems = components('src').flatMap((f) => unspaced(f).map((s) => `${f}: ${s}`));
		expect(problems).toEqual([]);
	});

	it('finds the missing space Svelte makes at the start of an element', () => {
		const probe = (source: string) =>
			compile(source, { generate: 'server' }).js.code.match(SEPARATOR_WITHOUT_SPACE);
		expect(probe('<p>{a}{#if b}<span> · {c}</span>{/if}</p>')).not.toBeNull();
		expect(probe('<p>{a}{#if b}&nbsp;<span>· {c}</span>{/if}</p>')).toBeNull();
	});
});
