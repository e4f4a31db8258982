import { describe, expect, it } from 'vitest';
import { QueuedWrites, type Op } from '$lib/server/store/queue';
import type { InputRow } from '$lib/server/store/types';

/** Commits at once, and cuts each batch as soon as something is queued: the queue's order alone. */
class InstantWrites extends QueuedWrites {
	protected wait(): number {
		return 0;
	}
	protected async commitBatch(_batch: Op[]): Promise<Map<Op, unknown>> {
		return new Map();
	}
}

const row = (id: string) => ({ roomId: 'r', clientInputId: id }) as unknown as InputRow;

function busy(ms: number): void {
	const end = performance.now() + ms;
	while (performance.now() < end);
}

describe('the write queue in a long turn of the event loop', () => {
	it('runs announcements kept waiting past 20 ms before the next batch is acknowledged, not at the turn’s end', async () => {
		const writes = new InstantWrites();
		const order: string[] = [];
		let turnOver = false;
		setImmediate(() => (turnOver = true));
		const first = writes.input('r', row('a'));
		writes.afterCommit(() => order.push(turnOver ? 'announced after the turn' : 'announced'));
		await first;
		// The announcement is committed and waits for a turn of its own; the poll phase reads on.
		await Promise.resolve();
		await Promise.resolve();
		busy(25);
		await writes.input('r', row('b')).then(() => order.push('b acknowledged'));
		expect(order).toEqual(['announced', 'b acknowledged']);
		expect(turnOver).toBe(false);
		await writes.drain();
	});

	it('keeps announcements after the acks of their own batch when the turn is short', async () => {
		const writes = new InstantWrites();
		const order: string[] = [];
		const first = writes.input('r', row('a')).then(() => order.push('a acknowledged'));
		writes.afterCommit(() => order.push('announced'));
		const second = writes.input('r', row('b')).then(() => order.push('b acknowledged'));
		await Promise.all([first, second]);
		await writes.drain();
		expect(order).toEqual(['a acknowledged', 'b acknowledged', 'announced']);
	});
});

/** Commits at once; the rows whose clientInputId starts with "bad" fail. */
class FailingWrites extends InstantWrites {
	protected async commitBatch(batch: Op[]): Promise<Map<Op, unknown>> {
		const failures = new Map<Op, unknown>();
		for (const op of batch)
			if (op.input?.clientInputId.startsWith('bad')) failures.set(op, new Error('disk full'));
		return failures;
	}
}

describe('inputThen: an input answered by callback once committed', () => {
	it('calls back after the commit, in order, with the failure of a write that failed', async () => {
		const writes = new FailingWrites();
		const order: string[] = [];
		const inputs = ['a', 'bad-b', ...Array.from({ length: 40 }, (_, i) => `n${i}`)];
		for (const id of inputs)
			writes.inputThen('r', row(id), (err) =>
				order.push(err === undefined ? id : `${id}: ${(err as Error).message}`)
			);
		// Nothing is answered before its batch is committed.
		expect(order).toEqual([]);
		// Once drained, every callback has run, in the order queued.
		await writes.drain();
		expect(order).toEqual(['a', 'bad-b: disk full', ...inputs.slice(2)]);
	});
});
