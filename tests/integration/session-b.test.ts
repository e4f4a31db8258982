import { describe, expect, it } from 'vitest';
import type { PhoneView as CardsPhone } from '$lib/activities/conversation-cards/type';
import type { PhoneView as GoalPhone } from '$lib/activities/goal-setting/type';
import type { PhoneActivity } from '$lib/shared/events';
import { getActivityCatalog } from '$lib/server/content';
import {
	expectOk,
	next,
	phoneViews,
	send,
	startServer,
	tempDbPath,
	type Client
} from '../helpers/server';

// Session B's two activities with their real types and content files, on a real server.
async function setup(n: number) {
	const tmp = tempDbPath();
	const server = await startServer(tmp.path, { catalog: getActivityCatalog });
	const trainer = await server.trainer();
	const room = await server.room(trainer.id);
	const remote = await server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phones: { socket: Client; id: string; token: string }[] = [];
	for (let i = 0; i < n; i++) {
		const socket = await server.client();
		const joined = expectOk(await send(socket, 'room:join', { code: room.code, name: `P${i}` }));
		phones.push({ socket, id: joined.seat.participantId, token: joined.seatToken });
	}
	const done = async () => {
		await server.stop();
		tmp.cleanup();
	};
	return { server, room, remote, phones, done };
}

const cards = (a: PhoneActivity | null) => a?.view as CardsPhone;
const goals = (a: PhoneActivity | null) => a?.view as GoalPhone;

