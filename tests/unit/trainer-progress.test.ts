import { describe, expect, it } from 'vitest';
import { people, pyramidRun } from '../helpers/pyramid-run';

describe('the trainer view’s per-group progress', () => {
	it('counts first answers and the roster, and is the same list while neither changes', () => {
		expect.assertions(5);
		const live = pyramidRun();
		const progress = () => live.trainerView(people).progress.groups;
		const before = progress();
		expect(before.map((g) => [g.id, g.answered, g.total])).toEqual([
			['g1', 0, 4],
			['g2', 0, 4]
		]);
		// Kept: the diff against the view last sent skips the very same list.
		expect(progress()).toBe(before);
		live.apply('p5', 'in1', { kind: 'add-card', step: 0, text: 'Monthly 1:1s' }, 1);
		expect(progress().map((g) => g.answered)).toEqual([0, 1]);
		// A second input from the same person is not a new answer.
		live.apply('p5', 'in2', { kind: 'add-card', step: 1, text: 'Team OKRs' }, 2);
		expect(progress().map((g) => g.answered)).toEqual([0, 1]);
		// Someone leaves: the totals (and the answers) count only who is in the room.
		const left = people.filter((p) => p.id !== 'p5' && p.id !== 'p0');
		expect(live.trainerView(left).progress.groups.map((g) => [g.answered, g.total])).toEqual([
			[0, 3],
			[0, 3]
		]);
	});
});
