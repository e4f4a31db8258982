import { describe, expect, it } from 'vitest';
import type { AgendaPlan } from '$lib/shared/agenda';
import {
	blockPages,
	pagesOf,
	parseSlideRef,
	slideRefProblem,
	slideTimes,
	stepTarget
} from '$lib/shared/slides';

describe('parseSlideRef', () => {
	it.each([
		['3', [[3, 3]]],
		['6-14', [[6, 14]]],
		['25–26', [[25, 26]]],
		[
			'27–34, 44',
			[
				[27, 34],
				[44, 44]
			]
		],
		[
			' 1 — 2 ; 5 and 7 to 8 ',
			[
				[1, 2],
				[5, 5],
				[7, 8]
			]
		]
	])('reads %s', (text, ranges) => {
		expect(parseSlideRef(text)).toEqual({ ok: true, ranges });
	});

	it.each([
		['', 'no slides named'],
		['0', 'numbered from 1'],
		['14-6', 'runs backwards: write 6–14'],
		['3,,4', 'empty part'],
		['slide 3', 'is not a slide number'],
		['3-', 'is not a slide number'],
		['1-900', 'past the 500-page limit']
	])('refuses %j with a sentence', (text, message) => {
		const res = parseSlideRef(text);
		expect(res.ok).toBe(false);
		if (!res.ok) expect(res.error).toContain(message);
	});

	it('lists each page once, in order named', () => {
		expect(
			pagesOf([
				[3, 5],
				[4, 6],
				[1, 1]
			])
		).toEqual([3, 4, 5, 6, 1]);
	});
});

describe('slideRefProblem', () => {
	it('checks syntax without a deck and the page count with one', () => {
		expect(slideRefProblem(undefined, 10)).toBeNull();
		expect(slideRefProblem('6-14', null)).toBeNull();
		expect(slideRefProblem('x', null)).toMatch(/^slides: “x” is not/);
		expect(slideRefProblem('6-14', 14)).toBeNull();
		expect(slideRefProblem('6-14', 12)).toBe(
			'slides: slides 13–14 are past the end of the deck (12 pages)'
		);
		expect(slideRefProblem('3, 44', 40)).toBe(
			'slides: slide 44 is past the end of the deck (40 pages)'
		);
	});
});

const plan: AgendaPlan = {
	title: 'T',
	start: '09:00',
	blocks: [
		{ title: 'A', minutes: 5, kind: 'talk', resources: { slides: '1-3' } },
		{ title: 'B', minutes: 5, kind: 'activity' },
		{ title: 'C', minutes: 5, kind: 'talk', resources: { slides: '4–5, 9' } }
	]
};

describe('stepping', () => {
	it('cuts a block to the deck and ignores a broken reference', () => {
		expect(blockPages(plan, 2, 8)).toEqual([4, 5]);
		expect(blockPages(plan, 1, 8)).toEqual([]);
		const broken = { ...plan, blocks: [{ ...plan.blocks[0]!, resources: { slides: 'abc' } }] };
		expect(blockPages(broken, 0, 8)).toEqual([]);
	});

	it('steps inside a block, then into the next block’s first slide and back into the previous one’s last', () => {
		const at = (block: number, slide: number) => ({ block, slide, blank: null });
		expect(stepTarget(plan, 0, at(0, 0), 10, 1)).toEqual({ block: 0, slide: 1 });
		expect(stepTarget(plan, 0, at(0, 2), 10, 1)).toEqual({ block: 1, slide: 0 });
		expect(stepTarget(plan, 1, at(0, 2), 10, 1)).toEqual({ block: 2, slide: 0 });
		expect(stepTarget(plan, 2, at(2, 0), 10, -1)).toEqual({ block: 1, slide: 0 });
		expect(stepTarget(plan, 1, at(1, 0), 10, -1)).toEqual({ block: 0, slide: 2 });
		expect(stepTarget(plan, 0, at(0, 0), 10, -1)).toBeNull();
		expect(stepTarget(plan, 2, at(2, 2), 10, 1)).toBeNull();
		// A position left in another block means the current block's first slide.
		expect(stepTarget(plan, 2, at(0, 2), 10, 1)).toEqual({ block: 2, slide: 1 });
	});
});

describe('slideTimes', () => {
	it('adds up the time on each page until the next one, revisits included', () => {
		const log = [
			{ block: 0, page: 1, at: 0 },
			{ block: 0, page: 2, at: 1000 },
			{ block: 0, page: 1, at: 4000 }
		];
		expect(slideTimes(log, 4500)).toEqual([
			{ block: 0, page: 1, ms: 1500 },
			{ block: 0, page: 2, ms: 3000 }
		]);
	});
});
