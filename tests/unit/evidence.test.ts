import { describe, expect, it } from 'vitest';
import type {
	ActivityStatus,
	ActivityType,
	EvidenceItem,
	GroupInfo,
	PersonInfo,
	TrainerContext
} from '$lib/activities/contract';
import { amo } from '$lib/activities/amo/type';
import { DEFAULT_STATEMENTS, DIMENSIONS, statementId } from '$lib/activities/amo/statements';
import { brainstorm } from '$lib/activities/brainstorm/type';
import { coaching } from '$lib/activities/coaching/type';
import { conversationCards } from '$lib/activities/conversation-cards/type';
import { exitReflection } from '$lib/activities/exit-reflection/type';
import { goalSetting } from '$lib/activities/goal-setting/type';
import { openQuestion } from '$lib/activities/open-question/type';
import { pmPyramid } from '$lib/activities/pm-pyramid/type';
import { quickPoll } from '$lib/activities/quick-poll/type';
import { ratingChecklist } from '$lib/activities/rating-checklist/type';
import { activityTypes } from '$lib/activities/registry';
import { selfScoring } from '$lib/activities/self-scoring/type';
import { seededRandom } from '$lib/activities/shared/random';
import { skillWill } from '$lib/activities/skill-will/type';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { criteriaCoverage } from '$lib/shared/evidence';
import { CRITERIA, CRITERION_IDS } from '$lib/shared/ilm';
import { appRoot } from '$lib/server/paths';
import { harness } from '../helpers/activity-harness';

const g = (id: string, name: string, memberIds: string[]): GroupInfo => ({ id, name, memberIds });
const TABLES = [
	g('g1', 'Table 1', ['ann', 'bob', 'cat']),
	g('g2', 'Table 2', ['dan', 'eve', 'fay'])
];

/**
 * One run of a type, driven through its real schema and reducer (and trainer actions), with a way
 * to read one person's evidence. `idle` is in the room (a participant) but sent nothing and is in
 * no group. Names are "Name-<id>", so a leaked name is easy to spot.
 */
function room<C, I, S>(
	type: ActivityType<C, I, S, unknown, unknown>,
	raw: unknown = {},
	groups: GroupInfo[] = []
) {
	const ids = [
		...new Set([...groups.flatMap((x) => x.memberIds), 'ann', 'bob', 'cat', 'dan', 'idle'])
	];
	const participants: PersonInfo[] = ids.map((id) => ({ id, name: `Name-${id}` }));
	const groupOf = (id: string) => groups.find((x) => x.memberIds.includes(id))?.id ?? null;
	const h = harness(type, raw, groupOf);
	let seq = 0;
	const act = (input: unknown) => {
		const trainer = type.trainer!;
		seq += 1;
		const ctx: TrainerContext = {
			inputId: `t-${seq}`,
			at: 9000 + seq,
			groups,
			participants,
			random: seededRandom(`t-${seq}`)
		};
		trainer.reduce(h.state, trainer.input.parse(input), ctx, h.config);
	};
	const evidence = (
		id: string,
		status: ActivityStatus = 'closed',
		groupId: string | null = groupOf(id),
		inGroups: GroupInfo[] = groups
	): EvidenceItem[] => {
		if (!type.evidence) throw new Error(`${type.type} has no evidence()`);
		return type.evidence(h.state, {
			config: h.config,
			status,
			groups: inGroups,
			participants,
			participantId: id,
			groupId
		});
	};
	const text = (id: string, status?: ActivityStatus) => JSON.stringify(evidence(id, status));
	return { ...h, act, evidence, text };
}

/** Every line of every item, as "label: text", for readable assertions. */
const linesOf = (items: EvidenceItem[]) =>
	items.flatMap((i) => i.lines.map((l) => (l.label ? `${l.label}: ${l.text}` : l.text)));

describe('every type', () => {
	it('has evidence() and default criteria that are real ILM 8600-323 ids', () => {
		expect(activityTypes.size).toBe(15);
		for (const type of activityTypes.values()) {
			expect(typeof type.evidence, type.type).toBe('function');
			expect(Array.isArray(type.criteria), type.type).toBe(true);
			for (const id of type.criteria ?? []) expect(CRITERION_IDS).toContain(id);
		}
	});
});

