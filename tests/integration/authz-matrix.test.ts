/**
 * The authorisation matrix for sockets: every client→server event in the contract, sent with a
 * valid payload aimed at room A by each of six callers. Only room A's trainers (its owner and a
 * co-facilitator) may steer it, and only a phone seated in room A may answer in it. A refusal
 * leaves nothing on disk and nothing on room A's screens.
 *
 * `rules` is a Record over ClientEventName: a new event in src/lib/shared/events.ts without a row
 * here does not type-check (npm run check) and fails the "every event has a row" test below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { addRoomFacilitator } from '$lib/server/facilitators';
import type { ClientEventName, ClientEvents, ServerEvents } from '$lib/shared/events';
import {
	expectOk,
	drained,
	send,
	sendRaw,
	startServer,
	tempDbPath,
	type Client,
	type TestServer,
	sqliteOf
} from '../helpers/server';

type Role =
	'anonymous' | 'participantA' | 'participantB' | 'otherTrainer' | 'coFacilitator' | 'owner';
const ROLES: Role[] = [
	'anonymous',
	'participantA',
	'participantB',
	'otherTrainer',
	'coFacilitator',
	'owner'
];
const TRAINERS_OF_A: Role[] = ['coFacilitator', 'owner'];

type Payload<E extends ClientEventName> = Parameters<ClientEvents[E]>[0];

/** Room A with a running activity, room B next to it, and one connected socket per role. */
interface World {
	a: { id: string; code: string };
	b: { id: string; code: string };
	runId: string;
	groupId: string;
	/** A phone in room A that a trainer may move or remove. */
	victimId: string;
	tokens: Partial<Record<Role, string>>;
	clients: Record<Role, Client>;
	/** Room A's screens: the owner's projector and a phone that is no role of the matrix. */
	projector: Client;
	witness: Client;
}

interface Rule<E extends ClientEventName> {
	/** A valid payload aimed at room A, built with the caller's own credentials where it has any. */
	build: (w: World, role: Role) => Payload<E>;
	allowed: Role[];
	/** Why an event is open wider than room A's trainers. */
	why?: string;
}

let seq = 0;
const uid = () => `in${++seq}x${Date.now().toString(36)}`;
const randomToken = 'a'.repeat(32);

const rules: { [E in ClientEventName]: Rule<E> } = {
	'room:join': {
		build: (w, role) => ({ code: w.a.code, name: `Joiner ${role} ${++seq}` }),
		allowed: ROLES,
		why: 'public: the room code on the screen is the invitation; anyone in the room may type it (wrong codes are rate-limited)'
	},
	'room:resume': {
		// Each caller offers the seat token it holds: only room A's own phone has one for room A.
		build: (w, role) => ({ code: w.a.code, seatToken: w.tokens[role] ?? randomToken }),
		allowed: ['participantA'],
		why: 'the seat token is the credential; a token from room B or no token resumes nothing in room A'
	},
	'room:watch': { build: (w) => ({ roomId: w.a.id }), allowed: TRAINERS_OF_A },
	'room:remove-participant': {
		build: (w) => ({ roomId: w.a.id, participantId: w.victimId }),
		allowed: TRAINERS_OF_A
	},
	'room:close': { build: (w) => ({ roomId: w.a.id }), allowed: TRAINERS_OF_A },
	'agenda:control': {
		build: (w) => ({ roomId: w.a.id, control: { type: 'start' } }),
		allowed: TRAINERS_OF_A
	},
	'clock:sync': {
		build: () => ({ sentAt: Date.now() }),
		allowed: ROLES,
		why: 'public: it only tells the time, so a phone can count down before it has joined'
	},
	'activity:launch': {
		build: (w) => ({ roomId: w.a.id, activityId: 'solo' }),
		allowed: TRAINERS_OF_A
	},
	'activity:status': {
		build: (w) => ({ roomId: w.a.id, runId: w.runId, status: 'closed' }),
		allowed: TRAINERS_OF_A
	},
	'activity:move': {
		build: (w) => ({
			roomId: w.a.id,
			runId: w.runId,
			participantId: w.victimId,
			groupId: w.groupId
		}),
		allowed: TRAINERS_OF_A
	},
	'activity:act': {
		build: (w) => ({
			roomId: w.a.id,
			runId: w.runId,
			inputId: uid(),
			input: { kind: 'banner', text: 'Hello' }
		}),
		allowed: TRAINERS_OF_A
	},
	'slides:watch': { build: (w) => ({ roomId: w.a.id }), allowed: TRAINERS_OF_A },
	'slides:control': {
		build: (w) => ({ roomId: w.a.id, control: { type: 'blank', blank: 'black' } }),
		allowed: TRAINERS_OF_A
	},
	'activity:submit': {
		// The seat comes from the socket (joined or resumed), never from the payload.
		build: (w) => ({ runId: w.runId, inputId: uid(), input: { kind: 'add', text: 'An idea' } }),
		allowed: ['participantA'],
		why: 'a phone seated in room A answers there; a phone of room B or a trainer has no seat in room A'
	}
};

