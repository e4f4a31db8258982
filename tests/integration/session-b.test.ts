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
	const room = server.room(trainer.id);
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
