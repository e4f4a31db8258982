/**
 * Fuzzing every client→server event (from the contract: `valid` is a Record over ClientEventName,
 * so a new event needs a row here) and every activity type's inputs with values a client should
 * never send: wrong types, missing fields, null, huge strings and arrays (just under the message
 * cap), deep nesting, unicode edge cases, HTML and formula prefixes. Each call is answered with
 * `{ ok: false, error }` where `error` is a sentence for a person, and nothing is stored; text
 * values that are legitimate answers (HTML is text to us; formulas are neutralised in exports)
 * may be accepted. The server keeps answering, other clients are unaffected, memory stays flat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { activityTypes } from '$lib/activities/registry';
import { getActivityCatalog } from '$lib/server/content';
import type { ClientEventName, ClientEvents } from '$lib/shared/events';
import { Deep, encode, hasDeep, RawSocket } from '../helpers/raw-socket';
import {
	expectOk,
	send,
	sendRaw,
	startServer,
	tempDbPath,
	type Client,
	type TestServer,
	sqliteOf
} from '../helpers/server';

type Payload<E extends ClientEventName> = Parameters<ClientEvents[E]>[0];

interface Ctx {
	roomId: string;
	code: string;
	runId: string;
	participantId: string;
	groupId: string;
	seatToken: string;
}

let seq = 0;
const uid = () => `f${++seq}`;

/** A valid payload per event; the fuzzer breaks it field by field. */
const valid: { [E in ClientEventName]: (c: Ctx) => Payload<E> } = {
	'room:join': (c) => ({ code: c.code, name: `Fuzz ${++seq}` }),
	'room:resume': (c) => ({ code: c.code, seatToken: c.seatToken }),
	'room:watch': (c) => ({ roomId: c.roomId }),
	'room:remove-participant': (c) => ({ roomId: c.roomId, participantId: c.participantId }),
	'room:close': (c) => ({ roomId: c.roomId }),
	'agenda:control': (c) => ({ roomId: c.roomId, control: { type: 'jump', index: 1 } }),
	'clock:sync': () => ({ sentAt: Date.now() }),
	'activity:launch': (c) => ({
		roomId: c.roomId,
		activityId: 'lists',
		groupSize: 3,
		sameGroups: false,
		setup: { labels: ['One', 'Two'] }
	}),
	'activity:status': (c) => ({ roomId: c.roomId, runId: c.runId, status: 'open' }),
	'activity:move': (c) => ({
		roomId: c.roomId,
		runId: c.runId,
		participantId: c.participantId,
		groupId: c.groupId
	}),
	'activity:act': (c) => ({
		roomId: c.roomId,
		runId: c.runId,
		inputId: uid(),
		input: { kind: 'banner', text: 'Hello' }
	}),
	'slides:watch': (c) => ({ roomId: c.roomId }),
	'slides:control': (c) => ({ roomId: c.roomId, control: { type: 'goto', block: 0, slide: 0 } }),
	'activity:submit': (c) => ({
		runId: c.runId,
		inputId: uid(),
		input: { kind: 'add', text: 'An idea' }
	})
};

/** Just under the 32 KB message cap, so it reaches our code instead of being dropped by the transport. */
const HUGE_STRING = 'x'.repeat(30_000);
const HUGE_ARRAY = Array.from({ length: 7_000 }, () => 1);
// Deep nesting is written as text and sent over a raw socket (see tests/helpers/raw-socket.ts).
const deepArray = (levels: number) => new Deep('array', levels);
const deepObject = (levels: number) => new Deep('object', levels);

/** Values that are wrong for every field of every event: these must be refused. */
const WRONG: [string, unknown][] = [
	['null', null],
	['a number', 42],
	['a negative huge number', -1e300],
	['true', true],
	['an object', { evil: '<script>alert(1)</script>' }],
	['a prototype key', JSON.parse('{"__proto__": {"polluted": true}}')],
	['an empty array', []],
	['a 30 KB string', HUGE_STRING],
	['a 7,000-item array', HUGE_ARRAY],
	['10,000 nested arrays', deepArray(10_000)],
	['5,000 nested objects', deepObject(5_000)]
];

