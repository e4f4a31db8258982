import { describe, expect, it } from 'vitest';
import {
	classify,
	MemoryStorage,
	newInputId,
	OutboxCore,
	outboxKey,
	type OutboxItem,
	type SubmitAck
} from '$lib/client/outbox-core';

/** A transport whose answers the test gives, one call at a time. */
class FakeServer {
	calls: OutboxItem[] = [];
	#pending: ((ack: SubmitAck) => void)[] = [];
	/** Answers given at once, in order; when empty, calls wait for `answer()`. */
	script: SubmitAck[] = [];
	send = (item: OutboxItem): Promise<SubmitAck> => {
		this.calls.push(structuredClone(item));
		const next = this.script.shift();
		if (next !== undefined) return Promise.resolve(next);
		return new Promise((resolve) => this.#pending.push(resolve));
	};
	answer(ack: SubmitAck) {
		this.#pending.shift()?.(ack);
	}
	get waiting() {
		return this.#pending.length;
	}
}

const ok = (duplicate = false): SubmitAck => ({ ok: true, data: { duplicate } });
const tick = () => new Promise((r) => setTimeout(r, 0));

function outbox(
	server: FakeServer,
	storage = new MemoryStorage(),
	opts: { retryDelay?: () => number } = {}
) {
	let n = 0;
	return new OutboxCore({
		storage,
		key: outboxKey('ABC123', 'p1'),
		transport: server,
		newId: () => `id${++n}`,
		retryDelay: opts.retryDelay ?? (() => 1)
	});
}

describe('outbox core', () => {
	it('keeps an input in storage before the first send, and removes it only on the ack', async () => {
		const server = new FakeServer();
		const storage = new MemoryStorage();
		const box = outbox(server, storage);
		box.setOnline(true);
		const { item, done } = box.enqueue('run1', { kind: 'add', text: 'hello' });
		const stored = JSON.parse(storage.getItem(outboxKey('ABC123', 'p1'))!);
		expect(stored.items).toEqual([item]);
		await tick();
		expect(server.calls).toHaveLength(1);
		server.answer(ok());
		expect(await done).toEqual({ ok: true, duplicate: false });
		expect(storage.getItem(outboxKey('ABC123', 'p1'))).toBeNull();
		expect(box.items).toEqual([]);
	});

	it('sends in order, one at a time', async () => {
		const server = new FakeServer();
		const box = outbox(server);
		box.setOnline(true);
		const a = box.enqueue('run1', 'a');
		const b = box.enqueue('run1', 'b');
		const c = box.enqueue('run1', 'c');
		await tick();
		expect(server.calls.map((i) => i.input)).toEqual(['a']);
		server.answer(ok());
		await a.done;
		await tick();
		expect(server.calls.map((i) => i.input)).toEqual(['a', 'b']);
		server.answer(ok());
		await b.done;
		await tick();
		server.answer(ok());
		await c.done;
		expect(server.calls.map((i) => i.input)).toEqual(['a', 'b', 'c']);
	});

	it('waits while offline, then sends with the id it was given', async () => {
		const server = new FakeServer();
		server.script = [ok()];
		const box = outbox(server);
		const { item, done } = box.enqueue('run1', 'offline answer');
		await tick();
		expect(server.calls).toHaveLength(0);
		expect(box.items).toHaveLength(1);
		box.setOnline(true);
		expect(await done).toEqual({ ok: true, duplicate: false });
		expect(server.calls.map((i) => i.id)).toEqual([item.id]);
	});

	it('retries a timeout with the same id, and never drops it for a timeout', async () => {
		const server = new FakeServer();
		server.script = [
			'timeout',
			'timeout',
			{ ok: false, error: 'Something went wrong on our side.', code: 'server' },
			ok(true)
		];
		const box = outbox(server);
		box.setOnline(true);
		const { item, done } = box.enqueue('run1', 'x');
		expect(await done).toEqual({ ok: true, duplicate: true });
		expect(server.calls.map((i) => i.id)).toEqual([item.id, item.id, item.id, item.id]);
	});

	it('a dropped connection mid-send resends the same id when back, and ignores the late answer', async () => {
		const server = new FakeServer();
		const box = outbox(server);
		box.setOnline(true);
		const { item, done } = box.enqueue('run1', 'x');
		await tick();
		box.setOnline(false);
		server.answer(ok()); // the old connection's answer, too late to count
		await tick();
		expect(box.items).toHaveLength(1);
		box.setOnline(true);
		await tick();
		expect(server.calls.map((i) => i.id)).toEqual([item.id, item.id]);
		server.answer(ok(true));
		expect(await done).toEqual({ ok: true, duplicate: true });
	});

	it('survives a reload: a new instance over the same storage sends what was kept, same id', async () => {
		const storage = new MemoryStorage();
		const before = outbox(new FakeServer(), storage);
		const { item } = before.enqueue('run1', { kind: 'add', text: 'typed on the train' });
		before.dispose(); // the page goes away before it was ever online

		const server = new FakeServer();
		server.script = [ok()];
		const settled: string[] = [];
		const after = new OutboxCore({
			storage,
			key: outboxKey('ABC123', 'p1'),
			transport: server,
			onSettled: (i) => settled.push(i.id)
		});
		expect(after.items).toEqual([item]);
		const waiting = after.whenSettled(item.id);
		after.setOnline(true);
		expect(await waiting).toEqual({ ok: true, duplicate: false });
		expect(server.calls).toEqual([item]);
		expect(settled).toEqual([item.id]);
		expect(after.items).toEqual([]);
	});

	it('drops an input on a definite refusal, says why, and carries on with the next', async () => {
		const server = new FakeServer();
		server.script = [
			{ ok: false, error: 'Type an answer before adding it.', code: 'invalid' },
			{ ok: false, error: 'That activity has finished; the trainer has moved on.', code: 'closed' },
			ok()
		];
		const box = outbox(server);
		box.setOnline(true);
		const a = box.enqueue('run1', '');
		const b = box.enqueue('run0', 'late');
		const c = box.enqueue('run1', 'fine');
		expect(await a.done).toEqual({
			ok: false,
			error: 'Type an answer before adding it.',
			code: 'invalid'
		});
		expect(await b.done).toMatchObject({ ok: false, code: 'closed' });
		expect(await c.done).toEqual({ ok: true, duplicate: false });
		expect(box.items).toEqual([]);
	});

	it('keeps an input the server cannot take yet (no seat bound, rate limited)', async () => {
		const server = new FakeServer();
		server.script = [
			{ ok: false, error: 'Join the session first.', code: 'unauthenticated' },
			{ ok: false, error: 'You are sending very quickly.', code: 'rate-limited' },
			ok()
		];
		const box = outbox(server);
		box.setOnline(true);
		const { done } = box.enqueue('run1', 'x');
		expect(await done).toEqual({ ok: true, duplicate: false });
		expect(server.calls).toHaveLength(3);
	});

	it('discardAll refuses everything waiting (room closed)', async () => {
		const box = outbox(new FakeServer());
		const a = box.enqueue('run1', 'a');
		box.discardAll('The session is closed.');
		expect(await a.done).toEqual({ ok: false, error: 'The session is closed.', code: 'closed' });
		expect(box.items).toEqual([]);
	});

	it('works without storage (private mode), in memory', async () => {
		const server = new FakeServer();
		server.script = [ok()];
		const box = new OutboxCore({ storage: null, key: 'k', transport: server });
		const { done } = box.enqueue('run1', 'x');
		expect(box.items).toHaveLength(1);
		box.setOnline(true);
		expect(await done).toEqual({ ok: true, duplicate: false });
	});

	it('classifies answers and makes ids without randomUUID', () => {
		expect(classify('timeout').kind).toBe('retry');
		expect(classify({ ok: false, error: 'x', code: 'server' }).kind).toBe('retry');
		expect(classify({ ok: false, error: 'x' }).kind).toBe('retry');
		expect(classify({ ok: false, error: 'x', code: 'removed' }).kind).toBe('refused');
		expect(classify({ ok: true, data: { duplicate: true } })).toEqual({
			kind: 'acked',
			duplicate: true
		});
		const id = newInputId();
		expect(id).toMatch(/^[0-9a-f]{32}$/);
		expect(newInputId()).not.toBe(id);
	});
});
