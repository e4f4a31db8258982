import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaEditor } from '$lib/client/agenda-editor.svelte';
import {
	COPY_PREFIX,
	copyTitle,
	deleteCopy,
	duplicateAgenda,
	findAgendaForTrainer,
	getCopy,
	listCopies,
	rowToPlan,
	saveCopy
} from '$lib/server/agendas/library';
import { createTrainer } from '$lib/server/auth/trainers';
import { findFileAgenda } from '$lib/server/content';
import { openSqliteStore } from '$lib/server/store/sqlite';
import type { Store } from '$lib/server/store';
import type { AgendaPlan } from '$lib/shared/agenda';
import { tempDbPath } from '../helpers/server';

let db: Store;
let alice: string;
let bob: string;
const tmp = tempDbPath();

beforeAll(async () => {
	db = openSqliteStore(tmp.path);
	alice = (
		await createTrainer(db, {
			name: 'Alice',
			email: 'alice@example.org',
			password: 'long enough password'
		})
	).id;
	bob = (
		await createTrainer(db, {
			name: 'Bob',
			email: 'bob@example.org',
			password: 'long enough password'
		})
	).id;
});
afterAll(async () => {
	await db.close();
	tmp.cleanup();
});

const plan: AgendaPlan = {
	title: 'Tuesday cohort',
	summary: 'Shortened for a late start.',
	start: '10:00',
	blocks: [
		{
			title: 'Welcome',
			minutes: 15,
			kind: 'talk',
			notes: 'Fire exits.',
			resources: { slides: '1–2', links: [{ title: 'Video', url: 'https://example.org/v' }] }
		},
		{ title: 'Break', minutes: 10, kind: 'break' }
	]
};

describe('duplicating an agenda', () => {
	it('copies a file agenda whole, with a "(copy)" title and a copy id', async () => {
		const file = findFileAgenda('session-a')!;
		const copy = (await duplicateAgenda(db, 'session-a', alice, 1_000))!;
		expect(copy.id.startsWith(COPY_PREFIX)).toBe(true);
		expect(copy.title).toBe(`${file.title} (copy)`);
		expect(copy).toMatchObject({
			trainerId: alice,
			copiedFrom: 'session-a',
			start: file.start,
			createdAt: 1_000,
			updatedAt: 1_000
		});
		expect(copy.blocks).toEqual(file.blocks);
		// Stored, and a separate object: editing the copy can never touch the shared file agenda.
		expect((await getCopy(db, copy.id, alice))?.blocks).toEqual(file.blocks);
		expect(copy.blocks).not.toBe(file.blocks);
		expect((await listCopies(db, alice)).map((c) => c.id)).toContain(copy.id);
	});

	it('copies the trainer’s own copy, but nothing they cannot see', async () => {
		const first = (await duplicateAgenda(db, 'session-b', alice))!;
		const second = (await duplicateAgenda(db, first.id, alice))!;
		expect(second.title).toBe(`${first.title} (copy)`);
		expect(second.copiedFrom).toBe(first.id);
		expect(await duplicateAgenda(db, 'no-such-file', alice)).toBeUndefined();
		expect(await duplicateAgenda(db, first.id, bob)).toBeUndefined();
		expect(await listCopies(db, bob)).toEqual([]);
	});

	it('keeps a long title within the 120-character limit', async () => {
		const title = copyTitle('x'.repeat(120));
		expect(title).toHaveLength(120);
		expect(title.endsWith(' (copy)')).toBe(true);
	});
});

describe('saving a copy', () => {
	it('stores a valid agenda, tidied as a file would be, and moves updatedAt', async () => {
		const copy = (await duplicateAgenda(db, 'session-a', alice, 1_000))!;
		const input = {
			...plan,
			start: '9.45',
			blocks: [{ ...plan.blocks[0], title: '  Welcome  ', task: '   ' }, plan.blocks[1]]
		};
		const result = await saveCopy(db, copy.id, alice, input, 2_000);
		expect(result.ok).toBe(true);
		const row = (await getCopy(db, copy.id, alice))!;
		expect(row.updatedAt).toBe(2_000);
		expect(row.createdAt).toBe(1_000);
		expect(rowToPlan(row)).toEqual({ ...plan, start: '09:45' });
		// Resources the editor does not show survive the round trip.
		expect(row.blocks[0]!.resources).toEqual(plan.blocks[0]!.resources);
		expect((await findAgendaForTrainer(db, copy.id, alice))?.plan.title).toBe('Tuesday cohort');
	});

	it('refuses an invalid agenda with a message per place, and changes nothing', async () => {
		const copy = (await duplicateAgenda(db, 'session-a', alice, 1_000))!;
		const input = {
			title: ' ',
			start: '25:00',
			blocks: [
				{ title: 'Fine', minutes: 10, kind: 'talk' },
				{ title: '', minutes: 0, kind: 'lecture', activity: 'Not An Id' }
			]
		};
		const result = await saveCopy(db, copy.id, alice, input, 2_000);
		expect(result).toEqual({
			ok: false,
			reason: 'invalid',
			errors: {
				title: 'the agenda needs a title',
				start: 'expected a clock time like "09:30"',
				'blocks.1.title': 'a block needs a title',
				'blocks.1.minutes': 'a block lasts at least 1 minute',
				'blocks.1.kind': 'expected one of: talk, activity, discussion, break, video',
				'blocks.1.activity':
					'expected an activity id like "pm-pyramid" (lower case, digits and dashes)'
			}
		});
		expect(await getCopy(db, copy.id, alice)).toEqual(copy);
	});

	it('refuses no blocks, unknown fields and things that are not agendas at all', async () => {
		const copy = (await duplicateAgenda(db, 'session-a', alice))!;
		const noBlocks = await saveCopy(db, copy.id, alice, { ...plan, blocks: [] });
		expect(noBlocks).toMatchObject({
			ok: false,
			errors: { blocks: 'an agenda needs at least one block' }
		});
		const extra = await saveCopy(db, copy.id, alice, {
			...plan,
			blocks: [{ ...plan.blocks[1], colour: 'red' }]
		});
		expect(extra).toMatchObject({ ok: false, reason: 'invalid' });
		expect(Object.keys((extra as { errors: object }).errors)).toEqual(['blocks.0']);
		for (const junk of [null, 'agenda', 42, []]) {
			expect(await saveCopy(db, copy.id, alice, junk)).toMatchObject({
				ok: false,
				reason: 'invalid',
				errors: { form: expect.any(String) }
			});
		}
	});

	it('cannot save over a file agenda or a missing copy', async () => {
		expect(await saveCopy(db, 'session-a', alice, plan)).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(await saveCopy(db, `${COPY_PREFIX}missing`, alice, plan)).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});
});