describe('amo', () => {
	const rateAll = (
		r: ReturnType<typeof room>,
		id: string,
		values: Record<string, 1 | 2 | 3 | 4 | 5>
	) => {
		for (const d of DIMENSIONS)
			DEFAULT_STATEMENTS[d].forEach((_, i) =>
				r.ok(id, { kind: 'rate', statementId: statementId(d, i), value: values[d] })
			);
	};

	it('gives the subject (initials as stored), every rating and the profile scores', () => {
		const r = room(amo);
		r.ok('ann', { kind: 'set-subject', subject: { type: 'person', initials: 'j. k.' } });
		rateAll(r, 'ann', { ability: 4, motivation: 2, opportunity: 3 });
		r.ok('ann', { kind: 'submit' });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		expect(items[0]!.heading).toContain('JK');
		const lines = linesOf(items);
		expect(lines).toContain(`Ability: ${DEFAULT_STATEMENTS.ability[0]}: Agree`);
		expect(lines).toContain(`Motivation: ${DEFAULT_STATEMENTS.motivation[0]}: Disagree`);
		expect(lines).toContain('Ability score: 4.0 out of 5 (high)');
		expect(lines).toContain('Motivation score: 2.0 out of 5 (low)');
		expect(lines).toContain('Opportunity score: 3.0 out of 5 (middle)');
		expect(lines).toContain('Lowest: Motivation');
	});

	it('says an unfinished answer has no profile yet', () => {
		const r = room(amo);
		r.ok('ann', { kind: 'set-subject', subject: { type: 'team' } });
		r.ok('ann', { kind: 'rate', statementId: 'a1', value: 5 });
		const lines = linesOf(r.evidence('ann'));
		expect(lines).toContain('About: your team');
		expect(lines.some((l) => l.includes('score'))).toBe(false);
		expect(lines).toContain('Status: Not finished: no profile yet');
	});

	it("never shows another person's subject or ratings, and nothing for someone who did nothing", () => {
		const r = room(amo);
		r.ok('ann', { kind: 'set-subject', subject: { type: 'team' } });
		rateAll(r, 'ann', { ability: 4, motivation: 4, opportunity: 4 });
		r.ok('bob', { kind: 'set-subject', subject: { type: 'person', initials: 'ZQ' } });
		rateAll(r, 'bob', { ability: 1, motivation: 1, opportunity: 1 });
		r.ok('bob', { kind: 'submit' });
		const ann = r.text('ann');
		expect(ann).not.toContain('ZQ');
		expect(ann).not.toContain('Strongly disagree');
		expect(ann).not.toContain('1.0');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('skill-will', () => {
	it('gives each placement with its quadrant and the suggested approach, and nobody else’s', () => {
		const r = room(skillWill);
		r.ok('ann', { kind: 'add', initials: 'jk', task: 'Weekly rota', skill: 8, will: 3 });
		r.ok('bob', { kind: 'add', initials: 'zq', task: 'Secret budget task', skill: 2, will: 9 });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		const lines = linesOf(items);
		expect(lines).toContain('Person: JK');
		expect(lines).toContain('Task: Weekly rota');
		expect(lines).toContain('Skill: 8 out of 10');
		expect(lines).toContain('Will: 3 out of 10');
		expect(lines).toContain('Quadrant: Excite (high skill, low will)');
		const text = r.text('ann');
		expect(text).not.toContain('Secret budget task');
		expect(text).not.toContain('ZQ');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('quick-poll', () => {
	const raw = {
		question: 'How often are appraisals?',
		options: ['Never', 'Once a year', 'Twice a year or more'],
		multiple: true
	};

	it("gives the learner's own choices only", () => {
		const r = room(quickPoll, raw);
		r.ok('ann', { kind: 'choose', options: [0, 1] });
		r.ok('bob', { kind: 'choose', options: [2] });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		expect(linesOf(items)).toEqual([
			'Question: How often are appraisals?',
			'You chose: Never',
			'You chose: Once a year'
		]);
		expect(r.text('ann')).not.toContain('Twice a year or more');
		expect(r.evidence('idle')).toEqual([]);
	});

	it('gives nothing once the answer is taken back', () => {
		const r = room(quickPoll, raw);
		r.ok('ann', { kind: 'choose', options: [1] });
		r.ok('ann', { kind: 'clear' });
		expect(r.evidence('ann')).toEqual([]);
	});
});

describe('exit-reflection', () => {
	it('gives the reflection and confidence, and nobody else’s', () => {
		const r = room(exitReflection);
		r.ok('ann', { kind: 'save', text: 'Hold monthly one-to-ones', confidence: 7 });
		r.ok('bob', { kind: 'save', text: 'BOB-PRIVATE-REFLECTION', confidence: 2 });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		expect(linesOf(items)).toEqual([
			'One thing I will do differently: Hold monthly one-to-ones',
			'How confident are you that you will do it?: 7 out of 10'
		]);
		expect(r.text('ann')).not.toContain('BOB-PRIVATE-REFLECTION');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('self-scoring', () => {
	const raw = {
		scale: 'agree',
		dimensions: [
			{ id: 'doing', name: 'Learning by doing', description: 'Having a go.' },
			{ id: 'thinking', name: 'Thinking it over', description: 'Stepping back.' }
		],
		items: [
			{ text: 'I try things out', dimension: 'doing' },
			{ text: 'I jump straight in', dimension: 'doing' },
			{ text: 'I read up first', dimension: 'thinking' },
			{ text: 'I act before I think', dimension: 'thinking', reverse: true }
		]
	};
	const rate = (r: ReturnType<typeof room>, id: string, values: number[]) =>
		values.forEach((value, i) => r.ok(id, { kind: 'rate', itemId: `q${i + 1}`, value }));

	it('gives the ratings and the profile (reverse items flipped), and nobody else’s', () => {
		const r = room(selfScoring, raw);
		rate(r, 'ann', [5, 4, 2, 4]);
		r.ok('ann', { kind: 'submit' });
		rate(r, 'bob', [1, 1, 1, 1]);
		r.ok('bob', { kind: 'submit' });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		const lines = linesOf(items);
		expect(lines).toContain('I try things out: Strongly agree');
		expect(lines).toContain('Learning by doing score: 4.5 out of 5');
		expect(lines).toContain('Thinking it over score: 2.0 out of 5');
		expect(lines).toContain('Highest: Learning by doing');
		const text = r.text('ann');
		expect(text).not.toContain('Strongly disagree');
		expect(text).not.toContain('1.0');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('open-question', () => {
	const raw = { question: 'Why do we have appraisal?', columns: ['Pros', 'Cons'] };
	const pairs = [g('g1', 'Table 1', ['ann', 'bob']), g('g2', 'Table 2', ['cat', 'dan'])];

	it("gives the learner's answers and their group's whole list, never another group's", () => {
		const r = room(openQuestion, raw, pairs);
		r.ok('ann', { kind: 'add', column: 0, text: 'Clear expectations' });
		r.ok('bob', { kind: 'add', column: 1, text: 'Takes too long' });
		r.ok('cat', { kind: 'add', column: 0, text: 'G2-SECRET-ANSWER' });
		const items = r.evidence('ann');
		expect(items.map((i) => [i.kind, i.heading])).toEqual([
			['own', 'Your answers: Why do we have appraisal?'],
			['group', "Table 1's answers: Why do we have appraisal?"]
		]);
		expect(items[0]!.lines).toEqual([{ label: 'Pros', text: 'Clear expectations' }]);
		expect(items[1]!.lines).toEqual([
			{ label: 'Pros', text: 'Clear expectations (yours)' },
			{ label: 'Cons', text: 'Takes too long' }
		]);
		expect(r.text('ann')).not.toContain('G2-SECRET-ANSWER');
		// Bob added to the same list, so he gets it too; idle took no part.
		expect(r.text('bob')).toContain('Clear expectations');
		expect(r.evidence('idle')).toEqual([]);
	});

	it('keeps the list of a group the learner added to before being moved', () => {
		const r = room(openQuestion, raw, pairs);
		r.ok('ann', { kind: 'add', column: 0, text: 'Clear expectations' });
		const moved = [g('g1', 'Table 1', ['bob']), g('g2', 'Table 2', ['cat', 'dan', 'ann'])];
		const headings = r.evidence('ann', 'closed', 'g2', moved).map((i) => i.heading);
		expect(headings).toContain("Table 1's answers: Why do we have appraisal?");
	});

	it("working alone, never shows another person's answers", () => {
		const r = room(openQuestion, raw);
		r.ok('ann', { kind: 'add', column: 0, text: 'Clear expectations' });
		r.ok('bob', { kind: 'add', column: 1, text: 'BOB-SOLO-ANSWER' });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		expect(r.text('ann')).not.toContain('BOB-SOLO-ANSWER');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('rating-checklist', () => {
	const pairs = [g('g1', 'Pair 1', ['ann', 'bob']), g('g2', 'Pair 2', ['cat', 'dan'])];

	it("gives the pair's whole checklist, marking the ratings the learner set, and nothing of another pair", () => {
		const r = room(
			ratingChecklist,
			{ items: ['Clear objectives', 'Regular one-to-ones', 'Fair ratings'] },
			pairs
		);
		r.ok('ann', { kind: 'rate', item: 0, rating: 2 });
		r.ok('bob', { kind: 'rate', item: 1, rating: 0 });
		r.ok('cat', { kind: 'rate', item: 2, rating: 1 });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('group');
		expect(items[0]!.heading).toBe("Pair 1's practice checklist");
		expect(items[0]!.lines).toEqual([
			{ label: 'Clear objectives', text: 'Embedded (set by you)' },
			{ label: 'Regular one-to-ones', text: 'Not in place' },
			{ label: 'Fair ratings', text: 'Not rated' }
		]);
		const text = r.text('ann');
		expect(text).not.toContain('Partly');
		expect(text).not.toContain('Pair 2');
		expect(r.evidence('idle')).toEqual([]);
	});

	it('working alone, gives the learner their own checklist and nobody else’s', () => {
		const r = room(ratingChecklist, { scale: 'five', items: ['Clear objectives', 'Fair ratings'] });
		r.ok('ann', { kind: 'rate', item: 0, rating: 3 });
		r.ok('bob', { kind: 'rate', item: 1, rating: 0 });
		const items = r.evidence('ann');
		expect(items).toHaveLength(1);
		expect(items[0]!.kind).toBe('own');
		expect(items[0]!.lines).toEqual([
			{ label: 'Clear objectives', text: '4 out of 5' },
			{ label: 'Fair ratings', text: 'Not rated' }
		]);
		expect(r.text('ann')).not.toContain('1 out of 5');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('brainstorm', () => {
	const raw = { prompt: 'Ways to reward people', votesPerPerson: 3, themes: ['Saying thank you'] };

	it('gives the ideas written and votes cast, the top ideas only once revealed, and nothing of others', () => {
		const r = room(brainstorm, raw);
		r.ok('ann', { kind: 'add', text: 'Thank-you card' }); // c1
		r.ok('ann', { kind: 'add', text: 'Team lunch' }); // c2
		r.ok('bob', { kind: 'add', text: 'BOB-UNVOTED-IDEA' }); // c3
		r.act({ kind: 'assign', ideaIds: ['c1'], themeId: 'preset-1' });
		r.act({ kind: 'voting', open: true });
		r.ok('ann', { kind: 'vote', ideaId: 'c2' });
		r.ok('ann', { kind: 'vote', ideaId: 'c2' });
		r.ok('bob', { kind: 'vote', ideaId: 'c1' });
		r.ok('bob', { kind: 'vote', ideaId: 'c1' });
		r.ok('bob', { kind: 'vote', ideaId: 'c1' });
		r.act({ kind: 'voting', open: false });

		const closed = r.evidence('ann', 'closed');
		expect(closed.map((i) => [i.kind, i.heading])).toEqual([
			['own', 'Your ideas: Ways to reward people'],
			['own', 'Your votes']
		]);
		expect(linesOf(closed)).toEqual([
			'Saying thank you: Thank-you card (on the wall)',
			'Not sorted: Team lunch (on the wall)',
			'2 votes: Team lunch'
		]);
		// Bob's idea and his dots stay out until the room's anonymous totals are revealed.
		expect(r.text('ann', 'closed')).not.toContain('BOB-UNVOTED-IDEA');
		expect(r.text('ann', 'closed')).not.toContain('3 votes');

		const revealed = r.evidence('ann', 'revealed');
		expect(revealed.at(-1)!.heading).toBe("The room's top ideas");
		expect(revealed.at(-1)!.kind).toBe('group');
		expect(linesOf([revealed.at(-1)!])).toEqual([
			'1.: Thank-you card (3 votes, Saying thank you)',
			'2.: Team lunch (2 votes)'
		]);
		expect(r.text('ann', 'revealed')).not.toContain('BOB-UNVOTED-IDEA');
		expect(r.evidence('idle', 'revealed')).toEqual([]);
	});

	it('says where a merged idea went', () => {
		const r = room(brainstorm, raw);
		r.ok('ann', { kind: 'add', text: 'Say thanks' }); // c1
		r.ok('bob', { kind: 'add', text: 'Thank-you note' }); // c2
		r.act({ kind: 'merge', intoId: 'c2', fromId: 'c1' });
		expect(linesOf(r.evidence('ann'))).toEqual([
			'Not sorted: Say thanks (merged with "Thank-you note")'
		]);
	});
});

describe('goal-setting', () => {
	const ANN_GOAL = 'Reduce open cases from 20 to 5 by 30 June so that customers get faster replies';

	it('gives both versions with their SMART checks, the review received (no name) and the review written', () => {
		const r = room(goalSetting);
		r.ok('ann', { kind: 'set-situation', situation: { kind: 'prompt', promptId: 'p1' } });
		r.ok('ann', { kind: 'set-type', goalType: 'performance' });
		r.ok('ann', { kind: 'submit', text: 'Improve case handling', achievable: 4 });
		r.ok('bob', {
			kind: 'set-situation',
			situation: { kind: 'own', text: 'BOB-OWN-SITUATION about a colleague' }
		});
		r.ok('bob', { kind: 'set-type', goalType: 'learning' });
		r.ok('bob', {
			kind: 'submit',
			text: 'BOB-GOAL learn the new case system within six weeks',
			achievable: 3
		});
		r.ok('cat', { kind: 'set-situation', situation: { kind: 'prompt', promptId: 'p2' } });
		r.ok('cat', { kind: 'set-type', goalType: 'stretch' });
		r.ok('cat', {
			kind: 'submit',
			text: 'CAT-GOAL lead two team briefings by March',
			achievable: 2
		});
		r.act({ kind: 'rotate-for-review' });

		const goalOf = (id: string) => r.state.entries[id]!.goalId!;
		const reviewerOf = (goal: string) =>
			Object.entries(r.state.assignments).find(([, x]) => x === goal)![0];
		const scores = {
			specific: 'yes',
			measurable: 'partly',
			achievable: 'no',
			relevant: 'yes',
			timeBound: 'no'
		};
		for (const id of ['ann', 'bob', 'cat'])
			r.ok(id, {
				kind: 'review',
				goalId: r.state.assignments[id],
				scores,
				comment: `${id.toUpperCase()}-COMMENT`
			});
		r.ok('ann', { kind: 'revise', text: ANN_GOAL, achievable: 4 });

		const annReviewer = reviewerOf(goalOf('ann'));
		const annReviewed = Object.keys(r.state.entries).find(
			(id) => goalOf(id) === r.state.assignments['ann']
		)!;
		const third = ['bob', 'cat'].find((id) => id !== annReviewer && id !== annReviewed);
		// Three goals rotate in one circle: ann reviews one colleague and is reviewed by the other.
		expect(third).toBeUndefined();

		const items = r.evidence('ann');
		expect(items.map((i) => [i.kind, i.heading])).toEqual([
			['own', 'Your goal'],
			['own', "Your review of a colleague's goal (round 1)"]
		]);
		const lines = linesOf([items[0]!]);
		expect(lines).toContain('Goal type: Performance goal');
		expect(lines.some((l) => l.startsWith('Situation: Priya, new starter'))).toBe(true);
		expect(lines).toContain('First version: Improve case handling');
		expect(lines).toContain(`Revised version: ${ANN_GOAL}`);
		expect(lines.some((l) => l.startsWith('SMART check, Time-bound: Met.'))).toBe(true);
		expect(lines.some((l) => l.startsWith('SMART check, Time-bound: Not yet.'))).toBe(true);
		expect(lines).toContain(
			'Peer review (of version 1): Specific: Yes; Measurable: Partly; Achievable: No; Relevant: Yes; Time-bound: No'
		);
		expect(lines).toContain(`Reviewer's comment: ${annReviewer.toUpperCase()}-COMMENT`);

		const written = linesOf([items[1]!]);
		expect(written).toContain(`Goal you reviewed: ${r.state.entries[annReviewed]!.v1!.text}`);
		expect(written).toContain('Your comment: ANN-COMMENT');

		const text = r.text('ann');
		// Not the reviewer's name (nor anyone's), not the reviewer's own goal, not the review ann's
		// colleague wrote of someone else, and never a colleague's own-situation text.
		expect(text).not.toContain('Name-');
		expect(text).not.toContain(r.state.entries[annReviewer]!.v1!.text);
		expect(text).not.toContain(`${annReviewed.toUpperCase()}-COMMENT`);
		expect(text).not.toContain('BOB-OWN-SITUATION');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('pm-pyramid', () => {
	const tables = [g('g1', 'Group 1', ['ann', 'bob', 'eve']), g('g2', 'Group 2', ['cat', 'dan'])];

	it("gives the cards the learner wrote and their group's whole pyramid, never another group's", () => {
		const r = room(pmPyramid, {}, tables);
		r.ok('ann', { kind: 'add-card', step: 0, text: 'University strategy', tag: 'works-well' });
		r.ok('bob', { kind: 'add-card', step: 3, text: 'Annual appraisal' });
		r.ok('bob', { kind: 'set-link', from: 0, strength: 'strong' });
		r.ok('cat', { kind: 'add-card', step: 1, text: 'G2-SECRET-CARD' });
		r.ok('cat', { kind: 'set-link', from: 3, strength: 'weak' });

		const items = r.evidence('ann');
		expect(items.map((i) => [i.kind, i.heading])).toEqual([
			['own', 'Practices you added to the pyramid'],
			['group', "Group 1's pyramid"]
		]);
		expect(linesOf([items[0]!])).toEqual([
			'Step 1: Direction and strategy: University strategy [Works well]'
		]);
		const pyramid = linesOf([items[1]!]);
		expect(pyramid).toContain(
			'Step 1: Direction and strategy: University strategy [Works well] (yours)'
		);
		expect(pyramid).toContain('Step 4: Individual objectives and development: Annual appraisal');
		expect(pyramid).toContain('Step 2: Organisation-wide plan: No practices: a gap');
		expect(pyramid).toContain('Link, Step 1 to Step 2: Strong');
		expect(pyramid).toContain('Link, Step 4 to Step 5: Not marked');

		expect(r.text('ann')).not.toContain('G2-SECRET-CARD');
		expect(r.text('ann')).not.toContain('Weak');
		// Eve shared the group's device and sent nothing herself: she still has her group's pyramid.
		expect(r.evidence('eve').map((i) => i.kind)).toEqual(['group']);
		expect(r.evidence('idle')).toEqual([]);
	});

	it('keeps the pyramid of a group the learner wrote for before being moved', () => {
		const r = room(pmPyramid, {}, tables);
		r.ok('ann', { kind: 'add-card', step: 0, text: 'University strategy' });
		const moved = [g('g1', 'Group 1', ['bob', 'eve']), g('g2', 'Group 2', ['cat', 'dan', 'ann'])];
		expect(r.evidence('ann', 'closed', 'g2', moved).map((i) => i.heading)).toEqual([
			'Practices you added to the pyramid',
			"Group 1's pyramid"
		]);
	});

	it("working alone, gives the learner's own pyramid and nobody else's", () => {
		const r = room(pmPyramid);
		r.ok('ann', { kind: 'add-card', step: 2, text: 'Team plan' });
		r.ok('bob', { kind: 'add-card', step: 2, text: 'BOB-SOLO-CARD' });
		const items = r.evidence('ann');
		expect(items.map((i) => [i.kind, i.heading])).toEqual([['own', 'Your pyramid']]);
		expect(r.text('ann')).not.toContain('BOB-SOLO-CARD');
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('coaching', () => {
	it('gives each role played with its own notes, the feedback meant for the coach, and the group’s rounds', () => {
		const r = room(coaching, {}, TABLES);
		r.act({ kind: 'start-round', minutes: 5 });
		const roles = (groupId: string) => r.state.rounds.at(-1)!.triads[groupId]!.roles;
		const who = (groupId: string, role: string) =>
			Object.entries(roles(groupId)).find(([, x]) => x === role)![0];
		const [coach, coachee, observer] = ['coach', 'coachee', 'observer'].map((x) =>
			who('g1', x)
		) as [string, string, string];
		r.ok(coach, { kind: 'cover', steps: ['goal', 'reality'] });
		r.ok(observer, { kind: 'observe', checks: ['clear-goal'], note: 'G1-OBSERVER-NOTE' });
		r.ok(coachee, { kind: 'takeaway', text: 'COACHEE-PRIVATE-TAKEAWAY' });
		r.ok(who('g2', 'observer'), { kind: 'observe', checks: [], note: 'G2-OBSERVER-NOTE' });
		r.ok(who('g2', 'coachee'), { kind: 'takeaway', text: 'G2-TAKEAWAY' });

		const coachLines = linesOf(r.evidence(coach));
		expect(coachLines).toContain('Round 1: You were the coach');
		expect(coachLines).toContain('Round 1, GROW steps you covered: Goal, Reality');
		expect(coachLines).toContain("Round 1, observer's note to you: G1-OBSERVER-NOTE");
		expect(coachLines).toContain(
			'Round 1, observer saw: Agreed a clear goal for the conversation early on'
		);

		const observerLines = linesOf(r.evidence(observer));
		expect(observerLines).toContain('Round 1: You were the observer');
		expect(observerLines).toContain('Round 1, your note to the coach: G1-OBSERVER-NOTE');

		const coacheeItems = r.evidence(coachee);
		expect(coacheeItems.map((i) => [i.kind, i.heading])).toEqual([
			['own', 'Your coaching practice (GROW)'],
			['group', "Table 1's coaching rounds"]
		]);
		expect(linesOf(coacheeItems)).toContain('Round 1, your take-away: COACHEE-PRIVATE-TAKEAWAY');
		expect(linesOf(coacheeItems)).toContain('Round 1, GROW steps covered: Goal, Reality');

		// The take-away is the coachee's alone; the observer's note is for the coach alone; g2 is not theirs.
		for (const id of [coach, observer])
			expect(r.text(id)).not.toContain('COACHEE-PRIVATE-TAKEAWAY');
		expect(r.text(coachee)).not.toContain('G1-OBSERVER-NOTE');
		for (const id of ['ann', 'bob', 'cat']) {
			expect(r.text(id)).not.toContain('G2-OBSERVER-NOTE');
			expect(r.text(id)).not.toContain('G2-TAKEAWAY');
			expect(r.text(id)).not.toContain('Table 2');
		}
		expect(r.evidence('idle')).toEqual([]);
	});

	it('lists every round the learner played, in order', () => {
		const r = room(coaching, {}, TABLES);
		for (let i = 0; i < 3; i++) r.act({ kind: 'start-round', minutes: 5 });
		const own = linesOf([r.evidence('ann')[0]!]).filter((l) => / You were the /.test(l));
		expect(own.map((l) => l.slice(0, 8))).toEqual(['Round 1:', 'Round 2:', 'Round 3:']);
		expect(new Set(own.map((l) => l.split(' the ')[1])).size).toBe(3);
	});
});

describe('conversation-cards', () => {
	it("gives the group's plan with its card, the learner's part, role and own observations, and nothing of others", () => {
		const r = room(conversationCards, {}, TABLES);
		r.act({ kind: 'deal' });
		const g1Card = r.state.hands['g1']!.current!;
		const g2Card = r.state.hands['g2']!.current!;
		const title = (id: string) => r.config.cards.find((c) => c.id === id)!.title;
		r.ok('ann', {
			kind: 'edit-plan',
			cardId: g1Card,
			field: 'open',
			text: 'I would like to talk about the last few weeks'
		});
		r.ok('bob', {
			kind: 'edit-plan',
			cardId: g1Card,
			field: 'actions',
			text: 'Agree a new start time and review in a month'
		});
		r.ok('ann', { kind: 'choose-cause', cardId: g1Card, cause: 'resources' });
		r.ok('dan', { kind: 'edit-plan', cardId: g2Card, field: 'open', text: 'G2-SECRET-PLAN' });
		r.act({ kind: 'start-round', minutes: 5 });
		const cast = (groupId: string) => r.state.rounds.at(-1)!.groups[groupId]!.roles;
		const observerOf = (groupId: string) =>
			Object.entries(cast(groupId)).find(([, x]) => x === 'observer')![0];
		r.ok(observerOf('g1'), { kind: 'observe', checks: ['purpose'], note: 'G1-OBSERVER-NOTE' });
		r.ok(observerOf('g2'), { kind: 'observe', checks: [], note: 'G2-OBSERVER-NOTE' });

		const items = r.evidence('ann');
		expect(items.map((i) => [i.kind, i.heading])).toEqual([
			['own', 'Your part in the difficult-conversation practice'],
			['group', `Table 1's conversation plan: ${title(g1Card)}`]
		]);
		const own = linesOf([items[0]!]);
		expect(own).toContain(
			`${title(g1Card)}, Open (you wrote): I would like to talk about the last few weeks`
		);
		expect(own).toContain(`${title(g1Card)}, likely cause (you chose): Resources`);
		expect(
			own.some((l) =>
				l.startsWith(`Role-play round 1 (${title(g1Card)}): You played the ${cast('g1')['ann']}`)
			)
		).toBe(true);
		const plan = linesOf([items[1]!]);
		expect(plan).toContain('Agree actions: Agree a new start time and review in a month');
		expect(plan).toContain('Follow up: Not written');
		expect(plan).toContain('Cause the group chose: Resources');
		expect(plan.some((l) => l.startsWith("The card's likely cause"))).toBe(false);
		expect(
			linesOf(r.evidence('ann', 'revealed')).some((l) => l.startsWith("The card's likely cause"))
		).toBe(true);

		const g1Observer = observerOf('g1');
		expect(linesOf(r.evidence(g1Observer))).toContain('Round 1, your note: G1-OBSERVER-NOTE');
		for (const id of ['ann', 'bob', 'cat']) {
			const text = r.text(id, 'revealed');
			expect(text).not.toContain('G2-SECRET-PLAN');
			expect(text).not.toContain('G2-OBSERVER-NOTE');
			expect(text).not.toContain(title(g2Card));
			// An observation is the observer's own: the manager it was about does not get it here.
			if (id !== g1Observer) expect(text).not.toContain('G1-OBSERVER-NOTE');
		}
		expect(r.evidence('idle')).toEqual([]);
	});
});

describe('the evidence pack’s criteria: all eleven, and what today did not cover', () => {
	const c = (...ids: string[]) => ids.map((id) => CRITERIA.find((x) => x.id === id)!);

	it('lists every criterion under its learning outcome and names the gaps', () => {
		const got = criteriaCoverage([
			{ title: 'Pyramid', criteria: c('1.1', '1.2', '2.4') },
			{ title: 'AMO', criteria: c('4.2', '1.2', '4.3') }
		]);
		expect(got.outcomes.map((o) => o.id)).toEqual(['1', '2', '3', '4']);
		expect(got.outcomes.flatMap((o) => o.criteria.map((r) => r.criterion.id))).toEqual(
			CRITERION_IDS
		);
		const row = (id: string) =>
			got.outcomes.flatMap((o) => o.criteria).find((r) => r.criterion.id === id)!;
		expect(row('1.2').activities).toEqual(['Pyramid', 'AMO']);
		expect(row('2.3').activities).toEqual([]);
		expect(got.notCovered.map((x) => x.id)).toEqual(['2.1', '2.2', '2.3', '3.1', '3.2', '4.1']);
		expect(got.coverage.map((r) => r.criterion.id)).toEqual(['1.1', '1.2', '2.4', '4.2', '4.3']);
	});

	it('marks everything not covered when a learner took part in nothing', () => {
		const got = criteriaCoverage([]);
		expect(got.notCovered).toHaveLength(11);
		expect(got.coverage).toEqual([]);
	});

	it('claims only what the shipped activities ask for: no 4.3 for the reward ideas, 2.3 only where a standard is asked', () => {
		const claims = (file: string) => {
			const doc = parseYaml(readFileSync(join(appRoot(), 'activities', file), 'utf8')) as {
				criteria: string[];
				config: { columns?: string[] };
			};
			return doc;
		};
		expect(claims('reward-brainstorm.yaml').criteria).not.toContain('4.3');
		expect(brainstorm.criteria).not.toContain('4.3');
		expect(claims('goal-setting.yaml').criteria).not.toContain('2.3');
		expect(goalSetting.criteria).not.toContain('2.3');
		const fair = claims('fair-assessment.yaml');
		expect(fair.criteria).toContain('2.3');
		expect(fair.config.columns?.[0]).toMatch(/standards/i);
	});
});
