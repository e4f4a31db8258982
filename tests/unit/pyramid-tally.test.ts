import { describe, expect, it } from 'vitest';
import type { GroupInfo, InputContext, PersonInfo, ViewContext } from '$lib/activities/contract';
import { pmPyramid, type Config, type Input, type State } from '$lib/activities/pm-pyramid/type';
import { PRACTICES_SHOWN } from '$lib/activities/pm-pyramid/projector';
import { STRENGTHS } from '$lib/activities/pm-pyramid/steps';

/**
 * The overlay counts practices as groups change (tally.ts) and keeps its shown list between
 * updates. Held here to a count from scratch: the same state cloned has no kept counts, so its
 * projector view counts every card again.
 */

const GROUPS = 12;
const groups: GroupInfo[] = Array.from({ length: GROUPS }, (_, g) => ({
	id: `g${g}`,
	name: `Table ${g + 1}`,
	memberIds: [`p${g}a`, `p${g}b`]
}));
const participants: PersonInfo[] = groups.flatMap((g) =>
	g.memberIds.map((id) => ({ id, name: id }))
);
const config: Config = pmPyramid.config.parse({});
const view: ViewContext<Config> = { config, status: 'open', groups, participants };

/** A small seeded generator, so a failure can be run again. */
function random(seed: number) {
	let s = seed >>> 0;
	return (n: number) => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s % n;
	};
}

// Few words, in several spellings: many practices are shared, so ties and climbs happen.
const WORDS = ['Monthly 1:1s', 'monthly 1:1s.', 'Team OKRs', 'team  okrs!', 'Exit interviews'];
const TAGS = ['works-well', 'patchy', 'missing', null] as const;

const overlayOf = (state: State) =>
	pmPyramid.projector(state, view).overlay.tiers.map((t) => ({
		distinct: t.distinct,
		// The words shown may be any group's spelling of the practice: compare them as the key does.
		practices: t.practices.map((p) => ({
			words: p.text
				.toLowerCase()
				.replace(/\s+/g, ' ')
				.replace(/[.!?,;:]+$/, ''),
			groups: p.groups,
			tags: p.tags
		}))
	}));

/** The projector's view but the practices' words (compared apart, by overlayOf). */
function wholeView(state: State) {
	const whole = pmPyramid.projector(state, view);
	const tiers = whole.overlay.tiers.map(({ practices, ...tier }) => ({
		...tier,
		practices: practices.length
	}));
	return { ...whole, overlay: { ...whole.overlay, tiers } };
}

describe('pm-pyramid overlay and group views kept as groups change', () => {
	it.each([1, 2, 3, 4])(
		'shows what a count from scratch shows after every input (seed %i)',
		(seed) => {
			const rand = random(seed);
			const state: State = pmPyramid.initial(config);
			const cards: Record<string, string[]> = {};
			let seq = 0;
			for (let i = 0; i < 400; i++) {
				const group = groups[rand(GROUPS)]!;
				const who = group.memberIds[rand(2)]!;
				const mine = cards[group.id] ?? (cards[group.id] = []);
				seq += 1;
				const ctx: InputContext = {
					participantId: who,
					groupId: group.id,
					inputId: `i${seq}`,
					at: 1000 + seq
				};
				const roll = rand(10);
				const cardId = mine[rand(Math.max(1, mine.length))];
				let input: Input;
				if (mine.length < 3 || roll < 4 || !cardId)
					input = { kind: 'add-card', step: rand(5) as 0, text: WORDS[rand(WORDS.length)]! };
				else if (roll < 6) input = { kind: 'edit-card', cardId, text: WORDS[rand(WORDS.length)]! };
				else if (roll < 7) input = { kind: 'tag-card', cardId, tag: TAGS[rand(TAGS.length)]! };
				else if (roll < 8) input = { kind: 'move-card', cardId, step: rand(5) as 0 };
				else if (roll < 9)
					input = { kind: 'set-link', from: rand(4) as 0, strength: STRENGTHS[rand(3)]! };
				else input = { kind: 'delete-card', cardId };
				if (input.kind === 'add-card' && mine.length >= 40) continue;
				pmPyramid.reduce(state, input, ctx, config);
				if (input.kind === 'add-card') mine.push(`${who}:${ctx.inputId}`);
				if (input.kind === 'delete-card') mine.splice(mine.indexOf(input.cardId), 1);
				// Not every input is seen: a projector update often follows several.
				if (rand(3) === 0) continue;
				expect(overlayOf(state)).toEqual(overlayOf(structuredClone(state)));
				// The rest of the view too: each group's pyramid (rebuilt only for the steps that
				// changed, its findings and links kept when they say the same), the per-group counts,
				// gaps, crowding and links across the room (lists kept while their items are).
				expect(wholeView(state)).toEqual(wholeView(structuredClone(state)));
			}
		}
	);

	it('keeps only the most named practices, and drops a practice whose last card goes', () => {
		const state: State = pmPyramid.initial(config);
		let seq = 0;
		const add = (g: number, text: string) => {
			seq += 1;
			const ctx: InputContext = {
				participantId: `p${g}a`,
				groupId: `g${g}`,
				inputId: `i${seq}`,
				at: seq
			};
			pmPyramid.reduce(state, { kind: 'add-card', step: 0, text }, ctx, config);
			return { id: `p${g}a:i${seq}`, ctx };
		};
		for (let i = 0; i < PRACTICES_SHOWN + 6; i++) add(0, `Practice ${String(i).padStart(2, '0')}`);
		const first = pmPyramid.projector(state, view).overlay.tiers[0]!;
		expect(first.distinct).toBe(PRACTICES_SHOWN + 6);
		expect(first.practices).toHaveLength(PRACTICES_SHOWN);
		expect(first.practices[0]!.text).toBe('Practice 00');
		// The last practice in order, named by a second group, now comes first.
		const late = add(1, 'practice 29');
		const second = pmPyramid.projector(state, view).overlay.tiers[0]!;
		expect(second.practices[0]).toMatchObject({ text: 'Practice 29', groups: 2 });
		expect(second.practices.map((p) => p.text)).not.toContain('Practice 23');
		// Its second group deletes it: it falls back to last and out of the list.
		seq += 1;
		pmPyramid.reduce(
			state,
			{ kind: 'delete-card', cardId: late.id },
			{ ...late.ctx, inputId: `i${seq}`, participantId: 'p1a', groupId: 'g1' },
			config
		);
		const third = pmPyramid.projector(state, view).overlay.tiers[0]!;
		expect(third.practices.map((p) => p.text)).toEqual(first.practices.map((p) => p.text));
		expect(third.distinct).toBe(PRACTICES_SHOWN + 6);
		// The report's view (paper) lists every practice, in the same order; the live one still
		// keeps the screen's few.
		const report = pmPyramid.projector(state, { ...view, whole: true }).overlay.tiers[0]!;
		expect(report.practices).toHaveLength(PRACTICES_SHOWN + 6);
		expect(report.practices.slice(0, PRACTICES_SHOWN)).toEqual(third.practices);
		expect(pmPyramid.projector(state, view).overlay.tiers[0]!.practices).toHaveLength(
			PRACTICES_SHOWN
		);
	});
});