/** Text a person might type, or paste: accepted where the field is free text, refused elsewhere. */
const TEXT: [string, string][] = [
	['a lone surrogate', 'ab\uD800cd'],
	['an RTL override', 'abc\u202Eexe.txt'],
	['a zero-width space', 'a\u200Bb'],
	['a NUL', 'a\u0000b'],
	['an emoji ZWJ sequence', '👩‍👩‍👧'],
	['combining marks', 'Zalgo' + '\u0301\u0302\u0303'.repeat(20)],
	['HTML', '<img src=x onerror=alert(1)>'],
	['a script tag', '<script>alert(1)</script>'],
	['formula =', '=HYPERLINK("http://evil.example","x")'],
	['formula +', '+1+1'],
	['formula -', '-2+3'],
	['formula @', '@SUM(A1:A9)'],
	['an empty string', '']
];

const SHAPES: [string, unknown][] = [
	['no payload', undefined],
	['null', null],
	['a number', 7],
	['a string', 'room'],
	['an array', [1, 2]],
	['10,000 nested arrays', deepArray(10_000)]
];

let server: TestServer;
const tmp = tempDbPath();
let owner: Client;
let ctx: Ctx;
const phones: Client[] = [];
let submitsOnPhone = 0;

function counts() {
	const db = sqliteOf(server.db);
	const n = (t: string) => db.prepare(`select count(*) from ${t}`).pluck().get() as number;
	return {
		inputs: n('inputs'),
		runs: n('activity_runs'),
		// Raw sockets take a seat of their own before sending a deep payload (see deliver).
		participants: db
			.prepare("select count(*) from participants where name not like 'Raw %'")
			.pluck()
			.get() as number,
		rooms: n('rooms'),
		room: db.prepare('select status, run from rooms where id = ?').get(ctx.roomId)
	};
}

/** What we require of every refusal: a sentence for a person, none of the machinery behind it. */
function expectSentence(error: unknown, what: string): void {
	expect(typeof error, what).toBe('string');
	const text = error as string;
	expect(text.length, what).toBeGreaterThan(8);
	expect(text.length, what).toBeLessThan(300);
	expect(text, what).toMatch(/[.!?]$/);
	expect(text, what).not.toMatch(
		/undefined|null|NaN|\[object|Error\b|\bat .+:\d+|zod|received|Invalid input|Expected \w+, /
	);
	// Nothing the client sent comes back: no markup, no huge echo.
	expect(text, what).not.toMatch(/<script|<img|xxxxxxxxxx|polluted/);
}

/**
 * Sends one payload and checks the answer: a clear refusal that changed nothing, or (only where
 * `mayAccept`) an acceptance. Never a server error, never silence.
 */
async function probe(
	client: Client,
	event: string,
	payload: unknown,
	what: string,
	mayAccept = false
): Promise<boolean> {
	const before = counts();
	const res = (await deliver(server, client, event, payload)) as {
		ok: boolean;
		error?: string;
		code?: string;
	};
	if (res.ok) {
		expect(mayAccept, `${what} was accepted`).toBe(true);
		return true;
	}
	expect(res.code, `${what}: ${res.error}`).not.toBe('server');
	expectSentence(res.error, what);
	expect(counts(), `${what}: nothing stored`).toEqual(before);
	return false;
}

const cookies = new WeakMap<Client, string>();
const seated = new WeakMap<Client, string>();

/**
 * Through the socket.io client, or for deep payloads over a raw socket of the same kind: the same
 * trainer cookie, or a fresh seat in the same room.
 */
async function deliver(
	on: TestServer,
	client: Client,
	event: string,
	payload: unknown
): Promise<unknown> {
	if (!hasDeep(payload)) return sendRaw(client, event, payload);
	const raw = await RawSocket.connect(on.url, { cookie: cookies.get(client) });
	try {
		const code = seated.get(client);
		if (code)
			expect(
				await raw.emitJson('room:join', JSON.stringify({ code, name: `Raw ${++seq}` }))
			).toMatchObject({ ok: true });
		return await raw.emitJson(event, encode(payload));
	} finally {
		raw.close();
	}
}

/** Submits spread over fresh phones, so the input rate limit never answers in the validator's place. */
async function submitter(): Promise<Client> {
	if (phones.length === 0 || submitsOnPhone >= 12) {
		const p = await server.client();
		expectOk(await send(p, 'room:join', { code: ctx.code, name: `Phone ${++seq}` }));
		seated.set(p, ctx.code);
		phones.push(p);
		submitsOnPhone = 0;
	}
	submitsOnPhone++;
	return phones.at(-1)!;
}

/** Fields the contract marks optional: leaving one out is allowed. */
const OPTIONAL = new Set([
	'activity:launch.groupSize',
	'activity:launch.sameGroups',
	'activity:launch.setup'
]);

/**
 * Every bad variant of a valid payload: each field missing, wrong, huge, deep, or odd text. The
 * third item says whether the server may accept it: an optional field left out, any number where
 * any number will do (clock:sync's sentAt), free text where free text goes (see isFreeText).
 */
function* variants(
	event: ClientEventName,
	base: Record<string, unknown>
): Generator<[string, unknown, boolean]> {
	for (const [label, payload] of SHAPES) yield [label, payload, false];
	yield ['an extra field', { ...base, participantId: 'someone', trainerId: 'someone' }, false];
	for (const field of Object.keys(base)) {
		const { [field]: _, ...rest } = base;
		yield [`${field} missing`, rest, OPTIONAL.has(`${event}.${field}`)];
		// A "__proto__" key in the setup map is dropped by zod (the map is then empty, which is valid); see the pollution check.
		for (const [label, value] of WRONG)
			yield [
				`${field} as ${label}`,
				{ ...base, [field]: value },
				sameKind(base[field], value) || (label === 'a prototype key' && field === 'setup')
			];
		for (const [label, value] of TEXT)
			yield [
				`${field} as ${label}`,
				{ ...base, [field]: value },
				isFreeText(event, field) && readable(value)
			];
	}
}

async function clientFor(event: ClientEventName): Promise<Client> {
	if (event === 'activity:submit') return submitter();
	if (event === 'room:join' || event === 'room:resume') return server.client();
	return owner;
}

function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
}

