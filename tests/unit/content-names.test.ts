import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK } from '$lib/activities/conversation-cards/deck';
import { DEFAULT_PROMPTS } from '$lib/activities/goal-setting/wording';
import { appRoot } from '$lib/server/paths';

/**
 * Every fictional person in the content we ship, one "scene" each: a conversation card (which may
 * hold several people) or a goal-setting prompt. A first name used in two scenes would be two
 * different people with one name, and a room that met "Priya" at 10.00 would carry her to 11.30.
 */
interface Scene {
	key: string;
	text: string;
}

const cardScene = (c: {
	id: string;
	title: string;
	situation: string;
	employeeSays: string;
	trainerNote?: string;
}): Scene => ({
	key: `card ${c.id}`,
	text: [c.title, c.situation, c.employeeSays, c.trainerNote ?? ''].join(' ')
});
const promptScene = (p: { name: string; situation: string }): Scene => ({
	key: `goal prompt ${p.name.split(',')[0]}`,
	text: `${p.name}. ${p.situation}`
});

function shippedScenes(): Scene[] {
	const scenes = [...DEFAULT_DECK.map(cardScene), ...DEFAULT_PROMPTS.map(promptScene)];
	const dir = join(appRoot(), 'activities');
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
		const doc = parseYaml(readFileSync(join(dir, file), 'utf8')) as {
			config?: Record<string, unknown>;
		};
		const config = doc.config ?? {};
		if (Array.isArray(config.cards))
			scenes.push(...(config.cards as Parameters<typeof cardScene>[0][]).map(cardScene));
		if (Array.isArray(config.prompts))
			scenes.push(...(config.prompts as { name: string; situation: string }[]).map(promptScene));
	}
	return scenes;
}

/** Capitalised words that are not names: places, days, months, systems, the start of a sentence. */
const NOT_NAMES = new Set(
	(
		'IT Monday Mondays Friday Fridays Sunday September January March May June Christmas Welcome Week University ' +
		'Equality Act Great Britain UK ICO Whoever Nobody Someone Since Every Half Colleagues Customers Support ' +
		'Students Two Three Four Six Twelve Hits Joined Keen Eight Exceeds Says Reliable Trainer Student Errors Marks ' +
		'Late Frequent Talks Passed Wants Skipping Still Well Complaints Top Short Safety Planning Sales Customer ' +
		'Shouting Explore Ask Meet Use Check Report Do Keep This Where In My About Why They If There When His Her'
	).split(' ')
);

function namesIn(text: string): Set<string> {
	const out = new Set<string>();
	for (const m of text.matchAll(/\b([A-Z][a-z]+)\b/g)) {
		const word = m[1]!;
		if (NOT_NAMES.has(word)) continue;
		// A word that also appears in lower case in the same text is an ordinary word at a sentence start.
		if (new RegExp(`\\b${word.toLowerCase()}\\b`).test(text)) continue;
		out.add(word);
	}
	return out;
}

describe('names in the shipped content', () => {
	const scenes = shippedScenes();
	const byName = new Map<string, Set<string>>();
	for (const scene of scenes)
		for (const name of namesIn(scene.text))
			byName.set(name, (byName.get(name) ?? new Set()).add(scene.key));

	it('finds the people it should (so the check below cannot pass by finding nobody)', () => {
		for (const name of [
			'Jordan',
			'Farah',
			'Chris',
			'Dana',
			'Hannah',
			'Bilal',
			'Priya',
			'Tom',
			'Aisha'
		])
			expect(byName.has(name), name).toBe(true);
		expect(byName.size).toBeGreaterThanOrEqual(DEFAULT_DECK.length + DEFAULT_PROMPTS.length);
	});

	it('uses each first name for one person only, across the deck, the goal prompts and the activity files', () => {
		const shared = [...byName]
			.filter(([, keys]) => keys.size > 1)
			.map(([name, keys]) => `${name}: ${[...keys].join(' / ')}`);
		expect(shared).toEqual([]);
	});
});
