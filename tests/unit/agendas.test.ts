import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityIds, loadAgendas, missingActivities } from '$lib/server/content/agendas';
import { appRoot } from '$lib/server/paths';

function folderWith(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'wc-agendas-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

const good = `title: Good
start: "09:30"
blocks:
  - title: Intro
    minutes: 20
    kind: talk
`;

describe('agenda files', () => {
	it('ship Session A and B, both valid', () => {
		const { agendas, problems } = loadAgendas(join(appRoot(), 'sessions'));
		expect(problems).toEqual([]);
		const a = agendas.find((x) => x.id === 'session-a')!;
		const b = agendas.find((x) => x.id === 'session-b')!;
		// Seed 003's plan: both sessions run 09:30 to 12:30.
		expect(a.start).toBe('09:30');
		expect(a.blocks.reduce((s, x) => s + x.minutes, 0)).toBe(180);
		expect(b.blocks.reduce((s, x) => s + x.minutes, 0)).toBe(180);
	});

	it('report a wrong field with its file and line, and skip only that file', () => {
		const dir = folderWith({
			'good.yaml': good,
			'broken.yaml': good.replace('minutes: 20', 'minutes: twenty')
		});
		const { agendas, problems } = loadAgendas(dir);
		expect(agendas.map((a) => a.id)).toEqual(['good']);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'broken.yaml', line: 5, severity: 'error' });
		expect(problems[0]!.message).toContain('blocks[1].minutes');
		expect(problems[0]!.message).toContain('expected the planned minutes as a number');
	});

	it('report YAML syntax errors with their line', () => {
		const dir = folderWith({ 'syntax.yaml': 'title: "unclosed\nstart: 09:30\n' });
		const { agendas, problems } = loadAgendas(dir);
		expect(agendas).toEqual([]);
		expect(problems[0]!.file).toBe('syntax.yaml');
		expect(problems[0]!.message).toMatch(/^YAML syntax/);
	});

	it('report unknown keys (typos) and bad kinds', () => {
		const dir = folderWith({
			'typo.yaml': good.replace('kind: talk', 'kind: lecture\n    minuets: 3')
		});
		const { problems } = loadAgendas(dir);
		const messages = problems.map((p) => `${p.line}: ${p.message}`).join('\n');
		expect(messages).toMatch(/6: blocks\[1\]\.kind: expected one of: talk, activity/);
		expect(messages).toMatch(/minuets/);
	});

	it('accept "9.50"-style times as written in the plan, stored as 09:50', () => {
		const dir = folderWith({ 'dot.yaml': good.replace('"09:30"', '"09.50"') });
		expect(loadAgendas(dir).agendas[0]!.start).toBe('09:50');
	});

	it('report a missing folder instead of crashing', () => {
		const { agendas, problems } = loadAgendas('/nonexistent/sessions');
		expect(agendas).toEqual([]);
		expect(problems[0]!.message).toBe('folder not found');
	});

	it("warn, not fail, for an activity that is not defined yet, on the activity's own line", () => {
		const dir = folderWith({
			'acts.yaml': good.replace('kind: talk', 'kind: talk\n    activity: pm-pyramid')
		});
		const { agendas, problems } = loadAgendas(dir);
		expect(problems).toEqual([]);
		const warnings = missingActivities(agendas, new Set(['something-else']));
		expect(warnings).toEqual([
			{
				file: 'acts.yaml',
				line: 7,
				message: 'activity pm-pyramid is not defined yet',
				severity: 'warning'
			}
		]);
		expect(missingActivities(agendas, new Set(['pm-pyramid']))).toEqual([]);
	});

	it('take activity ids from the activities folder', () => {
		const dir = folderWith({ 'pm-pyramid.yaml': 'type: x', 'notes.txt': '' });
		expect([...activityIds(dir)]).toEqual(['pm-pyramid']);
	});

	it('check resources: a link must be a web address', () => {
		const bad = good.replace(
			'kind: talk',
			'kind: talk\n    resources:\n      links:\n        - title: Talk\n          url: "javascript:alert(1)"'
		);
		const { problems } = loadAgendas(folderWith({ 'links.yaml': bad }));
		expect(problems[0]).toMatchObject({
			line: 10,
			message: 'blocks[1].resources.links[1].url: expected a web address starting with https://'
		});
	});

	it("Session B offers both of Briceño's talks and says which one the plan linked", () => {
		const b = loadAgendas(join(appRoot(), 'sessions')).agendas.find((x) => x.id === 'session-b')!;
		const feedback = b.blocks.find((x) => x.kind === 'video')!;
		expect(feedback.resources?.links?.map((l) => l.url)).toEqual([
			'https://www.youtube.com/watch?v=pN34FNbOKXc',
			'https://www.ted.com/talks/eduardo_briceno_how_to_get_better_at_the_things_you_care_about'
		]);
		expect(feedback.notes).toContain('The Power of Belief');
	});
});
