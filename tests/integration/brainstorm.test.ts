import { describe, expect, it } from 'vitest';
import type {
	PhoneView as Wall,
	ProjectorView as WallProjector
} from '$lib/activities/brainstorm/type';
import { getActivityCatalog } from '$lib/server/content';
import { expectOk, send, startServer, tempDbPath, type Client } from '../helpers/server';

// The real brainstorm type and Session B's content file, on a real server: voting limits and merges.
async function wall() {
	const tmp = tempDbPath();
	const server = await startServer(tmp.path, { catalog: getActivityCatalog });
	const trainer = await server.trainer();
	const room = await server.room(trainer.id);
	const remote = await server.client({ cookie: trainer.cookie });
	expectOk(await send(remote, 'room:watch', { roomId: room.id }));
	const phones: { socket: Client; token: string }[] = [];
	for (let i = 0; i < 2; i++) {
		const socket = await server.client();
		const joined = expectOk(await send(socket, 'room:join', { code: room.code, name: `P${i}` }));
		phones.push({ socket, token: joined.seatToken });
	}
	const { runId } = expectOk(
		await send(remote, 'activity:launch', { roomId: room.id, activityId: 'reward-brainstorm' })
	);
	let n = 0;
	const submit = (p: Client, input: object, inputId = `i${++n}`) =>
		send(p, 'activity:submit', { runId, inputId, input });
	const act = (input: object) =>
		send(remote, 'activity:act', { roomId: room.id, runId, inputId: `t${++n}`, input });
	/** One phone's current view, as a fresh connection with its seat token sees it. */
	const viewOf = async (i: number) => {
		const probe = await server.client();
		return expectOk(
			await send(probe, 'room:resume', { code: room.code, seatToken: phones[i]!.token })
		).activity!.view as Wall;
	};
	const projector = async () =>
		expectOk(await send(remote, 'room:watch', { roomId: room.id })).activity!.view as WallProjector;
	const done = async () => {
		await server.stop();
		tmp.cleanup();
	};
	const reveal = () =>
		send(remote, 'activity:status', { roomId: room.id, runId, status: 'revealed' });
	return { phones, submit, act, viewOf, projector, reveal, done };
}

describe('brainstorm over sockets', () => {
	it('no one casts more than N votes, a retried vote counts once, and closed voting refuses', async () => {
		const w = await wall();
		try {
			expectOk(await w.submit(w.phones[0]!.socket, { kind: 'add', text: 'Thank-you card' }));
			expectOk(await w.submit(w.phones[0]!.socket, { kind: 'add', text: 'Extra day off' }));
			expectOk(await w.act({ kind: 'voting', open: true }));
			const voter = w.phones[1]!.socket;
			const ballot = (await w.viewOf(1)).ballot!;
			const [first, second] = [ballot[0]!.id, ballot[1]!.id];
			expectOk(await w.submit(voter, { kind: 'vote', ideaId: first }, 'vote-a'));
			expect(expectOk(await w.submit(voter, { kind: 'vote', ideaId: first }, 'vote-a'))).toEqual({
				duplicate: true
			});
			expectOk(await w.submit(voter, { kind: 'vote', ideaId: second }));
			expectOk(await w.submit(voter, { kind: 'vote', ideaId: second }));
			const fourth = await w.submit(voter, { kind: 'vote', ideaId: first });
			expect(fourth.ok).toBe(false);
			expect((await w.viewOf(1)).votesLeft).toBe(0);
			expectOk(await w.act({ kind: 'voting', open: false }));
			expect((await w.submit(voter, { kind: 'unvote', ideaId: first })).ok).toBe(false);
		} finally {
			await w.done();
		}
	});

	it('a merge keeps the votes, and the duplicate’s author sees it merged, not lost', async () => {
		const w = await wall();
		try {
			expectOk(
				await w.submit(w.phones[0]!.socket, { kind: 'add', text: 'Say thank you in person' })
			);
			expectOk(
				await w.submit(w.phones[1]!.socket, { kind: 'add', text: 'Thank people face to face' })
			);
			expectOk(await w.act({ kind: 'voting', open: true }));
			const ballot = (await w.viewOf(0)).ballot!;
			const keep = ballot.find((c) => c.text === 'Say thank you in person')!.id;
			const dupe = ballot.find((c) => c.text === 'Thank people face to face')!.id;
			expectOk(await w.submit(w.phones[0]!.socket, { kind: 'vote', ideaId: dupe }));
			expectOk(await w.submit(w.phones[1]!.socket, { kind: 'vote', ideaId: keep }));
			expectOk(await w.act({ kind: 'merge', intoId: keep, fromId: dupe }));
			const author = (await w.viewOf(1)).mine.find((m) => m.text === 'Thank people face to face')!;
			expect(author).toMatchObject({ status: 'merged', mergedWith: 'Say thank you in person' });
			expectOk(await w.act({ kind: 'voting', open: false }));
			expect((await w.projector()).top).toBeNull();
			expectOk(await w.reveal());
			const top = (await w.projector()).top!;
			expect(top).toHaveLength(1);
			expect(top[0]).toMatchObject({ text: 'Say thank you in person', votes: 2, rank: 1 });
		} finally {
			await w.done();
		}
	});
});
