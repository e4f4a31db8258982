/**
 * The phone's outbox, without any framework: plain TypeScript so the browser (through the runes
 * wrapper in `outbox.svelte.ts`) and Node (the chaos test's simulated phones) run the same logic.
 *
 * Every input gets its id once, is written to storage before the first attempt to send it, is sent
 * in order (one at a time) while online, is retried with the SAME id after a timeout, a dropped
 * connection or a reload, and leaves the outbox only when the server acknowledges it (saved or
 * duplicate) or refuses it for good (invalid, activity closed, seat removed). The server treats a
 * repeated id in the same run as a duplicate, so a retry is never counted twice.
 */

export interface OutboxItem {
	/** The input id the server dedupes on; made once, never changed. */
	id: string;
	runId: string;
	input: unknown;
	/** When it was made (ms since epoch). */
	at: number;
}

/** The server's answer to one `activity:submit`, or `'timeout'` when none came. */
export type SubmitAck =
	| { ok: true; data: { duplicate: boolean } }
	| { ok: false; error: string; code?: string }
	| 'timeout';

export type Outcome =
	| { kind: 'acked'; duplicate: boolean }
	/** A definite refusal: sending it again would get the same answer. */
	| { kind: 'refused'; error: string; code?: string }
	/** Not answered or not answerable now: keep it and try again with the same id. */
	| { kind: 'retry'; error: string; code?: string };

export type Settled =
	{ ok: true; duplicate: boolean } | { ok: false; error: string; code?: string };

export interface OutboxTransport {
	send(item: OutboxItem): Promise<SubmitAck>;
}

/** The part of `localStorage` the outbox uses (a Map-backed stand-in in Node). */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Error codes that mean "this input will never be accepted": drop it and say why. */
const REFUSED = new Set(['invalid', 'closed', 'not-found', 'removed', 'forbidden']);

export const NO_ANSWER = 'No answer from the server yet. It is kept on this phone and sent again.';

/** What to do with an answer: ok (saved or duplicate) and definite refusals settle; anything else is retried. */
export function classify(ack: SubmitAck): Outcome {
	if (ack === 'timeout') return { kind: 'retry', error: NO_ANSWER };
	if (ack.ok) return { kind: 'acked', duplicate: ack.data.duplicate };
	if (ack.code && REFUSED.has(ack.code))
		return { kind: 'refused', error: ack.error, code: ack.code };
	// 'unauthenticated' (the seat is not bound yet), 'rate-limited', 'server', or no code at all.
	return { kind: 'retry', error: ack.error, code: ack.code };
}

/** 128 random bits as hex. (crypto.randomUUID needs a secure context; venue LANs are plain http.) */
export function newInputId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
}

export function outboxKey(roomCode: string, participantId: string): string {
	return `wc.outbox.${roomCode}.${participantId}`;
}

export interface OutboxOptions {
	/** localStorage, or null when there is none (then the outbox lives as long as the page). */
	storage: KeyValueStorage | null;
	/** See `outboxKey`: one outbox per room and participant; each item carries its run. */
	key: string;
	transport: OutboxTransport;
	newId?: () => string;
	/** Wait before retrying after a failed attempt while still online (attempt counts from 1). */
	retryDelay?: (attempt: number, outcome: Outcome) => number;
	/** Called after every change of the items or of the online flag. */
	onChange?: () => void;
	/** Called once per item when it leaves the outbox (also for items restored after a reload). */
	onSettled?: (item: OutboxItem, result: Settled) => void;
}

const INTERRUPTED = Symbol('interrupted');

function defaultDelay(attempt: number, outcome: Outcome): number {
	const base = outcome.kind === 'retry' && outcome.code === 'rate-limited' ? 3000 : 500;
	return Math.min(15_000, base * 2 ** Math.min(attempt - 1, 5)) * (0.75 + Math.random() * 0.5);
}

export class OutboxCore {
	readonly key: string;
	#storage: KeyValueStorage | null;
	#memory: OutboxItem[] = [];
	#transport: OutboxTransport;
	#newId: () => string;
	#retryDelay: (attempt: number, outcome: Outcome) => number;
	#onChange: () => void;
	#onSettled: (item: OutboxItem, result: Settled) => void;
	#waiters = new Map<string, (result: Settled) => void>();
	#online = false;
	#flushing = false;
	#disposed = false;
	#sendingId: string | null = null;
	#lastError = '';
	/** Resolved (and replaced) whenever the connection drops or the outbox is disposed. */
	#interrupt!: Promise<typeof INTERRUPTED>;
	#fireInterrupt!: () => void;

	constructor(opts: OutboxOptions) {
		this.key = opts.key;
		this.#storage = opts.storage;
		this.#transport = opts.transport;
		this.#newId = opts.newId ?? newInputId;
		this.#retryDelay = opts.retryDelay ?? defaultDelay;
		this.#onChange = opts.onChange ?? (() => {});
		this.#onSettled = opts.onSettled ?? (() => {});
		this.#armInterrupt();
	}

	/** What is waiting, oldest first (read from storage, so another tab's items count too). */
	get items(): readonly OutboxItem[] {
		return this.#load();
	}
	get online(): boolean {
		return this.#online;
	}
	/** The id being sent right now, if any. */
	get sendingId(): string | null {
		return this.#sendingId;
	}
	/** Why the last attempt did not settle ('' after a success). */
	get lastError(): string {
		return this.#lastError;
	}

