import { describe, expect, it } from 'vitest';
import { breakQuestion } from '$lib/client/break-guard';
import type { AgendaPlan } from '$lib/shared/agenda';
import { applyControl, initialRun } from '$lib/shared/run';

const plan = {
	title: 'Test',
	start: '09:00',
	blocks: [
		{ title: 'Talk', minutes: 10, kind: 'talk' },
		{ title: 'Coffee', minutes: 15, kind: 'break' },
		{ title: 'Work', minutes: 20, kind: 'activity' }
	]
} as unknown as AgendaPlan;
const open = { title: 'AMO', status: 'open' };

describe('asking before a break closes a collecting activity', () => {
	const running = applyControl(initialRun(plan), { type: 'start' }, 0);
	it('asks when next, previous or a jump lands on a break while an activity collects', () => {
		expect(breakQuestion(plan, running, open, { type: 'next' })).toMatch(
			/^AMO is still collecting answers: close it for the break\?/
		);
		expect(breakQuestion(plan, running, open, { type: 'jump', index: 1 })).not.toBeNull();
		const third = applyControl(running, { type: 'jump', index: 2 }, 1);
		expect(breakQuestion(plan, third, open, { type: 'previous' })).not.toBeNull();
	});
	it('does not ask for other blocks, other controls, or an activity that is not collecting', () => {
		expect(breakQuestion(plan, running, open, { type: 'jump', index: 2 })).toBeNull();
		expect(breakQuestion(plan, running, open, { type: 'pause' })).toBeNull();
		expect(
			breakQuestion(plan, running, { title: 'AMO', status: 'closed' }, { type: 'next' })
		).toBeNull();
		expect(breakQuestion(plan, running, null, { type: 'next' })).toBeNull();
	});
});