beforeAll(async () => {
	server = await startServer(tmp.path);
	const t = await server.trainer();
	owner = await server.client({ cookie: t.cookie });
	cookies.set(owner, t.cookie);
	const room = await server.room(t.id, 'Fuzz room');
	expectOk(await send(owner, 'room:watch', { roomId: room.id }));
	const first = await server.client();
	const joined = expectOk(await send(first, 'room:join', { code: room.code, name: 'First' }));
	const launched = expectOk(
		await send(owner, 'activity:launch', { roomId: room.id, activityId: 'lists' })
	);
	ctx = {
		roomId: room.id,
		code: room.code,
		runId: launched.runId,
		participantId: joined.seat.participantId,
		groupId: launched.groups[0]!.id,
		seatToken: joined.seatToken
	};
});
afterAll(async () => {
	await server.stop();
	tmp.cleanup();
});

describe('fuzzing every socket event', () => {
	for (const event of Object.keys(valid) as ClientEventName[]) {
		it(`${event}: every broken payload gets a clear refusal and stores nothing`, async () => {
			const base = valid[event](ctx) as Record<string, unknown>;
			for (const [label, payload, mayAccept] of variants(event, base)) {
				await probe(await clientFor(event), event, payload, `${event}: ${label}`, mayAccept);
			}
			expect(expectOk(await send(owner, 'clock:sync', { sentAt: 1 })).serverTime).toBeGreaterThan(
				0
			);
			expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
			// An accepted variant may have launched another activity: the next event aims at the current one.
			const current = expectOk(
				await send(owner, 'activity:launch', { roomId: ctx.roomId, activityId: 'lists' })
			);
			ctx.runId = current.runId;
			ctx.groupId = current.groups[0]!.id;
		});
	}

	it('the nested parts of a payload are checked too: agenda controls and launch settings', async () => {
		const controls: unknown[] = [
			{ type: 'jump', index: -1 },
			{ type: 'jump', index: 1.5 },
			{ type: 'jump', index: '1' },
			{ type: 'extend', minutes: 1e9 },
			{ type: 'extend' },
			{ type: 'replan', minutes: HUGE_ARRAY },
			{ type: 'replan', minutes: [1, 'x'] },
			{ type: 'explode' },
			{ type: 'start', extra: 1 },
			deepObject(3_000)
		];
		for (const control of controls)
			await probe(
				owner,
				'agenda:control',
				{ roomId: ctx.roomId, control },
				`control ${label(control)}`
			);
		const setups: unknown[] = [
			{ labels: 'One' },
			{ labels: [1, 2] },
			{ labels: Array(21).fill('x') },
			{ labels: ['x'.repeat(201), 'y'] },
			{ labels: ['', ''] },
			{ ['k'.repeat(41)]: ['x'] },
			deepArray(5_000)
		];
		for (const setup of setups)
			await probe(
				owner,
				'activity:launch',
				{ roomId: ctx.roomId, activityId: 'lists', setup },
				`setup ${label(setup)}`
			);
	});

	it('a name may carry an emoji sequence, but never a hidden character', async () => {
		const accepted = await probe(
			await server.client(),
			'room:join',
			{ code: ctx.code, name: 'Ana 👩‍👩‍👧' },
			'emoji ZWJ name',
			true
		);
		expect(accepted).toBe(true);
		for (const [label, name] of [
			['RTL override', 'Ana\u202E'],
			['zero-width space', 'A\u200Bna'],
			['NUL', 'A\u0000na'],
			['lone surrogate', 'A\uD800na']
		] as const) {
			const res = await send(await server.client(), 'room:join', { code: ctx.code, name });
			expect(res.ok, label).toBe(false);
			if (!res.ok) expect(res.error, label).toMatch(/hidden character|name/);
		}
	});
});

