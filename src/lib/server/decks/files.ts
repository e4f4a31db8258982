import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DeckInfo } from '$lib/shared/slides';
import { databasePath } from '../store';
import { appRoot } from '../paths';
import { checkDeck, MAX_DECK_BYTES, tooBig } from './check';

/**
 * Decks live beside the database (data/decks/<sha256>.pdf): one copy per content, shared by every
 * agenda naming it. DECKS_DIR moves them: in organisation mode, a folder every node shares.
 */
export function decksDir(): string {
	if (process.env.DECKS_DIR) return process.env.DECKS_DIR;
	const db = databasePath();
	return join(db === ':memory:' ? join(appRoot(), 'data') : dirname(db), 'decks');
}

const HASH = /^[0-9a-f]{64}$/;

/** The file of a stored deck, or null for anything that is not a hash of one (never a path from outside). */
export function deckPath(hash: string): string | null {
	if (!HASH.test(hash)) return null;
	const path = join(decksDir(), `${hash}.pdf`);
	return existsSync(path) ? path : null;
}

/** A file name shown to trainers: the base name, printable, short. */
export function cleanDeckName(raw: string | null | undefined): string {
	const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
	const name = [...base]
		.filter((c) => c >= ' ' && c !== '\u007f')
		.join('')
		.trim()
		.slice(0, 120);
	return name || 'deck.pdf';
}

export type StoreResult = { ok: true; deck: DeckInfo } | { ok: false; error: string };

/** Checks a PDF and keeps it by content hash; written to a temporary name first so no half file is ever named. */
export async function storeDeck(bytes: Uint8Array, name: string): Promise<StoreResult> {
	const checked = await checkDeck(bytes);
	if (!checked.ok) return checked;
	const hash = createHash('sha256').update(bytes).digest('hex');
	const dir = decksDir();
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `${hash}.pdf`);
	if (!existsSync(path)) {
		const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
		writeFileSync(tmp, bytes);
		renameSync(tmp, path);
	}
	return {
		ok: true,
		deck: { hash, pages: checked.pages, bytes: bytes.byteLength, name: cleanDeckName(name) }
	};
}

/** The answer to a file of 0 bytes (often a copy still syncing, or a failed export). */
export const emptyFile = (kind: string) =>
	`That file is empty (0 bytes). Check it opens on your computer, then choose the ${kind} again.`;

export type UploadRead =
	{ ok: true; bytes: Uint8Array } | { ok: false; status: number; error: string };

/**
 * Reads a request body of at most MAX_DECK_BYTES: a declared Content-Length over it is refused before
 * a byte is read, and a body without one (chunked) is counted as it streams and dropped once over.
 */
export async function readUpload(request: Request, limit = MAX_DECK_BYTES): Promise<UploadRead> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > limit)
		return { ok: false, status: 413, error: tooBig() };
	// An empty file arrives as a request without a body: say what happened, not that nothing came.
	if (declared === 0) return { ok: false, status: 400, error: emptyFile('PDF') };
	if (!request.body)
		return { ok: false, status: 400, error: 'No file arrived. Choose a PDF and try again.' };
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		// Stop reading, but do not cancel: the adapter would destroy the connection before the answer
		// is sent. Node discards the rest once the answer is out; the sender sees the answer and stops.
		if (total > limit) {
			reader.releaseLock();
			return { ok: false, status: 413, error: tooBig() };
		}
		chunks.push(value);
	}
	if (total === 0) return { ok: false, status: 400, error: emptyFile('PDF') };
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.byteLength;
	}
	return { ok: true, bytes };
}
