import { describe, expect, it } from 'vitest';
import type {
	PhoneView as PyramidPhone,
	ProjectorView as PyramidProjector
} from '$lib/activities/pm-pyramid/type';
import { getActivityCatalog } from '$lib/server/content';
import {
	type Client,
	drained,
	expectOk,
	phoneViews,
	send,
	sessionCookieFor,
	startServer,
	tempDbPath
} from '../helpers/server';

// The real pm-pyramid type and content file, on a real server: what the socket tests ask for.
describe('PM pyramid over sockets', () => {
	it('three phones of one group add cards at once; all converge with nothing lost; a restart rebuilds it identically', async () => {
		const tmp = tempDbPath();
		let server = await startServer(tmp.path, { catalog: getActivityCatalog });
		try {
			const trainer = await server.trainer();
			const room = await server.room(trainer.id);
			const remote = await server.client({ cookie: trainer.cookie });
			expectOk(await send(remote, 'room:watch', { roomId: room.id }));
			const phones = [];
			for (let i = 0; i < 3; i++) {
				const socket = await server.client();
				expectOk(await send(socket, 'room:join', { code: room.code, name: `P${i}` }));
				phones.push(socket);
			}
			const { runId, groups } = expectOk(
				await send(remote, 'activity:launch', {
					roomId: room.id,
					activityId: 'pm-pyramid',
					groupSize: 3
				})
			);
			expect(groups).toHaveLength(1);

			const cardsOf = (view: unknown) => (view as PyramidPhone).cards.length;
			const views = phones.map((p) => phoneViews(p));
			await Promise.all(
				views.flatMap((v, i) =>
					Array.from({ length: 5 }, (_, k) =>
						v.submit({
							runId,
							inputId: `c-${i}-${k}`,
							input: { kind: 'add-card', step: k, text: `Practice ${i}.${k}` }
						})
					)
				)
			);
			for (const view of await Promise.all(
				views.map((v) => v.until((a) => a !== null && cardsOf(a.view) === 15))
			)) {
				const texts = (view!.view as PyramidPhone).cards.map((c) => c.text).sort();
				expect(texts).toHaveLength(15);
				expect(new Set(texts).size).toBe(15);
			}
			const before = expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!;
			const projector = before.view as PyramidProjector;
			expect(JSON.stringify(projector)).not.toMatch(/c-\d-\d/);

			await server.stop();
			server = await startServer(tmp.path, { catalog: getActivityCatalog });
			const again = await server.client({ cookie: await sessionCookieFor(server, room.id) });
			expect(expectOk(await send(again, 'room:watch', { roomId: room.id })).activity!.view).toEqual(
				before.view
			);
		} finally {
			await server.stop();
			tmp.cleanup();
		}
	});

	it('phones that apply the patches of a busy group end with exactly the whole view a fresh phone gets', async () => {
		const tmp = tempDbPath();
		const server = await startServer(tmp.path, { catalog: getActivityCatalog });
		try {
			const trainer = await server.trainer();
			const room = await server.room(trainer.id);
			const remote = await server.client({ cookie: trainer.cookie });
			expectOk(await send(remote, 'room:watch', { roomId: room.id }));
			const phones: { socket: Client; seatToken: string; views: ReturnType<typeof phoneViews> }[] =
				[];
			for (let i = 0; i < 4; i++) {
				const socket = await server.client();
				const { seatToken } = expectOk(
					await send(socket, 'room:join', { code: room.code, name: `P${i}` })
				);
				phones.push({ socket, seatToken, views: phoneViews(socket) });
			}
			const { runId } = expectOk(
				await send(remote, 'activity:launch', {
					roomId: room.id,
					activityId: 'pm-pyramid',
					groupSize: 4
				})
			);
			// Every phone's whole launch view, then only patches (pushed, or in its own acks).
			await Promise.all(phones.map((p) => p.views.until((a) => a?.runId === runId)));
			let pushedPatches = 0;
			let wholeAfterLaunch = 0;
			for (const p of phones) {
				p.socket.on('activity:phone-patch', () => pushedPatches++);
				p.socket.on('activity:phone', () => wholeAfterLaunch++);
			}
			let n = 0;
			const submit = (i: number, input: object) =>
				phones[i]!.views.submit({ runId, inputId: `in-${i}-${n++}`, input });
			// Adds from every phone at once, then edits, tags, moves (a card leaves the middle of the
			// list), deletes and links, interleaved across the group.
			await Promise.all(
				phones.flatMap((_, i) =>
					Array.from({ length: 4 }, (_, k) =>
						submit(i, { kind: 'add-card', step: (i + k) % 5, text: `Card ${i}.${k}` })
					)
				)
			);
			const ids = () => (phones[0]!.views.latest!.view as PyramidPhone).cards.map((c) => c.id);
			await drained(server, ...phones.map((p) => p.socket));
			const cardIds = ids();
			expect(cardIds).toHaveLength(16);
			// The first phone opens a second tab: its resume must not break the first tab's stream.
			const tab = await server.client();
			const tabViews = phoneViews(tab);
			tabViews.set(
				expectOk(
					await send(tab, 'room:resume', { code: room.code, seatToken: phones[0]!.seatToken })
				).activity
			);
			// One after another, so the other members hear each as a pushed patch.
			for (const [i, input] of [
				{ kind: 'edit-card', cardId: cardIds[3]!, text: 'Edited by 0' },
				{ kind: 'tag-card', cardId: cardIds[5]!, tag: 'patchy' },
				{ kind: 'move-card', cardId: cardIds[1]!, step: 4 },
				{ kind: 'delete-card', cardId: cardIds[7]! },
				{ kind: 'set-link', from: 2, strength: 'weak' },
				{ kind: 'tag-card', cardId: cardIds[5]!, tag: null },
				{ kind: 'delete-card', cardId: cardIds[0]! },
				{ kind: 'add-card', step: 2, text: 'Late card' }
			].entries()) {
				expectOk(await submit(i % 4, input));
				if (i % 3 === 2) await drained(server, ...phones.map((p) => p.socket));
			}
			await drained(server, ...phones.map((p) => p.socket));
			// The views held were built from patches, not replaced by a whole view at the end.
			expect(pushedPatches).toBeGreaterThan(0);
			expect(wholeAfterLaunch).toBe(0);

			await drained(server, tab);
			const { rev: _tabRev, ...inTab } = tabViews.latest!;
			const { rev: _firstRev, ...inFirst } = phones[0]!.views.latest!;
			expect(inTab).toEqual(inFirst);
			for (const p of phones) {
				const fresh = await server.client();
				const whole = expectOk(
					await send(fresh, 'room:resume', { code: room.code, seatToken: p.seatToken })
				).activity!;
				const { rev: _held, ...held } = p.views.latest!;
				const { rev: _whole, ...expected } = whole;
				expect(held).toEqual(expected);
				expect((held.view as PyramidPhone).cards).toHaveLength(15);
			}
		} finally {
			await server.stop();
			tmp.cleanup();
		}
	});
});