let server: TestServer;
const tmp = tempDbPath();
let owner: { id: string; cookie: string };
let coFacilitator: { id: string; cookie: string };
let otherTrainer: { id: string; cookie: string };

beforeAll(async () => {
	server = await startServer(tmp.path);
	owner = await server.trainer();
	coFacilitator = await server.trainer();
	otherTrainer = await server.trainer();
});
afterAll(async () => {
	await server.stop();
	tmp.cleanup();
});

async function phone(
	code: string,
	name: string
): Promise<{ client: Client; token: string; id: string }> {
	const client = await server.client();
	const joined = expectOk(await send(client, 'room:join', { code, name }));
	return { client, token: joined.seatToken, id: joined.seat.participantId };
}

async function world(): Promise<World> {
	// Room A has a deck, so its trainers' slide controls succeed (the file itself is never read here).
	const a = await server.room(owner.id, 'Room A', {
		deck: { hash: 'a'.repeat(64), pages: 12, bytes: 1000, name: 'deck.pdf' }
	});
	// The other trainer owns room B: "a trainer, just not of this room".
	const b = await server.room(otherTrainer.id, 'Room B');
	await addRoomFacilitator(server.db, {
		roomId: a.id,
		actorId: owner.id,
		email: emailOf(coFacilitator.id),
		live: server.realtime.engine
	});
	const pA = await phone(a.code, 'Aisha');
	const witness = await phone(a.code, 'Wendy');
	const victim = await phone(a.code, 'Victor');
	const pB = await phone(b.code, 'Bella');
	const projector = await server.client({ cookie: owner.cookie });
	expectOk(await send(projector, 'room:watch', { roomId: a.id }));
	const launched = expectOk(
		await send(projector, 'activity:launch', { roomId: a.id, activityId: 'lists' })
	);
	const clients: Record<Role, Client> = {
		anonymous: await server.client(),
		participantA: pA.client,
		participantB: pB.client,
		otherTrainer: await server.client({ cookie: otherTrainer.cookie }),
		coFacilitator: await server.client({ cookie: coFacilitator.cookie }),
		owner: await server.client({ cookie: owner.cookie })
	};
	// The other trainer is busy with their own room: watching B is theirs to do.
	expectOk(await send(clients.otherTrainer, 'room:watch', { roomId: b.id }));
	// Everything the set-up announced has arrived before any test starts listening.
	await drained(server, projector, witness.client, ...Object.values(clients));
	return {
		a,
		b,
		runId: launched.runId,
		groupId: launched.groups[0]!.id,
		victimId: victim.id,
		tokens: { participantA: pA.token, participantB: pB.token },
		clients,
		projector,
		witness: witness.client
	};
}

function emailOf(trainerId: string): string {
	return sqliteOf(server.db)
		.prepare('select email from trainers where id = ?')
		.pluck()
		.get(trainerId) as string;
}