describe('deleting a copy', () => {
	it('removes it once', async () => {
		const copy = (await duplicateAgenda(db, 'session-a', alice))!;
		expect(await deleteCopy(db, copy.id, alice)).toBe(true);
		expect(await getCopy(db, copy.id, alice)).toBeUndefined();
		expect(await findAgendaForTrainer(db, copy.id, alice)).toBeUndefined();
		expect(await deleteCopy(db, copy.id, alice)).toBe(false);
		expect(await deleteCopy(db, 'session-a', alice)).toBe(false);
	});
});

describe('another trainer', () => {
	it('can neither read, save, copy nor delete someone else’s copy', async () => {
		const copy = (await duplicateAgenda(db, 'session-a', alice, 1_000))!;
		expect(await getCopy(db, copy.id, bob)).toBeUndefined();
		expect(await findAgendaForTrainer(db, copy.id, bob)).toBeUndefined();
		expect((await listCopies(db, bob)).map((c) => c.id)).not.toContain(copy.id);
		expect(await saveCopy(db, copy.id, bob, plan, 2_000)).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(await deleteCopy(db, copy.id, bob)).toBe(false);
		expect(await duplicateAgenda(db, copy.id, bob)).toBeUndefined();
		// Alice's copy is exactly as it was.
		expect(await getCopy(db, copy.id, alice)).toEqual(copy);
	});
});

describe('the editor state', () => {
	it('shows live timings and edits the list', async () => {
		const editor = new AgendaEditor(plan);
		expect(editor.totalLabel).toBe('Total 25 min · 10:00–10:25');
		expect(editor.dirty).toBe(false);
		editor.blocks[0]!.minutes = 50;
		expect(editor.startTimes).toEqual(['10:00', '10:50']);
		expect(editor.totalLabel).toBe('Total 1 h · 10:00–11:00');
		expect(editor.dirty).toBe(true);
		// An emptied minutes field counts as nothing rather than breaking the sums.
		editor.blocks[0]!.minutes = null;
		expect(editor.totalMinutes).toBe(10);
		editor.start = '';
		expect(editor.totalLabel).toBe('Total 10 min');
	});

	it('adds, moves, deletes and undoes, and posts the file format with resources kept', async () => {
		const editor = new AgendaEditor(plan);
		const added = editor.addBlock();
		added.title = 'Quiz';
		expect(editor.move(2, -1)).toBe(true);
		expect(editor.move(0, -1)).toBe(false);
		expect(editor.blocks.map((b) => b.title)).toEqual(['Welcome', 'Quiz', 'Break']);
		editor.remove(0);
		expect(editor.lastRemoved?.title).toBe('Welcome');
		expect(editor.undoRemove()).toBe(0);
		editor.remove(2);
		const posted = JSON.parse(editor.json);
		expect(posted.blocks).toEqual([plan.blocks[0], { title: 'Quiz', minutes: 10, kind: 'talk' }]);
	});

	it('stores "fixed" only when it departs from the kind’s default', async () => {
		const editor = new AgendaEditor(plan);
		const [talk, pause] = editor.blocks;
		editor.setFixed(talk!, true);
		editor.setFixed(pause!, true);
		expect(talk!.fixed).toBe(true);
		expect(pause!.fixed).toBeUndefined();
		editor.setFixed(pause!, false);
		expect(pause!.fixed).toBe(false);
	});

	it('puts server errors on the blocks they were about, even after a move', async () => {
		const editor = new AgendaEditor(plan);
		const keys = editor.blocks.map((b) => b.key);
		editor.setErrors(
			{
				title: 'the agenda needs a title',
				'blocks.1.minutes': 'a block lasts at least 1 minute',
				'blocks.0.resources.links.0.url': 'bad'
			},
			keys
		);
		editor.move(1, -1);
		expect(editor.blockErrors(keys[1]!)).toEqual({ minutes: 'A block lasts at least 1 minute' });
		expect(editor.agendaError('title')).toBe('The agenda needs a title');
		expect(editor.issues.map((i) => [i.label, i.href])).toEqual([
			['Agenda title', '#agenda-title'],
			['Block 1 “Break”, minutes', `#block-${keys[1]}-minutes`],
			['Block 2 “Welcome”, resources', `#block-${keys[0]}`]
		]);
		editor.markSaved(plan, editor.json);
		expect(editor.issues).toEqual([]);
	});
});