/** Half a surrogate pair is never text a person typed (and SQLite would store it as replacement characters). */
const readable = (text: string) => !/\p{Cs}/u.test(text);

/** A number or boolean where the valid payload has one: some (sentAt: 42, sameGroups: true) are valid. */
function sameKind(valid: unknown, value: unknown): boolean {
	return (typeof valid === 'number' || typeof valid === 'boolean') && typeof value === typeof valid;
}

/** The one top-level field of the contract that is free text: a participant's name. */
function isFreeText(event: ClientEventName, field: string): boolean {
	return event === 'room:join' && field === 'name';
}

/** A short label for a payload that may hold Deep parts (which JSON.stringify refuses). */
const label = (v: unknown) => (hasDeep(v) ? 'deeply nested' : JSON.stringify(v).slice(0, 60));

describe("fuzzing every activity type's inputs", () => {
	// The real activity files, each launched in turn; each input shape of its type broken field by field.
	let real: TestServer;
	const realTmp = tempDbPath();
	let trainer: Client;
	let roomId: string;
	let code: string;
	let pool: Client[] = [];
	let used = 0;

	beforeAll(async () => {
		real = await startServer(realTmp.path, { catalog: getActivityCatalog });
		const t = await real.trainer();
		trainer = await real.client({ cookie: t.cookie });
		cookies.set(trainer, t.cookie);
		const room = await real.room(t.id, 'Real activities');
		roomId = room.id;
		code = room.code;
		expectOk(await send(trainer, 'room:watch', { roomId }));
	});
	afterAll(async () => {
		await real.stop();
		realTmp.cleanup();
	});

	async function phone(): Promise<Client> {
		if (pool.length === 0 || used >= 12) {
			const p = await real.client();
			expectOk(await send(p, 'room:join', { code, name: `P${++seq}` }));
			seated.set(p, code);
			pool = [p];
			used = 0;
		}
		used++;
		return pool[0]!;
	}

	const inputCount = () =>
		sqliteOf(real.db).prepare('select count(*) from inputs').pluck().get() as number;

	/** The input shapes of a type: each option of its discriminated union, by kind and fields. */
	function shapes(type: string): { kind: string; fields: string[] }[] {
		const def = (
			activityTypes.get(type)!.input as unknown as {
				_zod: {
					def: {
						options?: {
							_zod: { def: { shape?: Record<string, { _zod: { def: { values?: string[] } } }> } };
						}[];
					};
				};
			}
		)._zod.def;
		return (def.options ?? []).flatMap((o) => {
			const shape = o._zod.def.shape;
			const kind = shape?.kind?._zod.def.values?.[0];
			return shape && kind
				? [{ kind, fields: Object.keys(shape).filter((k) => k !== 'kind') }]
				: [];
		});
	}

	const MUST_REFUSE: [string, unknown][] = [
		['a 30 KB string', HUGE_STRING],
		['an object', { evil: '<script>alert(1)</script>' }],
		['a 7,000-item array', HUGE_ARRAY],
		['2,000 nested arrays', deepArray(2_000)],
		['a huge negative number', -1e300],
		['a lone surrogate in a list', ['\uD800']]
	];

	it('covers every type in the registry', () => {
		const launched = new Set([...getActivityCatalog().values()].map((d) => d.type.type));
		expect(
			[...activityTypes.keys()].filter((t) => !launched.has(t)),
			'types without an activity file to fuzz'
		).toEqual([]);
	});

	for (const type of activityTypes.keys()) {
		it(`${type}: broken inputs are refused clearly; text inputs never crash`, async () => {
			const def = [...getActivityCatalog().values()].find((d) => d.type.type === type)!;
			const launched = expectOk(
				await send(trainer, 'activity:launch', { roomId, activityId: def.id })
			);
			const submit = async (input: unknown, what: string, mayAccept: boolean) => {
				const before = inputCount();
				const res = (await deliver(real, await phone(), 'activity:submit', {
					runId: launched.runId,
					inputId: uid(),
					input
				})) as {
					ok: boolean;
					error?: string;
					code?: string;
				};
				if (res.ok) {
					expect(mayAccept, `${type} ${what} was accepted`).toBe(true);
					return;
				}
				expect(res.code, `${type} ${what}: ${res.error}`).not.toBe('server');
				expect(res.code, `${type} ${what}: ${res.error}`).not.toBe('rate-limited');
				expectSentence(res.error, `${type} ${what}`);
				expect(inputCount(), `${type} ${what}: nothing stored`).toBe(before);
			};
			for (const [label, value] of [...SHAPES.slice(1), ...WRONG])
				await submit(value, `input as ${label}`, false);
			await submit({ kind: 'no-such-kind' }, 'an unknown kind', false);
			for (const { kind, fields } of shapes(type)) {
				await submit(
					{ kind, unexpected: '<script>', ...Object.fromEntries(fields.map((f) => [f, null])) },
					`${kind} with nulls and an extra field`,
					true
				);
				for (const field of fields) {
					for (const [label, value] of MUST_REFUSE)
						await submit({ kind, [field]: value }, `${kind}.${field} as ${label}`, false);
					for (const [label, value] of TEXT)
						await submit({ kind, [field]: value }, `${kind}.${field} as ${label}`, readable(value));
				}
			}
			expect(expectOk(await send(trainer, 'clock:sync', { sentAt: 1 })).serverTime).toBeGreaterThan(
				0
			);
		});
	}
});