/** Everything a refused call could have touched, for room A and everywhere. */
function snapshot(roomId: string) {
	const db = sqliteOf(server.db);
	const n = (table: string) => db.prepare(`select count(*) from ${table}`).pluck().get();
	return {
		inputs: n('inputs'),
		activityRuns: n('activity_runs'),
		participants: n('participants'),
		removed: db
			.prepare('select count(*) from participants where removed_at is not null')
			.pluck()
			.get(),
		roomTrainers: n('room_trainers'),
		room: db.prepare('select status, run, slides from rooms where id = ?').get(roomId),
		runs: db
			.prepare(
				'select status, groups, ended_at from activity_runs where room_id = ? order by launched_at'
			)
			.all(roomId)
	};
}

const SCREEN_EVENTS: (keyof ServerEvents)[] = [
	'room:roster',
	'room:closed',
	'seat:removed',
	'agenda:run',
	'agenda:now',
	'activity:trainer',
	'activity:trainer-patch',
	'activity:phone',
	'activity:phone-patch',
	'slides:state'
];

function record(...clients: Client[]): string[] {
	const heard: string[] = [];
	for (const c of clients) for (const e of SCREEN_EVENTS) c.on(e, () => heard.push(e));
	return heard;
}

/** A refusal a person can read: a code, a sentence, no internals. */
function expectClearRefusal(res: unknown, what: string): void {
	expect(res, what).toMatchObject({ ok: false });
	const { error, code } = res as { error: string; code: string };
	expect(
		['unauthenticated', 'forbidden', 'not-found', 'closed'],
		`${what}: ${code} ${error}`
	).toContain(code);
	expect(error, what).toMatch(/^[A-Z].{9,}[.!?]$/s);
	expect(error, what).not.toMatch(/undefined|Error:|\bat \w+ \(|zod|received/i);
}

describe('socket authorisation matrix', () => {
	it('every event of the contract has a row, and every row is an event the server answers', async () => {
		const names = Object.keys(rules).sort();
		expect(names.length).toBeGreaterThanOrEqual(12);
		const w = await world();
		for (const name of names) {
			const res = (await sendRaw(w.clients.owner, name, {})) as { ok: boolean };
			// An unknown event would get no acknowledgement at all (a timeout); each of ours answers.
			expect(res.ok, name).toBe(false);
		}
		for (const rule of Object.values(rules))
			if (rule.allowed.length > TRAINERS_OF_A.length) expect(rule.why).toBeTruthy();
	});

	for (const event of Object.keys(rules) as ClientEventName[]) {
		const rule = rules[event] as Rule<ClientEventName>;
		const refused = ROLES.filter((r) => !rule.allowed.includes(r));

		if (refused.length) {
			it(`${event}: refused for ${refused.join(', ')}; nothing stored, nothing shown on room A's screens`, async () => {
				const w = await world();
				const before = snapshot(w.a.id);
				const heard = record(w.projector, w.witness);
				for (const role of refused) {
					const res = await sendRaw(w.clients[role], event, rule.build(w, role));
					expectClearRefusal(res, `${event} as ${role}`);
				}
				await drained(server, w.projector, w.witness);
				expect(snapshot(w.a.id), `${event}: the database after refusals`).toEqual(before);
				expect(heard, `${event}: room A's screens after refusals`).toEqual([]);
			});
		}

		for (const role of rule.allowed) {
			it(`${event}: allowed for ${role}`, async () => {
				const w = await world();
				const res = await sendRaw(w.clients[role], event, rule.build(w, role));
				expect(res, `${event} as ${role}`).toMatchObject({ ok: true });
			});
		}
	}
});

describe('who a socket is comes from its cookie or its seat, never from what it sends', () => {
	it('trainer and participant ids in a payload are refused, not believed', async () => {
		const w = await world();
		const before = snapshot(w.a.id);
		const heard = record(w.projector, w.witness);
		const forged: [Role, ClientEventName, unknown][] = [
			[
				'participantB',
				'activity:submit',
				{
					runId: w.runId,
					inputId: uid(),
					input: { kind: 'add', text: 'x' },
					participantId: w.victimId
				}
			],
			[
				'anonymous',
				'activity:submit',
				{
					runId: w.runId,
					inputId: uid(),
					input: { kind: 'add', text: 'x' },
					roomId: w.a.id,
					seatToken: w.tokens.participantA
				}
			],
			[
				'anonymous',
				'agenda:control',
				{ roomId: w.a.id, control: { type: 'start' }, trainerId: owner.id }
			],
			['otherTrainer', 'room:close', { roomId: w.a.id, trainerId: owner.id }],
			[
				'participantA',
				'activity:act',
				{
					roomId: w.a.id,
					runId: w.runId,
					inputId: uid(),
					input: { kind: 'banner', text: 'x' },
					trainerId: owner.id
				}
			],
			['otherTrainer', 'room:watch', { roomId: w.a.id, ownerId: owner.id, cookie: owner.cookie }]
		];
		for (const [role, event, payload] of forged) {
			const res = (await sendRaw(w.clients[role], event, payload)) as {
				ok: boolean;
				error: string;
			};
			expect(res.ok, `${event} as ${role} with a forged field`).toBe(false);
			expect(res.error).toMatch(/[.!?]$/);
		}
		await drained(server, w.projector, w.witness);
		expect(snapshot(w.a.id)).toEqual(before);
		expect(heard).toEqual([]);
	});

	it("a session token offered in the handshake's auth or query is ignored: only the cookie makes a trainer", async () => {
		const w = await world();
		const token = owner.cookie.split('=')[1]!;
		for (const opts of [
			{ auth: { token, wc_session: token, trainerId: owner.id } },
			{ query: { wc_session: token, trainerId: owner.id } }
		]) {
			const socket: Client = connect(server.url, {
				transports: ['websocket'],
				forceNew: true,
				reconnection: false,
				...opts
			});
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', () => resolve());
				socket.once('connect_error', reject);
			});
			const res = await send(socket, 'room:watch', { roomId: w.a.id });
			expect(res).toMatchObject({ ok: false, code: 'unauthenticated' });
			socket.disconnect();
		}
	});

	it("a socket opened from another site's page does not connect, even with the trainer's cookie", async () => {
		const socket: Client = connect(server.url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: { cookie: owner.cookie, origin: 'https://evil.example' }
		});
		const outcome = await new Promise<string>((resolve) => {
			socket.once('connect', () => resolve('connected'));
			socket.once('connect_error', () => resolve('refused'));
		});
		socket.disconnect();
		expect(outcome).toBe('refused');
	});

	it('a phone removed from room A, or holding a seat of a closed room, can no longer answer', async () => {
		const w = await world();
		const victim = await phone(w.a.code, 'Zed');
		expectOk(
			await send(w.clients.owner, 'room:remove-participant', {
				roomId: w.a.id,
				participantId: victim.id
			})
		);
		const before = snapshot(w.a.id);
		expect(
			await send(victim.client, 'activity:submit', {
				runId: w.runId,
				inputId: uid(),
				input: { kind: 'add', text: 'x' }
			})
		).toMatchObject({
			ok: false,
			code: 'removed'
		});
		expect(
			await send(victim.client, 'room:resume', { code: w.a.code, seatToken: victim.token })
		).toMatchObject({ ok: false, code: 'removed' });
		expectOk(await send(w.clients.owner, 'room:close', { roomId: w.a.id }));
		const closed = await send(w.clients.participantA, 'activity:submit', {
			runId: w.runId,
			inputId: uid(),
			input: { kind: 'add', text: 'x' }
		});
		expect(closed).toMatchObject({ ok: false, code: 'closed' });
		expect(snapshot(w.a.id).inputs).toBe(before.inputs);
	});
});