describe('Session B over sockets', () => {
	it('a group plans one conversation from three phones at once: everything converges, nothing lost', async () => {
		const { room, remote, phones, done } = await setup(3);
		try {
			const { runId } = expectOk(
				await send(remote, 'activity:launch', {
					roomId: room.id,
					activityId: 'difficult-conversations',
					groupSize: 3
				})
			);
			const dealt = phones.map((p) =>
				next(p.socket, 'activity:phone', (a) => cards(a)?.card !== null)
			);
			expectOk(
				await send(remote, 'activity:act', {
					roomId: room.id,
					runId,
					inputId: 'deal',
					input: { kind: 'deal' }
				})
			);
			const views = await Promise.all(dealt);
			const cardId = cards(views[0]!)!.card!.id;
			expect(views.map((v) => cards(v)!.card!.id)).toEqual([cardId, cardId, cardId]);

			const fields = ['prepare', 'open', 'evidence', 'cause', 'actions', 'follow-up'] as const;
			const tracked = phones.map((p) => phoneViews(p.socket));
			// From the dealt view on, each phone applies what changed to the view it holds.
			tracked.forEach((t, i) => t.set(views[i]!));
			await Promise.all(
				fields.map((field, i) =>
					tracked[i % 3]!.submit({
						runId,
						inputId: `f-${field}`,
						input: { kind: 'edit-plan', cardId, field, text: `Part ${field} by P${i % 3}` }
					})
				)
			);
			for (const view of await Promise.all(
				tracked.map((t) =>
					t.until((a) => fields.every((f) => (cards(a)?.plan[f]?.text ?? '') !== ''))
				)
			)) {
				for (const [i, field] of fields.entries())
					expect(cards(view)!.plan[field].text).toBe(`Part ${field} by P${i % 3}`);
			}
		} finally {
			await done();
		}
	});

	/** Launches the cards for a group of `n`, deals, and returns the card and each phone's views. */
	async function dealt(n: number) {
		const ctx = await setup(n);
		const { runId } = expectOk(
			await send(ctx.remote, 'activity:launch', {
				roomId: ctx.room.id,
				activityId: 'difficult-conversations',
				groupSize: n
			})
		);
		const tracked = ctx.phones.map((p) => phoneViews(p.socket));
		expectOk(
			await send(ctx.remote, 'activity:act', {
				roomId: ctx.room.id,
				runId,
				inputId: 'deal',
				input: { kind: 'deal' }
			})
		);
		const views = await Promise.all(tracked.map((t) => t.until((a) => !!cards(a)?.card)));
		return { ...ctx, runId, tracked, cardId: cards(views[0]!)!.card!.id };
	}

	it('a plan conflict: a stale save is refused, then "keep both" and "keep mine" lose no one\'s text', async () => {
		const { runId, tracked, cardId, done } = await dealt(2);
		try {
			const [ann, bob] = tracked as [ReturnType<typeof phoneViews>, ReturnType<typeof phoneViews>];
			const edit = (text: string, baseRev: number, resolve?: 'mine' | 'both') => ({
				kind: 'edit-plan',
				cardId,
				field: 'open',
				text,
				baseRev,
				...(resolve ? { resolve } : {})
			});
			// Both start from the empty part; Ann's save lands first, Bob's (based on rev 0) is refused.
			expectOk(
				await ann.submit({ runId, inputId: 'a1', input: edit('Ann: ask how the week went', 0) })
			);
			const refused = await bob.submit({
				runId,
				inputId: 'b1',
				input: edit('Bob: start with the facts', 0)
			});
			expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/not saved/) });
			const seen = await bob.until((a) => cards(a)?.plan.open.rev === 1);
			expect(cards(seen)!.plan.open).toMatchObject({
				text: 'Ann: ask how the week went',
				mine: false
			});

			// Bob keeps both: the server merges, and both phones end with both texts.
			expectOk(
				await bob.submit({
					runId,
					inputId: 'b2',
					input: edit('Bob: start with the facts', 1, 'both')
				})
			);
			const both = 'Ann: ask how the week went\nBob: start with the facts';
			for (const t of [ann, bob]) await t.until((a) => cards(a)?.plan.open.text === both);
			expect(cards(ann.latest!)!.plan.open.notice).toMatchObject({ kind: 'merged', by: 'P1' });

			// Ann keeps hers over Bob's newer text: Bob's phone is told, with his text kept for him.
			expectOk(
				await ann.submit({ runId, inputId: 'a2', input: edit('Ann: only the facts', 2, 'mine') })
			);
			const told = await bob.until((a) => cards(a)?.plan.open.text === 'Ann: only the facts');
			expect(cards(told)!.plan.open.notice).toEqual({ kind: 'replaced', by: 'P0', text: both });
			expect(cards(ann.latest!)!.plan.open.notice).toBeNull();
			// A "keep mine" based on an older save is refused too: it never erases unseen text.
			expect(
				await bob.submit({ runId, inputId: 'b3', input: edit('Bob again', 2, 'mine') })
			).toMatchObject({ ok: false });
		} finally {
			await done();
		}
	});

	it("a group's likely cause changed by one member is announced on every other member's phone", async () => {
		const { runId, tracked, cardId, done } = await dealt(3);
		try {
			const cause = (c: string) => ({ kind: 'choose-cause', cardId, cause: c });
			expectOk(await tracked[0]!.submit({ runId, inputId: 'c1', input: cause('skills') }));
			expectOk(await tracked[1]!.submit({ runId, inputId: 'c2', input: cause('resources') }));
			for (const i of [0, 2]) {
				const view = await tracked[i]!.until((a) => cards(a)?.cause.value === 'resources');
				expect(cards(view)!.cause).toEqual({
					value: 'resources',
					by: 'P1',
					mine: false,
					changed: { from: 'skills' }
				});
			}
			const own = await tracked[1]!.until((a) => cards(a)?.cause.value === 'resources');
			expect(cards(own)!.cause).toMatchObject({ mine: true, changed: null });
		} finally {
			await done();
		}
	});

	it("after the reveal a phone shows the room's results (its own group's marked), not the closed inputs", async () => {
		const { room, remote, runId, tracked, cardId, done } = await dealt(2);
		try {
			expectOk(
				await tracked[0]!.submit({
					runId,
					inputId: 'c1',
					input: { kind: 'choose-cause', cardId, cause: 'resources' }
				})
			);
			expect(tracked[0]!.latest!.result).toBeUndefined();
			expectOk(
				await send(remote, 'activity:status', { roomId: room.id, runId, status: 'revealed' })
			);
			for (const t of tracked) {
				const shown = await t.until((a) => a?.status === 'revealed');
				expect(shown!.result).toMatchObject({ heading: 'Causes the groups chose', total: 1 });
				expect(shown!.result!.rows.find((r) => r.label === 'Resources')).toEqual({
					label: 'Resources',
					count: 1,
					mine: true
				});
				expect(shown!.result!.note).toMatch(/^Your group’s card, “.+”: likely cause /);
				expect(shown!.ownResult).toBe(false);
			}
		} finally {
			await done();
		}
	});

	it('reviews rotate to someone else and arrive at their author only', async () => {
		const { server, room, remote, phones, done } = await setup(3);
		try {
			const { runId } = expectOk(
				await send(remote, 'activity:launch', { roomId: room.id, activityId: 'goal-setting' })
			);
			const submit = (p: Client, i: number, input: object) =>
				send(p, 'activity:submit', {
					runId,
					inputId: `${i}-${Math.random().toString(36).slice(2)}`,
					input
				});
			for (const [i, p] of phones.entries()) {
				expectOk(
					await submit(p.socket, i, {
						kind: 'set-situation',
						situation: { kind: 'prompt', promptId: 'p1' }
					})
				);
				expectOk(await submit(p.socket, i, { kind: 'set-type', goalType: 'performance' }));
				expectOk(
					await submit(p.socket, i, {
						kind: 'submit',
						text: `Goal of P${i}: cut errors to 2% by June`,
						achievable: 4
					})
				);
			}
			const assigned = phones.map((p) =>
				next(
					p.socket,
					'activity:phone',
					(a) => goals(a)?.toReview !== null && goals(a)?.toReview !== undefined
				)
			);
			expectOk(
				await send(remote, 'activity:act', {
					roomId: room.id,
					runId,
					inputId: 'rotate',
					input: { kind: 'rotate-for-review' }
				})
			);
			const assignedViews = await Promise.all(assigned);
			const toReview = assignedViews.map((a) => goals(a)!.toReview!);
			// Nobody reviews their own goal.
			for (const [i, r] of toReview.entries()) expect(r.text).not.toContain(`P${i}:`);

			const author = (goalText: string) => phones.findIndex((_, i) => goalText.includes(`P${i}:`));
			const reviewer = 0;
			const target = author(toReview[reviewer]!.text);
			// The review reaches its author as a patch on the view they hold.
			const targetView = phoneViews(phones[target]!.socket);
			targetView.set(assignedViews[target]!);
			const heard = targetView.until((a) => goals(a)?.mine.review !== null);
			const comment = 'A clear measure. Name the date you will check progress.';
			const scores = {
				specific: 'yes',
				measurable: 'yes',
				achievable: 'yes',
				relevant: 'partly',
				timeBound: 'yes'
			};
			expectOk(
				await submit(phones[reviewer]!.socket, reviewer, {
					kind: 'review',
					goalId: toReview[reviewer]!.goalId,
					scores,
					comment
				})
			);
			expect(goals(await heard)!.mine.review).toMatchObject({ comment, scores });

			// The third person's phone, and the projector, show nothing of that review.
			const bystander = [0, 1, 2].find((i) => i !== reviewer && i !== target)!;
			const again = await server.client();
			const theirs = expectOk(
				await send(again, 'room:resume', { code: room.code, seatToken: phones[bystander]!.token })
			).activity;
			expect(goals(theirs)!.mine.goalId).not.toBeNull();
			expect(JSON.stringify(theirs)).not.toContain(comment);
			const watch = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
			expect(JSON.stringify(watch.view)).not.toContain(comment);
		} finally {
			await done();
		}
	});
});