describe('the server stays up and its memory stays flat', () => {
	it('an oversized message drops only its sender: the others carry on', async () => {
		const victim = await server.client();
		const dropped = new Promise<string>((resolve) =>
			victim.once('disconnect', (reason) => resolve(reason))
		);
		victim.emit('room:join', { code: ctx.code, name: 'x'.repeat(1_000_000) }, () => {});
		expect(await dropped).toBe('transport close');
		const arrays = await server.client();
		const droppedToo = new Promise<string>((resolve) =>
			arrays.once('disconnect', (reason) => resolve(reason))
		);
		arrays.emit(
			'activity:submit',
			{ runId: ctx.runId, inputId: 'big', input: Array(300_000).fill(1) },
			() => {}
		);
		expect(await droppedToo).toBe('transport close');
		expect(owner.connected).toBe(true);
		expect(expectOk(await send(owner, 'clock:sync', { sentAt: 1 })).serverTime).toBeGreaterThan(0);
		expect((await send(owner, 'room:watch', { roomId: ctx.roomId })).ok).toBe(true);
	});

	it('after rounds of refused payloads, the heap is where it was', async () => {
		const round = async () => {
			for (const event of Object.keys(valid) as ClientEventName[]) {
				if (event === 'activity:submit') continue; // covered above; here only what never reaches the limiter
				const base = valid[event](ctx) as Record<string, unknown>;
				for (const [, value] of WRONG) {
					const field = Object.keys(base)[0]!;
					await deliver(
						server,
						event === 'room:join' || event === 'room:resume' ? anon : owner,
						event,
						{ ...base, [field]: value }
					);
				}
			}
		};
		const anon = await server.client();
		await round();
		await round();
		collectGarbage();
		const before = process.memoryUsage().heapUsed;
		for (let i = 0; i < 8; i++) await round();
		collectGarbage();
		const growth = process.memoryUsage().heapUsed - before;
		// Eight rounds move about 8 × 12 events × 11 payloads (up to 30 KB each, ~20 MB in all) through the
		// server; if any of it were kept, the heap would grow by megabytes.
		expect(growth, `heap grew by ${(growth / 1e6).toFixed(1)} MB`).toBeLessThan(8_000_000);
		expect(expectOk(await send(owner, 'clock:sync', { sentAt: 1 })).serverTime).toBeGreaterThan(0);
	});
});
