import { describe, expect, it } from 'vitest';
import {
	checkAchievable,
	checkMeasurable,
	checkRelevant,
	checkSpecific,
	checkTimeBound,
	coach,
	CRITERIA,
	passes,
	type Check
} from '$lib/activities/goal-setting/smart';

const expectReason = (c: Check) => expect(c.reason.length).toBeGreaterThan(10);

describe('Specific: a concrete verb and an object', () => {
	it.each([
		'Reduce the open support tickets from 40 to 15',
		'Complete the safety course and the fire warden module',
		'Run a weekly stand-up with the whole night shift',
		'Priya will answer customer emails without checking each step',
		'Tom to lead the rollout of the new rota system',
		'Coaching two junior colleagues on the case system',
		'Wrote and published the onboarding guide for new starters'
	])('passes: %s', (text) => {
		const c = checkSpecific(text);
		expect(c.pass).toBe(true);
		expectReason(c);
	});

	it.each([
		['Do your best at work', /vague/],
		['Improve communication with the team this year', /vague/],
		['Be better at customer service generally', /vague/],
		['Work on confidence and presence in meetings', /vague/],
		['Reduce it', /concrete action/],
		['', /too short/i],
		['Customer satisfaction is important to all of us here', /concrete action/]
	])('fails: %j', (text, reason) => {
		const c = checkSpecific(text);
		expect(c.pass).toBe(false);
		expect(c.reason).toMatch(reason);
	});
});

describe('Measurable: a number, a target or how we will know', () => {
	it.each([
		['Reduce complaints from 12 to 5', '12'],
		['Raise the first-call fix rate to 85%', '85%'],
		['Hold three coaching sessions', 'three'],
		['Reach the team target for renewals', 'target'],
		['We will know because the audit shows no missing signatures', 'will know'],
		['Cut complaints, as measured by the monthly customer survey', 'measured by'],
		['Answer every email on the same day', 'every']
	])('passes: %s', (text, found) => {
		const c = checkMeasurable(text);
		expect(c.pass).toBe(true);
		expect(c.reason).toContain(found);
	});

	it.each([
		'Improve the quality of reports',
		'Be more confident in meetings',
		// A date alone says when, not how much.
		'Finish the handbook by 30 June',
		'Get on with colleagues within 6 weeks',
		'Tidy the shared drive by 2026-03-31'
	])('fails: %s', (text) => {
		const c = checkMeasurable(text);
		expect(c.pass).toBe(false);
		expect(c.reason).toMatch(/Nothing to measure|not a number/);
	});
});

describe('Achievable: the self-rating, 3 or more passes', () => {
	it.each([3, 4, 5])('passes at %i', (n) => {
		const c = checkAchievable(n);
		expect(c.pass).toBe(true);
		expect(c.reason).toContain(`${n} of 5`);
	});
	it.each([1, 2])('fails at %i', (n) => {
		const c = checkAchievable(n);
		expect(c.pass).toBe(false);
		expect(c.reason).toMatch(/smaller step/);
	});
	it('fails, saying it is not rated, when there is none', () => {
		const c = checkAchievable(null);
		expect(c.pass).toBe(false);
		// Also read on a sent goal, the projector and the evidence pack: no "rate it below" there.
		expect(c.reason).toBe('Not rated for how achievable it is (1 to 5).');
	});
});

describe('Relevant: a link to a team or organisational objective', () => {
	it.each([
		['Cut the backlog so that customers hear back within a day', 'so that'],
		['Learn the case system to support the service desk', 'to support'],
		['Share two ideas at each meeting in line with our values', 'in line with'],
		['Raise renewals as part of the regional plan', 'as part of'],
		['Reach our team objective on renewals', 'team objective']
	])('passes: %s', (text, found) => {
		const c = checkRelevant(text);
		expect(c.pass).toBe(true);
		expect(c.reason).toContain(found);
	});

	it.each([
		'Reduce my emails to 20 a day',
		'Finish the course by June',
		'Read four books on leadership',
		// Naming the people served is not yet saying which aim it serves.
		'Call back patients on the waiting list',
		'Run a weekly huddle for the team'
	])('fails: %s', (text) => {
		const c = checkRelevant(text);
		expect(c.pass).toBe(false);
		expect(c.reason).toMatch(/No link|not yet a link/);
	});
});

