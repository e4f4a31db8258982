import { describe, expect, it } from 'vitest';
import type {
	PhoneView as PyramidPhone,
	ProjectorView as PyramidProjector
} from '$lib/activities/pm-pyramid/type';
import { getActivityCatalog } from '$lib/server/content';
import {
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
});