	/**
	 * Keeps one input and starts sending it if online. The item is in storage before this returns,
	 * so a reload or a crash of the page cannot lose it. `done` settles on ack or refusal only.
	 */
	enqueue(
		runId: string,
		input: unknown,
		id = this.#newId()
	): { item: OutboxItem; done: Promise<Settled> } {
		const item: OutboxItem = { id, runId, input, at: Date.now() };
		const done = new Promise<Settled>((resolve) => this.#waiters.set(id, resolve));
		const items = this.#load();
		if (!items.some((i) => i.id === id)) this.#save([...items, item]);
		this.#onChange();
		void this.flush();
		return { item, done };
	}

	/** A promise for an item already in the outbox (restored after a reload), or null. */
	whenSettled(id: string): Promise<Settled> | null {
		if (!this.#load().some((i) => i.id === id)) return null;
		return new Promise((resolve) => {
			const previous = this.#waiters.get(id);
			this.#waiters.set(id, (r) => {
				previous?.(r);
				resolve(r);
			});
		});
	}

	/** The seat is ready (resumed) or gone: sending starts at once, or stops and waits. */
	setOnline(online: boolean): void {
		if (this.#disposed || online === this.#online) return;
		this.#online = online;
		if (!online) this.#fire();
		this.#onChange();
		if (online) void this.flush();
	}

	/**
	 * Ends every waiting item with one refusal (the room closed, the seat was removed): nothing in
	 * it can be delivered any more.
	 */
	discardAll(error: string, code = 'closed'): void {
		const items = this.#load();
		this.#save([]);
		for (const item of items) this.#settle(item, { ok: false, error, code });
		this.#onChange();
	}

	/** Stops sending (the page is going away); what is stored stays for the next page. */
	dispose(): void {
		this.#disposed = true;
		this.#online = false;
		this.#fire();
	}

	/** Sends what is waiting, in order, one at a time, while online. Safe to call any time. */
	async flush(): Promise<void> {
		if (this.#flushing || this.#disposed) return;
		this.#flushing = true;
		let attempt = 0;
		try {
			while (this.#online && !this.#disposed) {
				const item = this.#load()[0];
				if (!item) break;
				const interrupt = this.#interrupt;
				this.#sendingId = item.id;
				this.#onChange();
				const answer = await Promise.race([
					this.#transport.send(item).catch((): SubmitAck => 'timeout'),
					interrupt
				]);
				this.#sendingId = null;
				// Offline meanwhile: a late answer is ignored; the same id goes again when back.
				if (answer === INTERRUPTED || !this.#online) break;
				const outcome = classify(answer);
				if (outcome.kind === 'retry') {
					attempt += 1;
					this.#lastError = outcome.error;
					this.#onChange();
					const waited = await Promise.race([sleep(this.#retryDelay(attempt, outcome)), interrupt]);
					if (waited === INTERRUPTED) break;
					continue;
				}
				attempt = 0;
				this.#lastError = '';
				this.#save(this.#load().filter((i) => i.id !== item.id));
				this.#settle(
					item,
					outcome.kind === 'acked'
						? { ok: true, duplicate: outcome.duplicate }
						: { ok: false, error: outcome.error, code: outcome.code }
				);
				this.#onChange();
			}
		} finally {
			this.#flushing = false;
			this.#sendingId = null;
		}
		// Back online while the loop was winding down: start again.
		if (this.#online && !this.#disposed && this.#load().length > 0) void this.flush();
	}

	#settle(item: OutboxItem, result: Settled) {
		const waiter = this.#waiters.get(item.id);
		this.#waiters.delete(item.id);
		waiter?.(result);
		this.#onSettled(item, result);
	}

	#armInterrupt() {
		this.#interrupt = new Promise((resolve) => (this.#fireInterrupt = () => resolve(INTERRUPTED)));
	}

	#fire() {
		this.#fireInterrupt();
		this.#armInterrupt();
	}

	#load(): OutboxItem[] {
		if (!this.#storage) return this.#memory;
		try {
			const raw = this.#storage.getItem(this.key);
			if (!raw) return [];
			const parsed = JSON.parse(raw) as { items?: unknown };
			return Array.isArray(parsed.items) ? (parsed.items as OutboxItem[]).filter(isItem) : [];
		} catch {
			return this.#memory;
		}
	}

	#save(items: OutboxItem[]) {
		this.#memory = items;
		if (!this.#storage) return;
		try {
			if (items.length) this.#storage.setItem(this.key, JSON.stringify({ v: 1, items }));
			else this.#storage.removeItem(this.key);
		} catch {
			// Storage full or switched off: from now on the items live in memory, as long as the page.
			this.#storage = null;
		}
	}
}

function isItem(value: unknown): value is OutboxItem {
	const v = value as Partial<OutboxItem> | null;
	return !!v && typeof v.id === 'string' && typeof v.runId === 'string' && 'input' in v;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A Map-backed storage for Node and tests. */
export class MemoryStorage implements KeyValueStorage {
	#map = new Map<string, string>();
	getItem(key: string): string | null {
		return this.#map.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.#map.set(key, value);
	}
	removeItem(key: string): void {
		this.#map.delete(key);
	}
}