describe('Time-bound: a date, a month, a weekday or a period', () => {
	it.each([
		['Finish the handbook by 30 June', '30 June'],
		['Finish the handbook by 30/06/2026', '30/06/2026'],
		['Finish the handbook on 2026-06-30', '2026-06-30'],
		['Present it to the team by March', 'by March'],
		['Start the new rota in May', 'in May'],
		['Send the plan to me on Friday', 'Friday'],
		['Cut the backlog within six weeks', 'within six weeks'],
		['Cut the backlog in the next 3 months', 'in the next 3 months'],
		['Reach 90% by the end of Q2', 'by the end of Q2'],
		['Reach 90% by end of Q3', 'end of Q3'],
		['Have the conversation before our next one-to-one', 'before our next one-to-one'],
		['Agree the plan this quarter', 'this quarter']
	])('passes: %s', (text, found) => {
		const c = checkTimeBound(text);
		expect(c.pass).toBe(true);
		expect(c.reason).toContain(found);
	});

	it.each([
		'Improve the way we handle complaints',
		'I may try the new system soon',
		'Reduce errors by improving checks',
		'Reduce errors by 20%',
		'Answer emails quickly'
	])('fails: %s', (text) => {
		const c = checkTimeBound(text);
		expect(c.pass).toBe(false);
		expect(c.reason).toMatch(/No deadline|not a date/);
	});

	it.each(['Send the report monthly', 'Run a huddle every Monday', 'Open the store on Sundays'])(
		'fails a frequency alone, saying it is one: %s',
		(text) => {
			const c = checkTimeBound(text);
			expect(c.pass).toBe(false);
			expect(c.reason).toMatch(/says how often, not by when/);
		}
	);

	it('passes a stretch goal on Achievable whatever its rating, and fails a demand for perfection', () => {
		expect(checkAchievable(1, 'stretch').pass).toBe(true);
		expect(checkAchievable(1, 'stretch').reason).toMatch(/stretch goal is meant to be hard/);
		const perfect = checkAchievable(5, 'performance', 'Give feedback 100% of the time');
		expect(perfect.pass).toBe(false);
		expect(perfect.reason).toContain('100% of the time');
	});
});

describe('the coach as a whole', () => {
	it('gives all five checks in S-M-A-R-T order, each with a reason', () => {
		const checks = coach(
			'Reduce open tickets from 40 to 15 by the end of Q2 so that customers wait less',
			4
		);
		expect(checks.map((c) => c.criterion)).toEqual([...CRITERIA]);
		expect(checks.every((c) => c.pass)).toBe(true);
		for (const c of checks) expectReason(c);
	});

	it('flags the gaps of a vague goal', () => {
		expect(passes('Do better', null)).toEqual({
			specific: false,
			measurable: false,
			achievable: false,
			relevant: false,
			timeBound: false
		});
		expect(passes('Improve communication with the team', 2)).toEqual({
			specific: false,
			measurable: false,
			achievable: false,
			// Mentioning the team is not a link to one of its aims.
			relevant: false,
			timeBound: false
		});
	});
});

describe('quotes the goal back as it was typed', () => {
	it('keeps the capitals and the curly apostrophes of the words it quotes', () => {
		const goal =
			'Cut Rework on the Monthly Reports by 20% by the end of June so that the Finance team’s close is on time';
		const reasons = coach(goal, 4).map((c) => c.reason);
		expect(reasons.join(' ')).toContain('"end of June"');
		expect(reasons.join(' ')).toContain('"so that the Finance team’s close is on"');
		expect(reasons.join(' ')).toContain('"Cut … Rework"');
		// Nothing quoted is in a case the person did not type.
		for (const quoted of reasons.join(' ').match(/"[^"]+"/g) ?? [])
			expect(goal.toLowerCase()).toContain(quoted.slice(1, -1).split(' … ')[0]!.toLowerCase());
		expect(reasons.join(' ')).not.toMatch(/end of june|finance|\bcut\b/);
	});

	it('quotes a whole word, not the same letters inside another', () => {
		expect(checkTimeBound('Much dismay, but done in May').reason).toContain('"in May"');
		expect(checkTimeBound('Send it by Friday').reason).toContain('"by Friday"');
	});
});
