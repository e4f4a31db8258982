import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { amo } from '$lib/activities/amo/type';
import { summarise, type AnswerRow, type LearnerInfo } from '$lib/server/followup/aggregate';
import { parseCheckIn } from '$lib/server/followup/form';
import { calendar, fold } from '$lib/server/followup/ics';
import { reachabilityWarning } from '$lib/server/followup/service';
import { currentWindow, DAY, MIN_ANSWERS, type FollowUpItem } from '$lib/shared/follow-up';

const CLOSED = Date.UTC(2026, 10, 25, 16, 0);

describe('the reminders calendar file', () => {
	const link = 'https://workshop.example.org/f/abcdefghijklmnopqrstuvwxyz234567';
	const ics = calendar(
		[30, 90].map((d) => ({
			uid: `x-${d}@test`,
			day: new Date(CLOSED + d * DAY),
			summary: `${d}-day check-in: Zoë’s course; goals, feedback`,
			description: 'How far have you got?\nA second line, with commas; and semicolons \\ too.',
			url: link
		})),
		new Date(CLOSED)
	);

	it('is read back by a real parser: two events with their dates, the link, and an alarm each', () => {
		const events = new ICAL.Component(ICAL.parse(ics))
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v));
		expect(events).toHaveLength(2);
		expect(events.map((e) => e.startDate.toString())).toEqual(['2026-12-25', '2027-02-23']);
		expect(events.map((e) => e.summary)).toEqual([
			'30-day check-in: Zoë’s course; goals, feedback',
			'90-day check-in: Zoë’s course; goals, feedback'
		]);
		for (const e of events) {
			expect(e.description).toBe(
				`How far have you got?\nA second line, with commas; and semicolons \\ too.\n${link}`
			);
			expect(e.component.getFirstPropertyValue('url')).toBe(link);
			expect(e.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe(
				'DISPLAY'
			);
		}
	});

	it('keeps to RFC 5545 lines: CRLF, at most 75 octets, folded without splitting a character', () => {
		const lines = ics.split('\r\n');
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
		expect(ics).not.toMatch(/[^\r]\n/);
		const long = `SUMMARY:${'é'.repeat(80)}`;
		const folded = fold(long);
		expect(folded.split('\r\n ').join('')).toBe(long);
		expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
	});
});

describe('which check-in is current', () => {
	it('the 30-day one from the close (early before day 30), the 90-day one from day 60, ended after day 150', () => {
		expect(currentWindow(CLOSED, CLOSED + 5 * DAY)).toMatchObject({
			checkpoint: 30,
			early: true,
			ended: false
		});
		expect(currentWindow(CLOSED, CLOSED + 45 * DAY)).toMatchObject({
			checkpoint: 30,
			early: false,
			ended: false
		});
		expect(currentWindow(CLOSED, CLOSED + 61 * DAY)).toMatchObject({
			checkpoint: 90,
			early: true,
			dueAt: CLOSED + 90 * DAY
		});
		expect(currentWindow(CLOSED, CLOSED + 140 * DAY)).toMatchObject({
			checkpoint: 90,
			early: false,
			ended: false
		});
		expect(currentWindow(CLOSED, CLOSED + 151 * DAY)).toMatchObject({
			checkpoint: 90,
			ended: true
		});
	});
});

