import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activityRuns } from '$lib/server/db/schema';
import type { PhoneActivity, TrainerActivity } from '$lib/shared/events';
import {
	expectOk,
	next,
	phoneViews,
	trainerViews,
	send,
	sessionCookieFor,
	serverPerTest,
	type Client,
	sqliteOf
} from '../helpers/server';

const t = serverPerTest();

/** A room with its trainer's remote and `n` seated phones. */
async function roomWith(n: number) {
	const trainer = await t.server.trainer();
	const room = await t.server.room(trainer.id);
	const remote = await t.server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phones: { socket: Client; id: string; token: string }[] = [];
	for (let i = 0; i < n; i++) {
		const socket = await t.server.client();
		const joined = expectOk(
			await send(socket, 'room:join', { code: room.code, name: `P${i + 1}` })
		);
		phones.push({ socket, id: joined.seat.participantId, token: joined.seatToken });
	}
	return { trainer, room, remote, phones };
}

const list = (a: PhoneActivity | null) =>
	(a?.view as { mine: { items: { text: string }[]; title: string } | null }).mine;
const cardOf = (a: PhoneActivity | null) => (a?.view as { card: number | null }).card;
const dealtOf = (a: TrainerActivity) => (a.view as { dealt: Record<string, number> }).dealt;

