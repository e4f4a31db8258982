import WebSocket from 'ws';

/**
 * A socket.io client at the wire level (engine.io v4 over WebSocket), for payloads the real client
 * cannot encode: socket.io-client walks every payload recursively looking for binary data, so it
 * overflows its own stack on 10,000 nested arrays before anything is sent. Here the frame is text
 * we build ourselves, exactly as an attacker's script would.
 */
export class RawSocket {
	#ws: WebSocket;
	#nextId = 1;
	#acks = new Map<number, (args: unknown[]) => void>();
	readonly closed: Promise<void>;

	private constructor(ws: WebSocket) {
		this.#ws = ws;
		this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
		ws.on('message', (data) => {
			const text = data.toString();
			if (text === '2') return ws.send('3'); // engine.io ping → pong
			const ack = /^43(\d+)(.*)$/s.exec(text);
			if (ack) {
				const done = this.#acks.get(Number(ack[1]));
				this.#acks.delete(Number(ack[1]));
				done?.(JSON.parse(ack[2]!) as unknown[]);
			}
		});
	}

	static async connect(url: string, { cookie }: { cookie?: string } = {}): Promise<RawSocket> {
		const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
			headers: cookie ? { cookie } : {}
		});
		const socket = new RawSocket(ws);
		await new Promise<void>((resolve, reject) => {
			const onMessage = (data: WebSocket.RawData) => {
				const text = data.toString();
				if (text.startsWith('0{'))
					ws.send('40'); // engine.io open → socket.io connect to "/"
				else if (text.startsWith('40')) {
					ws.off('message', onMessage);
					resolve();
				} else if (text.startsWith('44')) reject(new Error(`connect refused: ${text}`));
			};
			ws.on('message', onMessage);
			ws.once('error', reject);
		});
		return socket;
	}

	/** Sends `42<id>["event",<payloadJson>]` and resolves with the acknowledgement's first argument. */
	emitJson(event: string, payloadJson: string, timeoutMs = 5000): Promise<unknown> {
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`no ack for ${event} within ${timeoutMs} ms`)),
				timeoutMs
			);
			this.#acks.set(id, (args) => {
				clearTimeout(timer);
				resolve(args[0]);
			});
			this.#ws.send(`42${id}[${JSON.stringify(event)},${payloadJson}]`);
		});
	}

	close(): void {
		this.#ws.close();
	}
}

/** A payload part nested `levels` deep, written as text (JSON.stringify and the client would recurse). */
export class Deep {
	constructor(
		readonly kind: 'array' | 'object',
		readonly levels: number
	) {}
	toJSON(): never {
		throw new Error('encode Deep with encode()');
	}
}

/** JSON for a payload whose parts may be Deep: shallow values by JSON.stringify, deep ones by repetition. */
export function encode(value: unknown): string {
	if (value instanceof Deep) {
		return value.kind === 'array'
			? '['.repeat(value.levels) + ']'.repeat(value.levels)
			: '{"a":'.repeat(value.levels) + '{}' + '}'.repeat(value.levels);
	}
	if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`)
			.join(',')}}`;
	}
	return value === undefined ? 'null' : JSON.stringify(value);
}

/** Whether a payload has a Deep part somewhere near its top. */
export function hasDeep(value: unknown, depth = 0): boolean {
	if (value instanceof Deep) return true;
	if (depth > 4 || !value || typeof value !== 'object') return false;
	return Object.values(value as Record<string, unknown>).some((v) => hasDeep(v, depth + 1));
}
