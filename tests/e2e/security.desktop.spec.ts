/**
 * Nobody where they don't belong, over HTTP, against the production build on a server of its own
 * (so its sign-in limits and proxy settings touch no other test):
 * - the route matrix: every page, endpoint and form action under src/routes (enumerated from the
 *   file system, so a new route without a row fails), called as anonymous, as a participant (a
 *   phone's seat token: participants have no cookie), as another trainer, as a co-facilitator and
 *   as the room's owner;
 * - form fuzzing: wrong, missing, huge and odd values answer 4xx with a message, never 500;
 * - the sign-in and sign-up limits; security headers on every kind of response; the session
 *   cookie's flags over plain http and behind a TLS proxy.
 */
import {
	expect,
	request as http,
	test,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '../../src/lib/shared/events';
import { makePdf } from '../helpers/make-pdf';
import { uniqueEmail } from './helpers';
import { OwnServer } from './own-server';

type Role = 'anonymous' | 'participant' | 'otherTrainer' | 'coFacilitator' | 'owner';
/** The owner goes last: some of its actions change what the others would see. */
const ROLES: Role[] = ['anonymous', 'participant', 'otherTrainer', 'coFacilitator', 'owner'];
const PASSWORD = 'a long enough password';
const base = Number(process.env.E2E_PORT ?? 4173);

test.describe.configure({ mode: 'serial' });

const server = new OwnServer(base + 61);
const DECK = makePdf({ pages: 3 });

interface Ids {
	roomA: string;
	codeA: string;
	runId: string;
	participantA: string;
	nameA: string;
	tokenA: string;
	tokenB: string;
	copyId: string;
	/** A second agenda copy, shared the same way, for the delete action. */
	spareCopyId: string;
	extraTrainerId: string;
	extraEmail: string;
}
let ids: Ids;
const as: Partial<Record<Role, APIRequestContext>> = {};
const emails: Partial<Record<Role, string>> = {};

// ——— routes from the file system ———

const routesDir = join(process.cwd(), 'src', 'routes');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** "GET /trainer", "POST /api/pack", "POST /trainer?/start", … for every route file. */
function routeEntries(): string[] {
	const out = new Set<string>();
	for (const file of walk(routesDir)) {
		const dir = relative(routesDir, join(file, '..')).split(sep).filter(Boolean);
		const id = '/' + dir.filter((p) => !/^\(.*\)$/.test(p)).join('/');
		const name = file.split(sep).at(-1)!;
		const source = readFileSync(file, 'utf8');
		if (name === '+page.svelte' || name === '+page.server.ts' || name === '+page.ts')
			out.add(`GET ${id}`);
		if (name === '+server.ts')
			for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
				out.add(`${m[1]} ${id}`);
		if (name === '+page.server.ts' && source.includes('export const actions')) {
			const body = source.slice(source.indexOf('export const actions'));
			for (const m of body.matchAll(/^\t([A-Za-z]\w*)\s*:/gm))
				out.add(m[1] === 'default' ? `POST ${id}` : `POST ${id}?/${m[1]}`);
		}
	}
	return [...out].sort();
}

// ——— the matrix ———

/** An expected answer: a status, or "login" (303 to /login, the /trainer guard). */
type Expect = number | 'login';

interface Row {
	path: (i: Ids) => string;
	expect: Record<Role, Expect>;
	/** Form fields (or JSON for /api/pack) for POSTs, per role. */
	form?: (i: Ids, role: Role) => Record<string, string>;
	json?: (i: Ids, role: Role) => unknown;
	/** Whether the POST would end a role's session: run with a throwaway one. */
	signsOut?: boolean;
	/** A raw PDF body (deck uploads), or another method than GET/POST. */
	pdf?: boolean;
	/** A raw WebM body (video uploads). */
	webm?: boolean;
	method?: 'DELETE';
	note?: string;
}

const everyone = (status: Expect): Record<Role, Expect> => ({
	anonymous: status,
	participant: status,
	otherTrainer: status,
	coFacilitator: status,
	owner: status
});
const roomTrainersOnly: Record<Role, Expect> = {
	anonymous: 'login',
	participant: 'login',
	otherTrainer: 404,
	coFacilitator: 200,
	owner: 200
};
const ownerOnly = (coFacilitator: Expect, owner: Expect): Record<Role, Expect> => ({
	anonymous: 'login',
	participant: 'login',
	otherTrainer: 404,
	coFacilitator,
	owner
});
const signedOutOnly: Record<Role, Expect> = {
	anonymous: 200,
	participant: 200,
	otherTrainer: 303,
	coFacilitator: 303,
	owner: 303
};
const anyTrainer = (
	otherTrainer: Expect,
	coFacilitator: Expect,
	owner: Expect
): Record<Role, Expect> => ({
	anonymous: 'login',
	participant: 'login',
	otherTrainer,
	coFacilitator,
	owner
});
const plan = JSON.stringify({
	title: 'Shared copy',
	start: '09:30',
	blocks: [{ title: 'Welcome', minutes: 10, kind: 'talk' }]
});

const matrix: Record<string, Row> = {
	'GET /': { path: () => '/', expect: everyone(200) },
	'GET /join': { path: () => '/join', expect: everyone(200) },
	'GET /j/[code]': { path: (i) => `/j/${i.codeA}`, expect: everyone(200) },
	'GET /p/[code]': {
		path: (i) => `/p/${i.codeA}`,
		expect: everyone(200),
		note: 'a shell: the seat token on the phone decides what it shows'
	},
	'GET /p/[code]/pack': {
		path: (i) => `/p/${i.codeA}/pack`,
		expect: everyone(200),
		note: 'a shell: the pack is fetched with the seat token'
	},
	'POST /api/pack': {
		path: () => '/api/pack',
		json: (i, role) => (role === 'participant' ? { seatToken: i.tokenA } : {}),
		expect: { anonymous: 400, participant: 200, otherTrainer: 400, coFacilitator: 400, owner: 400 },
		note: "a participant's only route: their seat token opens their own pack; a trainer's cookie opens none"
	},
	'POST /api/slide': {
		path: () => '/api/slide',
		json: (i, role) => (role === 'participant' ? { seatToken: i.tokenA, page: 1 } : {}),
		expect: { anonymous: 400, participant: 403, otherTrainer: 400, coFacilitator: 400, owner: 400 },
		note: "a following phone's slide picture, by seat token; room A's phones don't follow here (403). Seats, rooms and pages in tests/integration/slides-follow.test.ts"
	},
	'POST /api/follow-up': {
		path: () => '/api/follow-up',
		json: (i, role) => (role === 'participant' ? { seatToken: i.tokenA } : {}),
		expect: { anonymous: 400, participant: 409, otherTrainer: 400, coFacilitator: 400, owner: 400 },
		note: 'opting in with the seat token, once the session is closed (room A is open here: 409); tokens in tests/integration/follow-up.test.ts'
	},
	'GET /f/[token]': {
		path: () => `/f/${'a'.repeat(32)}`,
		expect: everyone(404),
		note: 'only a live follow-up token opens its own check-in (follow-up.phone.spec.ts); a trainer cookie opens none'
	},
	'POST /f/[token]?/save': {
		path: () => `/f/${'a'.repeat(32)}?/save`,
		form: () => ({ 'progress-0': '2' }),
		expect: everyone(404)
	},
	'POST /f/[token]?/revoke': {
		path: () => `/f/${'a'.repeat(32)}?/revoke`,
		form: () => ({}),
		expect: everyone(404)
	},
	'GET /f/[token]/reminders.ics': {
		path: () => `/f/${'a'.repeat(32)}/reminders.ics`,
		expect: everyone(404)
	},
	'GET /login': { path: () => '/login', expect: signedOutOnly },
	'POST /login': {
		path: () => '/login',
		form: () => ({ email: 'nobody@example.org', password: 'not the password' }),
		expect: { anonymous: 400, participant: 400, otherTrainer: 303, coFacilitator: 303, owner: 303 },
		note: 'a signed-in trainer is sent to their dashboard, whatever the form said'
	},
	'GET /signup': { path: () => '/signup', expect: signedOutOnly },
	'POST /signup': {
		path: () => '/signup',
		form: () => ({ name: 'X', email: 'not-an-email', password: 'short' }),
		expect: { anonymous: 400, participant: 400, otherTrainer: 303, coFacilitator: 303, owner: 303 }
	},
	'GET /logout': { path: () => '/logout', expect: everyone(303) },
	'POST /logout': {
		path: () => '/logout',
		form: () => ({}),
		expect: everyone(303),
		signsOut: true
	},
	'GET /trainer': {
		path: () => '/trainer',
		expect: anyTrainer(200, 200, 200),
		note: "everyone's own dashboard; the other trainer's does not list room A (checked below)"
	},
	'POST /trainer?/start': {
		path: () => '/trainer?/start',
		form: (i) => ({ agendaId: i.copyId }),
		expect: anyTrainer(400, 303, 303)
	},
	'POST /trainer?/duplicate': {
		path: () => '/trainer?/duplicate',
		form: (i) => ({ agendaId: i.copyId }),
		expect: anyTrainer(400, 303, 303)
	},
	'POST /trainer?/delete': {
		path: () => '/trainer?/delete',
		form: (i) => ({ agendaId: i.spareCopyId }),
		expect: anyTrainer(400, 400, 200),
		note: 'owner only: a co-facilitator of the agenda cannot delete it'
	},
	'GET /trainer/agendas/[id]': {
		path: (i) => `/trainer/agendas/${i.copyId}`,
		expect: roomTrainersOnly
	},
	'POST /trainer/agendas/[id]?/save': {
		path: (i) => `/trainer/agendas/${i.copyId}?/save`,
		form: () => ({ agenda: plan }),
		expect: roomTrainersOnly
	},
	'POST /trainer/agendas/[id]?/start': {
		path: (i) => `/trainer/agendas/${i.copyId}?/start`,
		form: () => ({ agenda: plan }),
		expect: ownerOnly(303, 303)
	},
	'POST /trainer/agendas/[id]?/addCoFacilitator': {
		path: (i) => `/trainer/agendas/${i.copyId}?/addCoFacilitator`,
		form: (i) => ({ email: i.extraEmail }),
		expect: ownerOnly(403, 200)
	},
	'POST /trainer/agendas/[id]?/removeCoFacilitator': {
		path: (i) => `/trainer/agendas/${i.copyId}?/removeCoFacilitator`,
		form: (i) => ({ trainerId: i.extraTrainerId }),
		expect: ownerOnly(403, 200)
	},
	'GET /trainer/rooms/[id]': { path: (i) => `/trainer/rooms/${i.roomA}`, expect: roomTrainersOnly },
	'POST /trainer/rooms/[id]?/addCoFacilitator': {
		path: (i) => `/trainer/rooms/${i.roomA}?/addCoFacilitator`,
		form: (i) => ({ email: i.extraEmail }),
		expect: ownerOnly(403, 200)
	},
	'POST /trainer/rooms/[id]?/removeCoFacilitator': {
		path: (i) => `/trainer/rooms/${i.roomA}?/removeCoFacilitator`,
		form: (i) => ({ trainerId: i.extraTrainerId }),
		expect: ownerOnly(403, 200)
	},
	'GET /trainer/rooms/[id]/projector': {
		path: (i) => `/trainer/rooms/${i.roomA}/projector`,
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/report': {
		path: (i) => `/trainer/rooms/${i.roomA}/report`,
		expect: roomTrainersOnly
	},
	'POST /trainer/rooms/[id]/report?/deleteData': {
		path: (i) => `/trainer/rooms/${i.roomA}/report?/deleteData`,
		form: () => ({ confirm: 'yes' }),
		expect: ownerOnly(403, 409),
		note: 'owner only, and only once closed: room A is still open here (409); see the test after the matrix'
	},
	'GET /trainer/rooms/[id]/evidence/[participantId]': {
		path: (i) => `/trainer/rooms/${i.roomA}/evidence/${i.participantA}`,
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/follow-up': {
		path: (i) => `/trainer/rooms/${i.roomA}/follow-up`,
		expect: roomTrainersOnly
	},
	'POST /trainer/rooms/[id]/follow-up?/setEnabled': {
		path: (i) => `/trainer/rooms/${i.roomA}/follow-up?/setEnabled`,
		form: () => ({ enabled: 'yes' }),
		expect: roomTrainersOnly,
		note: 'either of the session’s trainers: switching follow-up is part of running it'
	},
	'POST /trainer/agendas/[id]/deck': {
		path: (i) => `/trainer/agendas/${i.copyId}/deck`,
		pdf: true,
		expect: roomTrainersOnly,
		note: "the agenda's owner and co-facilitators attach or replace its deck"
	},
	'DELETE /trainer/agendas/[id]/deck': {
		path: (i) => `/trainer/agendas/${i.copyId}/deck`,
		method: 'DELETE',
		expect: roomTrainersOnly
	},
	'POST /trainer/agendas/[id]/video': {
		path: (i) => `/trainer/agendas/${i.copyId}/video`,
		webm: true,
		expect: roomTrainersOnly,
		note: "the agenda's owner and co-facilitators attach or replace its video file"
	},
	'DELETE /trainer/agendas/[id]/video': {
		path: (i) => `/trainer/agendas/${i.copyId}/video`,
		method: 'DELETE',
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/video': {
		path: (i) => `/trainer/rooms/${i.roomA}/video`,
		expect: { ...roomTrainersOnly, coFacilitator: 404, owner: 404 },
		note: 'room A started without a video file: its trainers get 404, others as for any room route (the file itself: tests/e2e/video.desktop.spec.ts)'
	},
	'GET /trainer/rooms/[id]/deck.pdf': {
		path: (i) => `/trainer/rooms/${i.roomA}/deck.pdf`,
		expect: roomTrainersOnly,
		note: "room A started with a deck: its slides go to room A's trainers only"
	},
	'GET /trainer/rooms/[id]/export/session.xlsx': {
		path: (i) => `/trainer/rooms/${i.roomA}/export/session.xlsx`,
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/export/session.json': {
		path: (i) => `/trainer/rooms/${i.roomA}/export/session.json`,
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/export/slides.csv': {
		path: (i) => `/trainer/rooms/${i.roomA}/export/slides.csv`,
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/export/inputs.csv': {
		path: (i) => `/trainer/rooms/${i.roomA}/export/inputs.csv`,
		expect: roomTrainersOnly
	},
	'GET /trainer/rooms/[id]/export/activity-[runId].csv': {
		path: (i) => `/trainer/rooms/${i.roomA}/export/activity-${i.runId}.csv`,
		expect: roomTrainersOnly
	}
};

// ——— helpers ———

type Client = Socket<ServerEvents, ClientEvents>;

async function context(cookieJarFrom?: APIRequestContext): Promise<APIRequestContext> {
	const ctx = await http.newContext({
		baseURL: server.url,
		extraHTTPHeaders: { origin: server.url, accept: 'text/html' },
		storageState: cookieJarFrom ? await cookieJarFrom.storageState() : undefined
	});
	return ctx;
}

async function signUpHttp(name: string): Promise<{ ctx: APIRequestContext; email: string }> {
	const ctx = await context();
	const email = uniqueEmail();
	const res = await ctx.post('/signup', {
		form: { name, email, password: PASSWORD },
		maxRedirects: 0
	});
	expect(res.status(), await res.text()).toBe(303);
	return { ctx, email };
}

function locationOf(res: APIResponse): string {
	return res.headers()['location'] ?? '';
}

async function socketFor(ctx?: APIRequestContext): Promise<Client> {
	const cookies = ctx
		? (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ')
		: undefined;
	const socket: Client = connect(server.url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: cookies ? { cookie: cookies } : undefined
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

async function ack<E extends keyof ClientEvents>(
	socket: Client,
	event: E,
	payload: Parameters<ClientEvents[E]>[0]
) {
	const raw = socket as unknown as {
		timeout(ms: number): {
			emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }>;
		};
	};
	const res = await raw.timeout(5000).emitWithAck(event, payload);
	if (!res.ok) throw new Error(`${event}: ${res.error}`);
	return res.data as never;
}

async function call(role: Role, row: Row): Promise<APIResponse> {
	let ctx = as[role]!;
	if (row.signsOut && ctx !== as.anonymous && ctx !== as.participant) {
		// A fresh session of the same trainer, so the shared one survives.
		ctx = await context();
		const res = await ctx.post('/login', {
			form: { email: emails[role]!, password: PASSWORD },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
	}
	const path = row.path(ids);
	if (row.webm)
		return ctx.post(path, {
			data: Buffer.from([0x1a, 0x45, 0xdf, 0xa3, ...new Array(60).fill(7)]),
			headers: { 'content-type': 'video/webm' },
			maxRedirects: 0
		});
	if (row.pdf)
		return ctx.post(path, {
			data: DECK,
			headers: { 'content-type': 'application/pdf' },
			maxRedirects: 0
		});
	if (row.method === 'DELETE') return ctx.delete(path, { maxRedirects: 0 });
	if (row.json) return ctx.post(path, { data: row.json(ids, role), maxRedirects: 0 });
	if (row.form) return ctx.post(path, { form: row.form(ids, role), maxRedirects: 0 });
	return ctx.get(path, { maxRedirects: 0 });
}

// ——— set-up: a room A with a co-facilitator, an activity and a phone; a room B of another trainer ———

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await server.start();
	const owner = await signUpHttp('Olive Owner');
	const cofac = await signUpHttp('Carl Cofac');
	const other = await signUpHttp('Sam Stranger');
	const extra = await signUpHttp('Eve Extra');
	as.owner = owner.ctx;
	as.coFacilitator = cofac.ctx;
	as.otherTrainer = other.ctx;
	as.anonymous = await context();
	as.participant = await context();
	emails.owner = owner.email;
	emails.coFacilitator = cofac.email;
	emails.otherTrainer = other.email;

	// Two agenda copies of the owner's, each shared with the co-facilitator.
	const copies: string[] = [];
	for (let n = 0; n < 2; n++) {
		const dup = await owner.ctx.post('/trainer?/duplicate', {
			form: { agendaId: 'session-a' },
			maxRedirects: 0
		});
		expect(dup.status()).toBe(303);
		const copyId = locationOf(dup).split('/').at(-1)!;
		const shared = await owner.ctx.post(`/trainer/agendas/${copyId}?/addCoFacilitator`, {
			form: { email: cofac.email },
			maxRedirects: 0
		});
		expect(shared.status()).toBe(200);
		copies.push(copyId);
	}
	// The shared copy gets a deck, so room A starts with slides.
	const attached = await owner.ctx.post(`/trainer/agendas/${copies[0]}/deck`, {
		data: DECK,
		headers: { 'content-type': 'application/pdf' },
		maxRedirects: 0
	});
	expect(attached.status()).toBe(200);
	// Room A, started from the shared copy: the co-facilitator runs it too.
	const started = await owner.ctx.post('/trainer?/start', {
		form: { agendaId: copies[0]! },
		maxRedirects: 0
	});
	expect(started.status()).toBe(303);
	const roomA = locationOf(started).split('/').at(-1)!;
	const ownerSocket = await socketFor(owner.ctx);
	const watched = (await ack(ownerSocket, 'room:watch', { roomId: roomA })) as {
		room: { code: string };
	};
	const phoneA = await socketFor();
	const joinedA = (await ack(phoneA, 'room:join', {
		code: watched.room.code,
		name: 'Aisha Phone'
	})) as { seatToken: string; seat: { participantId: string } };
	const run = (await ack(ownerSocket, 'activity:launch', {
		roomId: roomA,
		activityId: 'quick-poll-example'
	})) as { runId: string };
	await ack(phoneA, 'activity:submit', {
		runId: run.runId,
		inputId: 'answer-1',
		input: { kind: 'choose', options: [0] }
	});

	// Room B, the other trainer's, with its own phone.
	const startedB = await other.ctx.post('/trainer?/start', {
		form: { agendaId: 'session-a' },
		maxRedirects: 0
	});
	const roomB = locationOf(startedB).split('/').at(-1)!;
	const otherSocket = await socketFor(other.ctx);
	const watchedB = (await ack(otherSocket, 'room:watch', { roomId: roomB })) as {
		room: { code: string };
	};
	const phoneB = await socketFor();
	const joinedB = (await ack(phoneB, 'room:join', {
		code: watchedB.room.code,
		name: 'Bella Phone'
	})) as { seatToken: string };

	const extraId = await (async () => {
		// The extra trainer's id, as the owner's add form shows it once added (then removed again).
		const added = await owner.ctx.post(`/trainer/rooms/${roomA}?/addCoFacilitator`, {
			form: { email: extra.email },
			maxRedirects: 0
		});
		expect(added.status()).toBe(200);
		const s = await socketFor(extra.ctx);
		const mine = (await ack(s, 'room:watch', { roomId: roomA })) as { room: { id: string } };
		expect(mine.room.id).toBe(roomA);
		s.disconnect();
		const page = await (await owner.ctx.get(`/trainer/rooms/${roomA}`)).text();
		const m = new RegExp(
			`${extra.email.replace(/[.+]/g, '\\$&')}[\\s\\S]*?name="trainerId" value="([^"]+)"`
		).exec(page);
		expect(m, 'the remove form names the trainer by id').toBeTruthy();
		const removed = await owner.ctx.post(`/trainer/rooms/${roomA}?/removeCoFacilitator`, {
			form: { trainerId: m![1]! },
			maxRedirects: 0
		});
		expect(removed.status()).toBe(200);
		return m![1]!;
	})();

	for (const s of [ownerSocket, phoneA, otherSocket, phoneB]) s.disconnect();
	ids = {
		roomA,
		codeA: watched.room.code,
		runId: run.runId,
		participantA: joinedA.seat.participantId,
		nameA: 'Aisha Phone',
		tokenA: joinedA.seatToken,
		tokenB: joinedB.seatToken,
		copyId: copies[0]!,
		spareCopyId: copies[1]!,
		extraTrainerId: extraId,
		extraEmail: extra.email
	};
});

test.afterAll(async () => {
	for (const ctx of Object.values(as)) await ctx?.dispose();
	await server.stop();
});

// ——— the tests ———

test('every route under src/routes has a row in the matrix, and every row is a route', () => {
	const entries = routeEntries();
	expect(
		entries.filter((e) => !(e in matrix)),
		'routes without a row'
	).toEqual([]);
	expect(
		Object.keys(matrix).filter((e) => !entries.includes(e)),
		'rows without a route'
	).toEqual([]);
});

test('the route matrix: each role gets exactly what it should', async () => {
	const wrong: string[] = [];
	for (const [entry, row] of Object.entries(matrix)) {
		for (const role of ROLES) {
			const res = await call(role, row);
			const want = row.expect[role];
			const got = res.status();
			const ok =
				want === 'login' ? got === 303 && locationOf(res).startsWith('/login?next=') : got === want;
			if (!ok) wrong.push(`${entry} as ${role}: expected ${want}, got ${got} ${locationOf(res)}`);
			// Whoever is refused as a stranger never sees room A's people or code in the answer.
			if (typeof want === 'number' && want >= 400 && role !== 'owner' && role !== 'coFacilitator') {
				const text = await res.text();
				if (text.includes(ids.nameA) || text.includes(ids.codeA))
					wrong.push(`${entry} as ${role}: the refusal shows room A's data`);
			}
		}
	}
	expect(wrong).toEqual([]);
});

/** Other spellings of a /trainer path: SvelteKit routes on the decoded path, so each must meet the same guard. */
function spellings(path: string): [string, string][] {
	const rest = path.slice('/trainer'.length);
	return [
		['encoded', `/%74rainer${rest}`],
		[
			'encoded deeper',
			rest.startsWith('/rooms')
				? `/trainer/%72ooms${rest.slice('/rooms'.length)}`
				: `/trai%6Eer${rest}`
		],
		['double-encoded', `/%2574rainer${rest}`],
		['mixed case', `/Trainer${rest}`],
		['upper case', `/TRAINER${rest}`]
	];
}

test('encoded, double-encoded and mixed-case spellings of every trainer route: anonymous gets the login redirect or a 404, never a 500 or trainer content', async () => {
	test.setTimeout(120_000);
	const wrong: string[] = [];
	const trainerRows = Object.entries(matrix).filter(([entry]) =>
		entry.split(' ')[1]!.startsWith('/trainer')
	);
	expect(trainerRows.length, 'every trainer page, endpoint and action').toBeGreaterThan(15);
	for (const [entry, row] of trainerRows) {
		for (const [how, path] of spellings(row.path(ids))) {
			for (const role of ['anonymous', 'participant'] as const) {
				const ctx = as[role]!;
				const res = row.json
					? await ctx.post(path, { data: row.json(ids, role), maxRedirects: 0 })
					: row.form
						? await ctx.post(path, { form: row.form(ids, role), maxRedirects: 0 })
						: await ctx.get(path, { maxRedirects: 0 });
				const got = res.status();
				const text = await res.text();
				const login = got === 303 && locationOf(res).startsWith('/login?next=');
				// A single encoding routes to the trainer page, so it must be the login redirect exactly.
				const ok = how.startsWith('encoded') ? login : login || got === 404;
				if (!ok) wrong.push(`${entry} ${how} (${path}) as ${role}: ${got} ${locationOf(res)}`);
				if (
					text.includes(ids.nameA) ||
					text.includes(ids.codeA) ||
					/Cannot read properties/.test(text)
				)
					wrong.push(`${entry} ${how} as ${role}: the answer shows trainer content or a crash`);
			}
		}
	}
	// The encoded spelling really is the trainer route: its owner gets the page.
	const encoded = await as.owner!.get(`/%74rainer/rooms/${ids.roomA}/report`, { maxRedirects: 0 });
	expect(encoded.status()).toBe(200);
	expect(wrong).toEqual([]);
});

test("the other trainer's dashboard does not list room A or the owner's agendas; a phone's pack is its own", async () => {
	const dashboard = await (await as.otherTrainer!.get('/trainer')).text();
	expect(dashboard).not.toContain(ids.roomA);
	expect(dashboard).not.toContain(ids.copyId);
	const cofacDashboard = await (await as.coFacilitator!.get('/trainer')).text();
	expect(cofacDashboard).toContain(ids.roomA);

	const mine = await as.participant!.post('/api/pack', { data: { seatToken: ids.tokenA } });
	expect(mine.status()).toBe(200);
	expect(await mine.text()).toContain(ids.nameA);
	const theirs = await as.participant!.post('/api/pack', { data: { seatToken: ids.tokenB } });
	expect(await theirs.text()).not.toContain(ids.nameA);
	const guessed = await as.participant!.post('/api/pack', { data: { seatToken: 'a'.repeat(32) } });
	expect(guessed.status()).toBe(404);
	expect((await as.participant!.get('/api/pack', { maxRedirects: 0 })).status()).toBe(405);
});

test('deleting participant data: owner only, once closed; a co-facilitator is told why', async () => {
	const owner = await socketFor(as.owner);
	await ack(owner, 'room:close', { roomId: ids.roomA });
	owner.disconnect();
	const path = `/trainer/rooms/${ids.roomA}/report?/deleteData`;
	expect(
		(await as.otherTrainer!.post(path, { form: { confirm: 'yes' }, maxRedirects: 0 })).status()
	).toBe(404);
	const cofac = await as.coFacilitator!.post(path, { form: { confirm: 'yes' }, maxRedirects: 0 });
	expect(cofac.status()).toBe(403);
	expect(await cofac.text()).toContain(
		'Only the trainer who owns this session can delete its participant data.'
	);
	expect((await as.owner!.post(path, { form: {}, maxRedirects: 0 })).status()).toBe(400);
	expect((await as.owner!.post(path, { form: { confirm: 'yes' }, maxRedirects: 0 })).status()).toBe(
		200
	);
	expect(
		(
			await as.owner!.get(`/trainer/rooms/${ids.roomA}/evidence/${ids.participantA}`, {
				maxRedirects: 0
			})
		).status()
	).toBe(410);
});

// ——— forms with values nobody should send ———

const ODD: [string, string][] = [
	['empty', ''],
	['100 KB', 'x'.repeat(100_000)],
	['a lone surrogate', 'ab\uD800cd'],
	['an RTL override', 'a\u202Eb@example.org'],
	['zero-width and NUL', 'a\u200B\u0000b'],
	['an emoji ZWJ sequence', '👩‍👩‍👧@example.org'],
	['combining marks', 'e' + '\u0301'.repeat(500)],
	['HTML', '<script>alert(1)</script>'],
	['a formula', '=HYPERLINK("http://evil.example")'],
	['another formula', '@SUM(A1)'],
	['JSON nested 10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000)]
];

/** The forms, each with the fields it reads; odd values go into one field at a time. */
function forms(i: Ids): { path: string; fields: string[]; valid: Record<string, string> }[] {
	return [
		{ path: '/trainer?/start', fields: ['agendaId'], valid: { agendaId: 'session-a' } },
		{ path: '/trainer?/duplicate', fields: ['agendaId'], valid: { agendaId: 'session-a' } },
		{ path: '/trainer?/delete', fields: ['agendaId'], valid: { agendaId: 'no-such-copy' } },
		{ path: `/trainer/agendas/${i.copyId}?/save`, fields: ['agenda'], valid: { agenda: plan } },
		{
			path: `/trainer/agendas/${i.copyId}?/addCoFacilitator`,
			fields: ['email'],
			valid: { email: 'nobody@example.org' }
		},
		{
			path: `/trainer/agendas/${i.copyId}?/removeCoFacilitator`,
			fields: ['trainerId'],
			valid: { trainerId: 'nobody' }
		},
		{
			path: `/trainer/rooms/${i.roomA}?/addCoFacilitator`,
			fields: ['email'],
			valid: { email: 'nobody@example.org' }
		},
		{
			path: `/trainer/rooms/${i.roomA}?/removeCoFacilitator`,
			fields: ['trainerId'],
			valid: { trainerId: 'nobody' }
		},
		{
			path: `/trainer/rooms/${i.roomA}/report?/deleteData`,
			fields: ['confirm'],
			valid: { confirm: 'no' }
		}
	];
}

test('every form answers odd values with a 4xx and a message, never a 500; the server stays up', async () => {
	test.setTimeout(120_000);
	const problems: string[] = [];
	const check = async (what: string, res: APIResponse, acceptable: number[] = []) => {
		const status = res.status();
		if (status >= 500) problems.push(`${what}: ${status}`);
		else if (status < 400 && !acceptable.includes(status))
			problems.push(`${what}: ${status} (accepted)`);
		else if (status >= 400 && status !== 413) {
			const text = await res.text();
			// The page re-rendered with its error, or SvelteKit's error page with our sentence.
			if (!/[A-Za-z]{3,}[^<]*[.!?]/.test(text))
				problems.push(`${what}: ${status} without a readable message`);
			if (text.includes('<script>alert(1)</script>'))
				problems.push(`${what}: the script came back unescaped`);
		}
	};
	for (const form of forms(ids)) {
		for (const field of form.fields) {
			const missing = Object.fromEntries(Object.entries(form.valid).filter(([k]) => k !== field));
			// Some forms answer "200 with an error" (a stranger's list stays unchanged) or redirect back: not a 500 is what counts.
			await check(
				`${form.path} without ${field}`,
				await as.owner!.post(form.path, { form: missing, maxRedirects: 0 }),
				[200, 303]
			);
			for (const [label, value] of ODD) {
				await check(
					`${form.path} ${field} as ${label}`,
					await as.owner!.post(form.path, {
						form: { ...form.valid, [field]: value },
						maxRedirects: 0
					}),
					[200, 303]
				);
			}
		}
	}
	// Sign-up and sign-in, signed out (the limits have a server of their own below).
	// A password may hold any character; a name may hold markup, emoji and accents (shown as text), never a hidden character.
	const mayAccept = (field: string, label: string) =>
		field === 'password'
			? label !== 'empty' && label !== '100 KB'
			: field === 'name' &&
				!['empty', '100 KB', 'an RTL override', 'zero-width and NUL'].includes(label);
	for (const [label, value] of ODD) {
		for (const field of ['name', 'email', 'password']) {
			// Each attempt signed out: an accepted one signs its context in.
			const ctx = await context();
			const valid = { name: 'Nia', email: uniqueEmail(), password: PASSWORD };
			await check(
				`signup ${field} as ${label}`,
				await ctx.post('/signup', { form: { ...valid, [field]: value }, maxRedirects: 0 }),
				mayAccept(field, label) ? [303] : []
			);
			await ctx.dispose();
		}
	}
	// The phone's pack: JSON that is not what we asked for.
	for (const body of [
		null,
		42,
		'text',
		[],
		{ seatToken: 42 },
		{ seatToken: 'x'.repeat(100_000) },
		{ seatToken: '\uD800'.repeat(20) },
		{ seatToken: '<script>alert(1)</script>' }
	]) {
		await check(
			`/api/pack with ${JSON.stringify(body)?.slice(0, 40)}`,
			await as.participant!.post('/api/pack', { data: body })
		);
	}
	const garbage = await as.participant!.post('/api/pack', {
		data: '{"seatToken": [[[[',
		headers: { 'content-type': 'application/json' }
	});
	await check('/api/pack with broken JSON', garbage);
	expect(problems).toEqual([]);
	expect((await as.anonymous!.get('/join')).status()).toBe(200);
});

// ——— headers on every kind of response ———

test('security headers on pages, downloads, redirects, errors, JSON, static files and socket.io; CSP with nonces on HTML', async () => {
	const join = await as.anonymous!.get('/join');
	const html = await join.text();
	const asset = /(?:href|src)="([^"]*_app\/immutable\/[^"]+\.(?:css|js))"/
		.exec(html)![1]!
		.replace(/^(\.\.\/)+|^\.\//, '/');
	const responses: [string, APIResponse][] = [
		['an HTML page', join],
		['a page with a session', await as.owner!.get(`/trainer/rooms/${ids.roomA}/report`)],
		['a download', await as.owner!.get(`/trainer/rooms/${ids.roomA}/export/inputs.csv`)],
		['the /trainer redirect', await as.anonymous!.get('/trainer/rooms/x', { maxRedirects: 0 })],
		[
			"a stranger's room (404)",
			await as.otherTrainer!.get(`/trainer/rooms/${ids.roomA}`, { maxRedirects: 0 })
		],
		['a missing page (404)', await as.anonymous!.get('/no/such/page')],
		['JSON (400)', await as.anonymous!.post('/api/pack', { data: {} })],
		['a static file', await as.anonymous!.get(asset.startsWith('/') ? asset : `/${asset}`)],
		['socket.io polling', await as.anonymous!.get('/socket.io/?EIO=4&transport=polling')]
	];
	for (const [what, res] of responses) {
		const h = res.headers();
		expect(res.status(), what).toBeLessThan(500);
		expect(h['x-content-type-options'], what).toBe('nosniff');
		expect(h['referrer-policy'], what).toBe('same-origin');
		expect(h['x-frame-options'], what).toBe('DENY');
		expect(h['permissions-policy'], what).toContain('camera=()');
		// Every page that runs a script carries the policy. (An endpoint's error, asked for as HTML, is
		// SvelteKit's static error template: text and a style, no script, so no policy to carry.)
		const body = (h['content-type'] ?? '').startsWith('text/html') ? await res.text() : '';
		if (body.includes('<script')) {
			const csp = h['content-security-policy'] ?? '';
			expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
			expect(csp, `${what}: CSP`).toContain("object-src 'none'");
			const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
			expect(scriptSrc, `${what}: script-src`).toMatch(/'nonce-[^']+'/);
			expect(scriptSrc, `${what}: script-src`).not.toContain('unsafe-inline');
			expect(scriptSrc, `${what}: script-src`).not.toContain('unsafe-eval');
			// Every inline script on the page carries this response's nonce.
			const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
			for (const tag of body.match(/<script\b[^>]*>/g) ?? [])
				if (!/\bsrc=/.test(tag)) expect(tag, what).toContain(`nonce="${nonce}"`);
		}
	}
	expect(await responses[0]![1].text()).toContain('<script');
	expect(
		await responses[5]![1].text(),
		'the 404 page is a SvelteKit page with its policy'
	).toContain('<script');
	expect(responses[2]![1].headers()['content-disposition']).toContain('attachment');
	expect(responses[2]![1].headers()['cache-control']).toBe('no-store');
});

// ——— the session cookie ———

function sessionCookie(res: APIResponse): string {
	const cookie = res
		.headersArray()
		.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('wc_session='));
	expect(cookie, 'a session cookie is set').toBeTruthy();
	return cookie!.value;
}

test('over plain http the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure, even if a client claims https', async () => {
	const claims: Record<string, string>[] = [
		{},
		{ 'x-forwarded-proto': 'https', 'x-workshop-companion-protocol': 'https' }
	];
	for (const headers of claims) {
		const ctx = await context();
		const res = await ctx.post('/signup', {
			form: { name: 'Plain', email: uniqueEmail(), password: PASSWORD },
			headers,
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		const cookie = sessionCookie(res);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
		// A venue LAN is plain http: a Secure cookie would never come back and nobody could sign in.
		expect(cookie).not.toMatch(/;\s*Secure/i);
		await ctx.dispose();
	}
});

test('behind a TLS proxy (PROTOCOL_HEADER=x-forwarded-proto) the session cookie is also Secure', async () => {
	const proxied = new OwnServer(base + 62, { PROTOCOL_HEADER: 'x-forwarded-proto' });
	await proxied.start();
	try {
		const origin = `https://localhost:${proxied.port}`;
		const ctx = await http.newContext({
			baseURL: proxied.url,
			extraHTTPHeaders: { origin, 'x-forwarded-proto': 'https', accept: 'text/html' }
		});
		const res = await ctx.post('/signup', {
			form: { name: 'Proxied', email: uniqueEmail(), password: PASSWORD },
			maxRedirects: 0
		});
		expect(res.status(), await res.text()).toBe(303);
		const cookie = sessionCookie(res);
		expect(cookie).toMatch(/;\s*Secure/i);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		await ctx.dispose();
	} finally {
		await proxied.stop();
	}
});

// ——— sign-in and sign-up limits ———

test('sign-in: 8 wrong passwords, then the right one signs in from the browser that signed in before; strangers wait; sign-up limited per address', async () => {
	test.setTimeout(90_000);
	const limited = new OwnServer(base + 63, { SIGNUP_LIMIT_PER_HOUR: '3' });
	await limited.start();
	try {
		const browser = () =>
			http.newContext({
				baseURL: limited.url,
				extraHTTPHeaders: { origin: limited.url, accept: 'text/html' }
			});
		// The trainer's own browser: it made the account, so the account knows it.
		const ctx = await browser();
		const email = uniqueEmail();
		expect(
			(
				await ctx.post('/signup', {
					form: { name: 'Limit', email, password: PASSWORD },
					maxRedirects: 0
				})
			).status()
		).toBe(303);
		expect((await ctx.post('/logout', { form: {}, maxRedirects: 0 })).status()).toBe(303);
		// A stranger on the same network guesses 8 times: the first few are answered "wrong", then
		// each guess waits longer (delays, not a lockout).
		const stranger = await browser();
		const answers: string[] = [];
		for (let i = 0; i < 8; i++) {
			const res = await stranger.post('/login', {
				form: { email, password: `wrong password ${i}` },
				maxRedirects: 0
			});
			const text = await res.text();
			if (res.status() === 400 && text.includes('Email or password is wrong.'))
				answers.push('wrong');
			else if (
				res.status() === 429 &&
				/Too many wrong passwords for this account\. Try again in \d+ seconds?\./.test(text)
			)
				answers.push('wait');
			else answers.push(`${res.status()}`);
		}
		expect(answers.slice(0, 5)).toEqual(Array(5).fill('wrong'));
		expect(answers).toContain('wait');
		expect(answers.every((a) => a === 'wrong' || a === 'wait')).toBe(true);
		// The stranger's browser, even with the right password, is told to wait a moment…
		const strangerRight = await stranger.post('/login', {
			form: { email, password: PASSWORD },
			maxRedirects: 0
		});
		expect(strangerRight.status()).toBe(429);
		// …while the trainer's own browser signs straight in.
		const back = await ctx.post('/login', { form: { email, password: PASSWORD }, maxRedirects: 0 });
		expect(back.status(), await back.text()).toBe(303);
		expect(locationOf(back)).toBe('/trainer');
		expect((await ctx.get('/trainer', { maxRedirects: 0 })).status()).toBe(200);
		// A forged known-device cookie is ignored (the stranger still waits).
		const forged = await browser();
		const forgedRes = await forged.post('/login', {
			form: { email, password: PASSWORD },
			headers: { cookie: 'wc_device=abc.def.ghi' },
			maxRedirects: 0
		});
		expect(forgedRes.status()).toBe(429);
		// Another account from the same address is not slowed by it.
		const other = await stranger.post('/login', {
			form: { email: 'someone-else@example.org', password: 'wrong password' },
			maxRedirects: 0
		});
		expect(other.status()).toBe(400);
		await forged.dispose();
		const fresh = stranger;

		// Sign-ups: 3 per hour here (SIGNUP_LIMIT_PER_HOUR), one used above.
		// Each from a signed-out browser (a signed-in one is sent to its dashboard whatever happened).
		const signUp = async () => {
			const one = await http.newContext({
				baseURL: limited.url,
				extraHTTPHeaders: { origin: limited.url, accept: 'text/html' }
			});
			const res = await one.post('/signup', {
				form: { name: 'More', email: uniqueEmail(), password: PASSWORD },
				maxRedirects: 0
			});
			const out = { status: res.status(), text: await res.text() };
			await one.dispose();
			return out;
		};
		for (let i = 0; i < 2; i++) expect((await signUp()).status).toBe(303);
		const tooMany = await signUp();
		expect(tooMany.status).toBe(429);
		expect(tooMany.text).toMatch(
			/Too many sign-ups from this device\. Try again in \d+ minutes?\./
		);
		await ctx.dispose();
		await fresh.dispose();
	} finally {
		await limited.stop();
	}
});