describe('the privacy threshold', () => {
	it('is the AMO room view’s default', () => {
		expect(MIN_ANSWERS).toBe(3);
		expect((amo.config.parse({}) as { minAnswers: number }).minAnswers).toBe(MIN_ANSWERS);
	});

	const learner = (id: string, shareQuotes = true): LearnerInfo => ({
		participantId: id,
		shareQuotes,
		items: new Map([
			['goal:r1', { type: 'Stretch goal', confidenceThen: null }],
			['one-thing:r2', { type: 'One thing I will do differently', confidenceThen: 6 }]
		])
	});
	const answer = (
		id: string,
		itemKey: string,
		progress: number,
		extra: Partial<AnswerRow> = {}
	): AnswerRow => ({
		participantId: id,
		checkpoint: 30,
		itemKey,
		progress,
		barriers: ['No time'],
		helpedNote: `helped ${id}`,
		barrierNote: '',
		confidence: 8,
		...extra
	});

	it('holds every aggregate and every quote while fewer than three people answered, however many items they have', () => {
		const s = summarise(
			[learner('a'), learner('b'), learner('c')],
			[
				answer('a', 'goal:r1', 1),
				answer('a', 'one-thing:r2', 2),
				answer('b', 'goal:r1', 3),
				answer('b', 'one-thing:r2', 3)
			]
		);
		const thirty = s.checkpoints[0]!;
		expect(s.optedIn).toBe(3);
		expect(thirty.responded).toBe(2);
		expect(thirty.progress.every((p) => !p.counts.shown)).toBe(true);
		expect(thirty.confidence.shown).toBe(false);
		expect(thirty.barriers.shown).toBe(false);
		expect(thirty.quotes.shown).toBe(false);
		expect(JSON.stringify(s)).not.toContain('helped a');
	});

	it('shows counts, means, ranked barriers and only allowed quotes from three people on', () => {
		const s = summarise(
			[learner('a'), learner('b'), learner('c'), learner('d', false)],
			[
				answer('a', 'one-thing:r2', 1, { barriers: ['Workload', 'No time'] }),
				answer('b', 'one-thing:r2', 3, { confidence: 5, barriers: ['Workload'] }),
				answer('c', 'one-thing:r2', 3, { confidence: 6 }),
				answer('d', 'one-thing:r2', 4, { helpedNote: 'private line' })
			]
		);
		const thirty = s.checkpoints[0]!;
		expect(thirty.responded).toBe(4);
		expect(thirty.progress).toEqual([
			{
				type: 'One thing I will do differently',
				counts: { shown: true, n: 4, value: [0, 1, 0, 2, 1] }
			}
		]);
		expect(thirty.confidence).toEqual({ shown: true, n: 4, value: { then: 6, now: 6.8 } });
		expect(thirty.barriers).toMatchObject({
			shown: true,
			value: [
				{ barrier: 'No time', count: 3 },
				{ barrier: 'Workload', count: 2 }
			]
		});
		expect(thirty.quotes).toEqual({
			shown: true,
			n: 3,
			value: ['helped a', 'helped b', 'helped c']
		});
		expect(s.checkpoints[1]!.responded).toBe(0);
	});
});

describe('the check-in form', () => {
	const items: FollowUpItem[] = [
		{ key: 'goal:r1', kind: 'goal', type: 'Stretch goal', text: 'A goal', confidenceThen: null },
		{
			key: 'one-thing:r2',
			kind: 'one-thing',
			type: 'One thing',
			text: 'One thing',
			confidenceThen: 6
		}
	];
	const form = (fields: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of fields) f.append(k, v);
		return f;
	};

	it('names every problem in words, keyed by field', () => {
		const r = parseCheckIn(
			form([
				['progress-0', '9'],
				['confidence-0', 'lots'],
				['helped-0', 'Bribery'],
				['barrierNote-0', 'x'.repeat(201)],
				['revisedGoal-0', 'bad\u202Eidea'],
				['progress-1', '2'],
				['confidence-1', '7'],
				['email', 'not-an-email']
			]),
			items
		);
		expect(r).toEqual({
			ok: false,
			errors: {
				'progress-0': 'Please choose how far you have got.',
				'confidence-0': 'Please choose your confidence now, from 1 to 10.',
				'helped-0': 'Please pick what helped from the list.',
				'barrierNote-0': 'Please keep what got in the way to 200 characters.',
				'revisedGoal-0': 'There is a hidden character in your revised goal. Please retype it.',
				email: 'That email address does not look right.'
			}
		});
	});

	it('gives the answers and the learner’s choices when everything is right', () => {
		const r = parseCheckIn(
			form([
				['progress-0', '2'],
				['helped-0', 'My manager'],
				['helped-0', 'Reminders'],
				['helpedNote-0', '  Our weekly one-to-one  '],
				['confidence-0', '7'],
				['progress-1', '0'],
				['barriers-1', 'No time'],
				['confidence-1', '4'],
				['shareQuotes', 'yes']
			]),
			items
		);
		expect(r).toEqual({
			ok: true,
			answers: {
				'goal:r1': {
					progress: 2,
					helped: ['My manager', 'Reminders'],
					helpedNote: 'Our weekly one-to-one',
					barriers: [],
					barrierNote: '',
					confidence: 7,
					revisedGoal: ''
				},
				'one-thing:r2': {
					progress: 0,
					helped: [],
					helpedNote: '',
					barriers: ['No time'],
					barrierNote: '',
					confidence: 4,
					revisedGoal: ''
				}
			},
			consent: { shareQuotes: true, shareWithTrainer: false, email: null }
		});
	});
});

describe('where the link can be opened', () => {
	it('warns for addresses on a local network, not for a public name', () => {
		for (const base of [
			'http://192.168.1.20:3000',
			'http://localhost:3000',
			'http://10.0.0.5',
			'http://laptop.local:3000'
		])
			expect(reachabilityWarning(base), base).toMatch(
				/only open where that address can be reached/
			);
		expect(reachabilityWarning('https://workshop.example.org')).toBeUndefined();
	});
});
