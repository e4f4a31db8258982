import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextActivityTitle } from '$lib/client/block-next';
import { kitFromText, kitToText } from '$lib/client/agenda-editor.svelte';
import { agendaSchema, loadAgendas, missingActivities } from '$lib/server/content/agendas';
import { appRoot } from '$lib/server/paths';
import { blockActivities, nextInBlock, type AgendaPlan } from '$lib/shared/agenda';
import type { ActivityHeader, CatalogEntry } from '$lib/shared/events';
import type { RunState } from '$lib/shared/run';

function folderWith(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'wc-blocks-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

const agenda = (block: string, top = '') => `title: Blocks
start: "09:30"
${top}blocks:
  - title: Bath model and AMO
    minutes: 20
    kind: activity
${block}
`;

const header = (activityId: string, status: ActivityHeader['status']): ActivityHeader => ({
	runId: `run-${activityId}`,
	activityId,
	type: 'x',
	title: activityId,
	prompt: null,
	status,
	grouping: 'individual'
});

describe('a block’s activities', () => {
	it('reads either form: activity: (older copies) or activities:', () => {
		expect(blockActivities({ activity: 'amo-assessment' })).toEqual(['amo-assessment']);
		expect(blockActivities({ activities: ['bath-chain', 'amo-assessment'] })).toEqual([
			'bath-chain',
			'amo-assessment'
		]);
		expect(blockActivities({})).toEqual([]);
		expect(blockActivities(undefined)).toEqual([]);
	});

	it('offers the first, then each next one as the one before closes, then nothing', () => {
		const ids = ['bath-chain', 'amo-assessment', 'skill-will'];
		expect(nextInBlock(ids, null)).toBe('bath-chain');
		expect(nextInBlock(ids, header('bath-chain', 'closed'))).toBe('amo-assessment');
		expect(nextInBlock(ids, header('amo-assessment', 'revealed'))).toBe('skill-will');
		expect(nextInBlock(ids, header('skill-will', 'closed'))).toBeNull();
		// An activity launched ad hoc (or left from another block) does not move the block on.
		expect(nextInBlock(ids, header('exit-reflection', 'closed'))).toBe('bath-chain');
		expect(nextInBlock([], null)).toBeNull();
	});

	it('names the next activity on the projector, but not while one is collecting answers', () => {
		const plan: AgendaPlan = {
			title: 'A',
			start: '09:30',
			blocks: [
				{ title: 'Intro', minutes: 10, kind: 'talk' },
				{ title: 'Bath', minutes: 20, kind: 'activity', activities: ['bath-chain', 'skill-will'] }
			]
		};
		const run = { current: 1 } as RunState;
		const catalog = [
			{ id: 'bath-chain', title: 'The Bath chain' },
			{ id: 'skill-will', title: 'Skill/will' }
		] as CatalogEntry[];
		expect(nextActivityTitle(plan, run, null, catalog)).toBe('The Bath chain');
		expect(nextActivityTitle(plan, run, header('bath-chain', 'open'), catalog)).toBeNull();
		expect(nextActivityTitle(plan, run, header('bath-chain', 'closed'), catalog)).toBe(
			'Skill/will'
		);
		expect(nextActivityTitle(plan, run, header('skill-will', 'revealed'), catalog)).toBeNull();
		expect(nextActivityTitle(plan, { current: 0 } as RunState, null, catalog)).toBeNull();
	});
});

describe('agenda files with activities: and kit:', () => {
	it('the shipped sessions fill the plan’s blocks', () => {
		const { agendas, problems } = loadAgendas(join(appRoot(), 'sessions'));
		expect(problems).toEqual([]);
		const a = agendas.find((x) => x.id === 'session-a')!;
		const b = agendas.find((x) => x.id === 'session-b')!;
		const lists = (x: typeof a) => x.blocks.map((bl) => blockActivities(bl));
		expect(lists(a)).toContainEqual(['bath-chain', 'amo-assessment', 'skill-will']);
		expect(lists(a)).toContainEqual(['learning-preferences', 'coaching-grow']);
		expect(lists(b)).toContainEqual([
			'growth-mindset-poll',
			'feedback-mindset',
			'feedback-rewrite'
		]);
		expect(lists(b)).toContainEqual([
			'difficult-conversations',
			'plan-improvement-conversation',
			'plan-challenging-conversation'
		]);
		expect(a.kit?.map((k) => k.title).join(' | ')).toMatch(/Presentation.*Workbook.*AMO/);
		expect(b.kit?.find((k) => k.url)?.url).toBe('https://www.youtube.com/watch?v=pN34FNbOKXc');
	});

	it('a bad entry in activities: is reported with its own line', () => {
		const dir = folderWith({
			'bad.yaml': agenda('    activities:\n      - bath-chain\n      - Skill Will\n')
		});
		const { agendas, problems } = loadAgendas(dir);
		expect(agendas).toEqual([]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'bad.yaml', line: 9, severity: 'error' });
		expect(problems[0]!.message).toContain('blocks[1].activities[2]');
		expect(problems[0]!.message).toContain('expected an activity id like');
	});

	it('refuses activity: and activities: together, and an empty list', () => {
		const both = loadAgendas(
			folderWith({ 'both.yaml': agenda('    activity: amo\n    activities: [bath-chain]') })
		);
		expect(both.problems[0]!.message).toContain('use either activity: or activities:, not both');
		const empty = loadAgendas(folderWith({ 'empty.yaml': agenda('    activities: []') }));
		expect(empty.problems[0]).toMatchObject({ line: 7 });
		expect(empty.problems[0]!.message).toContain('list at least one activity');
		const notList = loadAgendas(folderWith({ 'text.yaml': agenda('    activities: bath-chain') }));
		expect(notList.problems[0]!.message).toContain('expected a list of activity ids');
	});

	it('warns about each missing activity on its own line', () => {
		const { agendas } = loadAgendas(
			folderWith({
				'ok.yaml': agenda(
					'    activities:\n      - bath-chain\n      - not-yet\n      - skill-will\n'
				)
			})
		);
		const warnings = missingActivities(agendas, new Set(['bath-chain', 'skill-will']));
		expect(warnings).toEqual([
			{
				file: 'ok.yaml',
				line: 9,
				message: 'activity not-yet is not defined yet',
				severity: 'warning'
			}
		]);
	});

	it('reads a kit list of plain lines and titled links; a bad link names its line', () => {
		const ok = loadAgendas(
			folderWith({
				'kit.yaml': agenda(
					'',
					'kit:\n  - Workbook\n  - title: A talk\n    url: "https://example.org/talk"\n'
				)
			})
		);
		expect(ok.agendas[0]!.kit).toEqual([
			{ title: 'Workbook' },
			{ title: 'A talk', url: 'https://example.org/talk' }
		]);
		const bad = loadAgendas(
			folderWith({
				'kit.yaml': agenda('', 'kit:\n  - Workbook\n  - title: A talk\n    url: "ftp://x"\n')
			})
		);
		expect(bad.problems[0]).toMatchObject({ file: 'kit.yaml', severity: 'error' });
		expect(bad.problems[0]!.line).toBeGreaterThanOrEqual(5);
		expect(bad.problems[0]!.message).toContain('kit[2]');
	});

	it('a parsed kit list parses again unchanged (saved copies store the objects)', () => {
		const plan = {
			title: 'T',
			start: '09:30',
			blocks: [{ title: 'a', minutes: 5, kind: 'talk' }],
			kit: ['Workbook', { title: 'Talk', url: 'https://example.org/t' }]
		};
		const once = agendaSchema.parse(plan);
		expect(once.kit).toEqual([
			{ title: 'Workbook' },
			{ title: 'Talk', url: 'https://example.org/t' }
		]);
		expect(agendaSchema.parse(once)).toEqual(once);
	});

	it('the editor’s kit text round-trips: one line each, a link after the title', () => {
		const kit = [{ title: 'Workbook' }, { title: 'The talk', url: 'https://example.org/t' }];
		expect(kitToText(kit)).toBe('Workbook\nThe talk https://example.org/t');
		expect(kitFromText(' Workbook \n\nThe talk https://example.org/t\n')).toEqual(kit);
	});
});