describe('activity engine', () => {
	it('launches into balanced groups; each phone hears its group and its members by name', async () => {
		const { room, remote, phones } = await roomWith(6);
		const heard = phones.map((p) => next(p.socket, 'activity:phone', (a) => a !== null));
		const launched = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		expect(launched.groups.map((g) => g.memberIds.length)).toEqual([3, 3]);
		expect(launched.progress).toMatchObject({ answered: 0, total: 6 });
		const views = await Promise.all(heard);
		for (const [i, v] of views.entries()) {
			expect(v!.title).toBe('Test lists');
			expect(v!.me.id).toBe(phones[i]!.id);
			expect(v!.group!.members.map((m) => m.id)).toContain(phones[i]!.id);
			expect(v!.group!.members).toHaveLength(3);
		}
	});

	it('concurrent adds from three phones of one group all survive, and all three see them', async () => {
		const { room, remote, phones } = await roomWith(3);
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' }));
		const trainer = trainerViews(remote, room.id);
		const watched = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
		trainer.set(watched);
		const runId = watched.runId;
		const views = phones.map((p) => phoneViews(p.socket));
		// The projector hears the inputs as patches on the view it holds.
		const trainerSaw = trainer.until(
			(a) => (a?.view as { lists: { items: number }[] }).lists[0]?.items === 30
		);
		await Promise.all(
			views.flatMap((v, i) =>
				Array.from({ length: 10 }, (_, k) =>
					v.submit({ runId, inputId: `p${i}-${k}`, input: { kind: 'add', text: `idea ${i}.${k}` } })
				)
			)
		);
		for (const view of await Promise.all(
			views.map((v) => v.until((a) => list(a)?.items.length === 30))
		)) {
			expect(new Set(list(view)!.items.map((x) => x.text)).size).toBe(30);
		}
		expect((await trainerSaw)!.progress).toMatchObject({ answered: 3, total: 3 });
	});

	it('last write wins on the same field, and every member sees the winner', async () => {
		const { room, remote, phones } = await roomWith(3);
		const first = phoneViews(phones[0]!.socket);
		const { runId } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		expectOk(await first.submit({ runId, inputId: 'a', input: { kind: 'title', text: 'First' } }));
		// Another member's edit reaches this phone as a patch on the view it holds.
		const seen = first.until((a) => list(a)?.title === 'Second');
		expectOk(
			await send(phones[1]!.socket, 'activity:submit', {
				runId,
				inputId: 'b',
				input: { kind: 'title', text: 'Second' }
			})
		);
		expect(list(await seen)!.title).toBe('Second');
	});

	it('a retry with the same input id is acknowledged once and never applied twice', async () => {
		const { room, remote, phones } = await roomWith(1);
		const { runId } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		const payload = { runId, inputId: 'same-id', input: { kind: 'add', text: 'once' } };
		// The first ack carries the phone's fresh view; the retry's only says it was a duplicate.
		const first = expectOk(await send(phones[0]!.socket, 'activity:submit', payload));
		expect(first).toMatchObject({ duplicate: false });
		expect(list(first.activity ?? null)?.items.map((x) => x.text)).toEqual(['once']);
		expect(expectOk(await send(phones[0]!.socket, 'activity:submit', payload))).toEqual({
			duplicate: true
		});
		const view = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
		expect((view.view as { lists: { items: number }[] }).lists[0]!.items).toBe(1);
	});

	it('a closed activity refuses new inputs with a clear message, but still acknowledges a retry of an accepted one', async () => {
		const { room, remote, phones } = await roomWith(1);
		const { runId } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		const first = { runId, inputId: 'x1', input: { kind: 'add', text: 'in time' } };
		expectOk(await send(phones[0]!.socket, 'activity:submit', first));
		const closed = next(phones[0]!.socket, 'activity:phone', (a) => a?.status === 'closed');
		expectOk(await send(remote, 'activity:status', { roomId: room.id, runId, status: 'closed' }));
		await closed;
		expect(
			await send(phones[0]!.socket, 'activity:submit', {
				runId,
				inputId: 'x2',
				input: { kind: 'add', text: 'late' }
			})
		).toEqual({
			ok: false,
			code: 'closed',
			error: 'This activity is closed: the trainer is not collecting answers now.'
		});
		expect(expectOk(await send(phones[0]!.socket, 'activity:submit', first))).toEqual({
			duplicate: true
		});
		expect(
			expectOk(await send(remote, 'activity:status', { roomId: room.id, runId, status: 'open' }))
				.status
		).toBe('open');
		expect(
			(
				await send(phones[0]!.socket, 'activity:submit', {
					runId,
					inputId: 'x3',
					input: { kind: 'add', text: 'reopened' }
				})
			).ok
		).toBe(true);
	});

	it('the type’s rules answer with their own words, and nothing is stored', async () => {
		const { room, remote, phones } = await roomWith(1);
		const { runId } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'tiny' })
		);
		expect(
			await send(phones[0]!.socket, 'activity:submit', {
				runId,
				inputId: 'e',
				input: { kind: 'add', text: '  ' }
			})
		).toMatchObject({ ok: false, error: 'Type something first.' });
		expectOk(
			await send(phones[0]!.socket, 'activity:submit', {
				runId,
				inputId: 'f',
				input: { kind: 'add', text: 'one' }
			})
		);
		expect(
			await send(phones[0]!.socket, 'activity:submit', {
				runId,
				inputId: 'g',
				input: { kind: 'add', text: 'two' }
			})
		).toMatchObject({ ok: false, error: 'This list is full.' });
		const rows = sqliteOf(t.server.db).prepare('SELECT client_input_id FROM inputs').all() as {
			client_input_id: string;
		}[];
		expect(rows.map((r) => r.client_input_id)).toEqual(['f']);
	});

	it('a restart rebuilds the activity identically from the database', async () => {
		const { room, remote, phones } = await roomWith(4);
		const { runId } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		for (const [i, p] of phones.entries()) {
			expectOk(
				await send(p.socket, 'activity:submit', {
					runId,
					inputId: `i${i}`,
					input: { kind: 'add', text: `from ${i}` }
				})
			);
			expectOk(
				await send(p.socket, 'activity:submit', {
					runId,
					inputId: `t${i}`,
					input: { kind: 'title', text: `title ${i}` }
				})
			);
		}
		// A move after the inputs must not change where they were counted on replay.
		const before = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
		const mover = before.groups[0]!.memberIds[0]!;
		const after = expectOk(
			await send(remote, 'activity:move', {
				roomId: room.id,
				runId,
				participantId: mover,
				groupId: before.groups[1]!.id
			})
		);
		await t.restart();
		const again = await t.server.client({ cookie: await sessionCookieFor(t.server, room.id) });
		const rebuilt = expectOk(await send(again, 'room:watch', { roomId: room.id })).activity!;
		expect(rebuilt.view).toEqual(after.view);
		expect(rebuilt.groups).toEqual(after.groups);
		expect(rebuilt.progress).toEqual(after.progress);
		const phone = await t.server.client();
		const resumed = expectOk(
			await send(phone, 'room:resume', { code: room.code, seatToken: phones[0]!.token })
		);
		expect(resumed.activity?.runId).toBe(runId);
	});

	it('a late joiner lands in the open activity, in the smallest group', async () => {
		const { room, remote, phones } = await roomWith(5);
		const launched = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		expect(launched.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 3]);
		const late = await t.server.client();
		const joined = expectOk(await send(late, 'room:join', { code: room.code, name: 'Late' }));
		expect(joined.activity?.group?.members).toHaveLength(3);
		expect(phones).toHaveLength(5);
	});

	it('a late joiner to an individual activity counts on the open trainer screens at once', async () => {
		const { room, remote } = await roomWith(2);
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' }));
		const trainer = trainerViews(remote, room.id);
		trainer.set(expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity);
		expect(trainer.latest?.progress.total).toBe(2);
		const late = await t.server.client();
		expectOk(await send(late, 'room:join', { code: room.code, name: 'Late' }));
		// No group to place them in, and nobody has answered yet: the join alone must move "0 of 2".
		const seen = await trainer.until((a) => a?.progress.total === 3);
		expect(seen?.progress).toMatchObject({ answered: 0, total: 3 });
	});

	it('a late joiner to full pairs makes a three of a pair: nobody is told about a partner who is not there', async () => {
		const { room, remote, phones } = await roomWith(4);
		const launched = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'pairs' })
		);
		expect(launched.groups.map((g) => g.memberIds.length)).toEqual([2, 2]);
		expect(phones).toHaveLength(4);
		const late = await t.server.client();
		const joined = expectOk(await send(late, 'room:join', { code: room.code, name: 'Late' }));
		const group = joined.activity!.group!;
		expect(group.name).toMatch(/^Pair [12]$/);
		expect(group.members.map((m) => m.name)).toHaveLength(3);
		expect(group.members.map((m) => m.name)).toContain('Late');
		const view = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
		expect(view.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 3]);
		expect(view.groups.some((g) => g.name === 'Pair 3')).toBe(false);
	});

	it('the trainer may set the group size at launch', async () => {
		const { room, remote } = await roomWith(4);
		const launched = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists', groupSize: 2 })
		);
		expect(launched.groups.map((g) => g.memberIds.length)).toEqual([2, 2]);
		expect(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists', groupSize: 1 })
		).toMatchObject({ ok: false, error: 'groupSize: a group has at least 2 people.' });
	});

	it('a room that fills after the launch still gets groups of the size asked for', async () => {
		const { room, remote } = await roomWith(0);
		expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists', groupSize: 3 })
		);
		for (let i = 0; i < 9; i++) {
			const late = await t.server.client();
			expectOk(await send(late, 'room:join', { code: room.code, name: `Late ${i}` }));
		}
		const view = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
		expect(view.groups.map((g) => g.memberIds.length)).toEqual([3, 3, 3]);
	});

	it('a phone sending faster than a person could is slowed down with a message', async () => {
		const { room, remote, phones } = await roomWith(1);
		const { runId } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		const results = await Promise.all(
			Array.from({ length: 45 }, (_, i) =>
				send(phones[0]!.socket, 'activity:submit', {
					runId,
					inputId: `fast-${i}`,
					input: { kind: 'title', text: `t${i}` }
				})
			)
		);
		// 45 at once: the per-second burst limit (20) answers first; tests/integration/limits.test.ts has both windows.
		expect(results.filter((r) => r.ok)).toHaveLength(20);
		expect(results.find((r) => !r.ok)).toMatchObject({
			code: 'rate-limited',
			error: 'You are sending answers very fast: wait a few seconds, then try again.'
		});
	});

	it('the same input id in a new run is a new input, not an error', async () => {
		const { room, remote, phones } = await roomWith(1);
		const first = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		expectOk(
			await send(phones[0]!.socket, 'activity:submit', {
				runId: first.runId,
				inputId: 'reused',
				input: { kind: 'add', text: 'one' }
			})
		);
		const second = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		expect(
			expectOk(
				await send(phones[0]!.socket, 'activity:submit', {
					runId: second.runId,
					inputId: 'reused',
					input: { kind: 'add', text: 'two' }
				})
			)
		).toMatchObject({ duplicate: false });
	});

	it('"same groups as before" keeps people together', async () => {
		const { room, remote } = await roomWith(6);
		// The remote offers the choice once the room has groups to reuse, and not before.
		const watched = () => send(remote, 'room:watch', { roomId: room.id });
		expect(expectOk(await watched()).earlierGroups).toBe(false);
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' }));
		expect(expectOk(await watched()).earlierGroups).toBe(false);
		const first = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		const second = expectOk(
			await send(remote, 'activity:launch', {
				roomId: room.id,
				activityId: 'lists',
				sameGroups: true
			})
		);
		expect(second.groups.map((g) => [...g.memberIds].sort())).toEqual(
			first.groups.map((g) => [...g.memberIds].sort())
		);
		// An individual activity after them leaves the groups to reuse.
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' }));
		expect(expectOk(await watched()).earlierGroups).toBe(true);
	});

	it('"same groups" when no one from those groups is left makes new groups for who is here', async () => {
		const { room, remote, phones } = await roomWith(3);
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' }));
		expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' }));
		for (const p of phones)
			expectOk(
				await send(remote, 'room:remove-participant', { roomId: room.id, participantId: p.id })
			);
		const newcomers: string[] = [];
		for (let i = 0; i < 3; i++) {
			const socket = await t.server.client();
			const joined = expectOk(
				await send(socket, 'room:join', { code: room.code, name: `New ${i + 1}` })
			);
			newcomers.push(joined.seat.participantId);
		}
		const again = expectOk(
			await send(remote, 'activity:launch', {
				roomId: room.id,
				activityId: 'lists',
				sameGroups: true
			})
		);
		// Before: the old groups, emptied of the people who left, were dropped and no one was placed.
		expect(again.groups.flatMap((g) => g.memberIds).sort()).toEqual([...newcomers].sort());
	});

	it('phones see only their own group’s work', async () => {
		const { room, remote, phones } = await roomWith(6);
		const { runId, groups } = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
		);
		const writer = phones.find((p) => groups[0]!.memberIds.includes(p.id))!;
		const outsider = phones.find((p) => groups[1]!.memberIds.includes(p.id))!;
		expectOk(
			await send(writer.socket, 'activity:submit', {
				runId,
				inputId: 'secret',
				input: { kind: 'add', text: 'group one only' }
			})
		);
		const phone = await t.server.client();
		const view = expectOk(
			await send(phone, 'room:resume', { code: room.code, seatToken: outsider.token })
		).activity;
		expect(JSON.stringify(view)).not.toContain('group one only');
	});

	it('only the room’s trainer launches and steers; a participant is refused', async () => {
		const { room, remote, phones } = await roomWith(1);
		const other = await t.server.trainer();
		const intruder = await t.server.client({ cookie: other.cookie });
		const launchBy = (c: Client) =>
			send(c, 'activity:launch', { roomId: room.id, activityId: 'lists' });
		expect(await launchBy(phones[0]!.socket)).toMatchObject({ ok: false, code: 'unauthenticated' });
		expect(await launchBy(intruder)).toMatchObject({ ok: false, code: 'forbidden' });
		const { runId } = expectOk(await launchBy(remote)) as TrainerActivity;
		expect(
			await send(intruder, 'activity:status', { roomId: room.id, runId, status: 'closed' })
		).toMatchObject({ ok: false, code: 'forbidden' });
		expect(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'nope' })
		).toMatchObject({ ok: false, code: 'not-found' });
	});

	it('the trainer edits setup fields before launching; the type checks them; other keys are ignored', async () => {
		const { room, remote } = await roomWith(1);
		const watched = expectOk(await send(remote, 'room:watch', { roomId: room.id }));
		expect(watched.catalog.find((c) => c.id === 'lists')!.setup).toEqual([
			{
				key: 'labels',
				label: 'Labels',
				kind: 'text-list',
				count: 2,
				maxLength: 40,
				value: ['First', 'Second']
			}
		]);
		const edited = expectOk(
			await send(remote, 'activity:launch', {
				roomId: room.id,
				activityId: 'lists',
				setup: { labels: ['Plan', 'Do'], max: ['1'] }
			})
		);
		expect((edited.view as { labels: string[] }).labels).toEqual(['Plan', 'Do']);
		expect(
			await send(remote, 'activity:launch', {
				roomId: room.id,
				activityId: 'lists',
				setup: { labels: ['Plan', ' '] }
			})
		).toMatchObject({
			ok: false,
			error: 'Every label needs some text.'
		});
	});

	describe('trainer actions', () => {
		it("the trainer deals each group a different card; each phone hears its own group's", async () => {
			const { room, remote, phones } = await roomWith(6);
			const { runId, groups } = expectOk(
				await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
			);
			const heard = phones.map((p) => next(p.socket, 'activity:phone', (a) => cardOf(a) !== null));
			expect(
				expectOk(
					await send(remote, 'activity:act', {
						roomId: room.id,
						runId,
						inputId: 'deal-1',
						input: { kind: 'deal' }
					})
				)
			).toEqual({ duplicate: false });
			const cards = await Promise.all(heard);
			const byGroup = new Map<string, number>();
			for (const [i, view] of cards.entries()) {
				const group = groups.find((g) => g.memberIds.includes(phones[i]!.id))!;
				const card = cardOf(view)!;
				if (byGroup.has(group.id)) expect(card).toBe(byGroup.get(group.id));
				byGroup.set(group.id, card);
			}
			expect(new Set(byGroup.values()).size).toBe(groups.length);
		});

		it('a deal replays identically after a restart, even after the trainer moved someone', async () => {
			const { room, remote } = await roomWith(6);
			const { runId, groups } = expectOk(
				await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
			);
			expectOk(
				await send(remote, 'activity:act', {
					roomId: room.id,
					runId,
					inputId: 'deal-a',
					input: { kind: 'deal' }
				})
			);
			expectOk(
				await send(remote, 'activity:act', {
					roomId: room.id,
					runId,
					inputId: 'banner-a',
					input: { kind: 'banner', text: 'Plan it' }
				})
			);
			const moved = expectOk(
				await send(remote, 'activity:move', {
					roomId: room.id,
					runId,
					participantId: groups[0]!.memberIds[0]!,
					groupId: groups[1]!.id
				})
			);
			await t.restart();
			const again = await t.server.client({ cookie: await sessionCookieFor(t.server, room.id) });
			const rebuilt = expectOk(await send(again, 'room:watch', { roomId: room.id })).activity!;
			expect(rebuilt.view).toEqual(moved.view);
			expect(dealtOf(rebuilt)).toEqual(dealtOf(moved));
			expect((rebuilt.view as { banner: string }).banner).toBe('Plan it');
		});

		it('a resent action counts once; bad actions and types without controls answer clearly', async () => {
			const { room, remote } = await roomWith(3);
			const { runId } = expectOk(
				await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
			);
			const act = {
				roomId: room.id,
				runId,
				inputId: 'same',
				input: { kind: 'banner', text: 'once' }
			};
			expect(expectOk(await send(remote, 'activity:act', act))).toEqual({ duplicate: false });
			expect(expectOk(await send(remote, 'activity:act', act))).toEqual({ duplicate: true });
			expect(
				await send(remote, 'activity:act', { ...act, inputId: 'bad', input: { kind: 'shuffle' } })
			).toMatchObject({ ok: false, error: 'Expected a deal or a banner.' });
			const plain = expectOk(
				await send(remote, 'activity:launch', { roomId: room.id, activityId: 'plain' })
			);
			expect(
				await send(remote, 'activity:act', { ...act, runId: plain.runId, inputId: 'x' })
			).toMatchObject({ ok: false, error: 'This activity has no trainer controls.' });
		});

		it('participants and other trainers cannot act', async () => {
			const { room, remote, phones } = await roomWith(1);
			const { runId } = expectOk(
				await send(remote, 'activity:launch', { roomId: room.id, activityId: 'lists' })
			);
			const other = await t.server.client({ cookie: (await t.server.trainer()).cookie });
			const act = { roomId: room.id, runId, inputId: 'x', input: { kind: 'deal' } };
			expect(await send(phones[0]!.socket, 'activity:act', act)).toMatchObject({
				ok: false,
				code: 'unauthenticated'
			});
			expect(await send(other, 'activity:act', act)).toMatchObject({
				ok: false,
				code: 'forbidden'
			});
		});
	});

	it('moving to the next block ends a closed or revealed activity everywhere, even after a restart; an open one stays', async () => {
		const { room, remote, phones } = await roomWith(1);
		const control = (c: object) =>
			send(remote, 'agenda:control', { roomId: room.id, control: c as never });
		expectOk(await control({ type: 'start' }));
		const open = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		// Block 3 is not a break: the collecting run stays.
		expectOk(await control({ type: 'jump', index: 2 }));
		expect(expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity?.runId).toBe(
			open.runId
		);

		expectOk(
			await send(remote, 'activity:status', {
				roomId: room.id,
				runId: open.runId,
				status: 'revealed'
			})
		);
		const cleared = next(phones[0]!.socket, 'activity:phone', (a) => a === null);
		expectOk(await control({ type: 'jump', index: 0 }));
		await cleared;
		expect(expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity).toBeNull();
		await t.restart();
		const again = await t.server.client({ cookie: await sessionCookieFor(t.server, room.id) });
		expect(expectOk(await send(again, 'room:watch', { roomId: room.id })).activity).toBeNull();
	});

	it('moving into a break closes a collecting activity and ends it: phones and the projector get the break, answers stay', async () => {
		const { room, remote, phones } = await roomWith(1);
		const control = (c: object) =>
			send(remote, 'agenda:control', { roomId: room.id, control: c as never });
		expectOk(await control({ type: 'start' }));
		const open = expectOk(
			await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' })
		);
		const cleared = next(phones[0]!.socket, 'activity:phone', (a) => a === null);
		const toTrainer = next(remote, 'activity:trainer', (u) => u.activity === null);
		const onBreak = next(phones[0]!.socket, 'agenda:now', (v) => v.block?.kind === 'break');
		expectOk(await control({ type: 'next' }));
		await Promise.all([cleared, toTrainer, onBreak]);
		expect(expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity).toBeNull();
		const row = t.server.db.db
			.select()
			.from(activityRuns)
			.where(eq(activityRuns.id, open.runId))
			.get();
		expect(row).toMatchObject({ status: 'closed' });
		expect(row?.endedAt).toEqual(expect.any(Number));
	});

	it('launching another activity in the same block ends the one before, whether it was showing its results or still collecting', async () => {
		const { room, remote } = await roomWith(1);
		const launch = async () =>
			expectOk(await send(remote, 'activity:launch', { roomId: room.id, activityId: 'solo' }))
				.runId;
		const revealed = await launch();
		expectOk(
			await send(remote, 'activity:status', {
				roomId: room.id,
				runId: revealed,
				status: 'revealed'
			})
		);
		const collecting = await launch();
		await launch();
		const rowOf = (id: string) =>
			t.server.db.db.select().from(activityRuns).where(eq(activityRuns.id, id)).get();
		// The exports' "Ended" column: empty only for a run still on screen.
		expect(rowOf(revealed)).toMatchObject({ status: 'revealed', endedAt: expect.any(Number) });
		expect(rowOf(collecting)).toMatchObject({ status: 'closed', endedAt: expect.any(Number) });
	});
});
