import { getContext, setContext, untrack } from 'svelte';
import type { SendResult } from '$lib/activities/shared/send-status.svelte';

const SCOPE = Symbol('draft-scope');

/**
 * Where drafts of the activity on screen are kept: room, participant and run. Set once by the
 * phone's activity view; every `Draft` made inside it reads it.
 */
export function setDraftScope(scope: () => string | null): void {
	setContext(SCOPE, scope);
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/**
 * Text being typed on a phone, mirrored to localStorage (keyed by room, participant, run and field)
 * so a screen lock, a tab the phone killed, or a reload brings it back. Make it in a component's
 * script (it reads the draft scope from the context) and bind its `value`.
 *
 * Once the text is sent it belongs to the outbox, which keeps it until the server has it, so
 * `sent()` drops the stored copy (a reload then shows no stale draft beside the queued input) and
 * stores it again only if the server refuses it.
 *
 * A text several people edit also keeps `base`, the saved version the text was typed over: after a
 * reload the phone compares it with the server's, so a colleague's newer text is never overwritten
 * by a draft its person has not seen against it.
 */
export class Draft {
	key: string | null = null;
	/** True when the text came back from storage rather than from `initial`. */
	restored = false;
	#scope: string | null;
	#value = $state('');
	#base: number | null = null;

	constructor(field: string, initial = '') {
		this.#scope = getContext<(() => string | null) | undefined>(SCOPE)?.() ?? null;
		this.use(field, initial);
	}

	/** Follows another field (a new round): its stored draft if there is one, else `initial`. */
	use(field: string, initial = ''): void {
		this.key = this.#scope ? `wc.draft.${this.#scope}.${field}` : null;
		const stored = this.key ? (storage()?.getItem(this.key) ?? null) : null;
		this.restored = stored !== null;
		this.#value = stored ?? initial;
		const base = stored !== null ? Number(storage()?.getItem(this.#baseKey) ?? NaN) : NaN;
		this.#base = Number.isInteger(base) ? base : null;
	}

	/**
	 * The saved version (a revision number) the text was typed over, kept with it; null when there
	 * is none or a draft was stored without one. Set it before the text it goes with.
	 */
	get base(): number | null {
		return this.#base;
	}
	set base(rev: number | null) {
		// Set on every keystroke (the text's own write stores it): only a move is stored here.
		if (rev === this.#base) return;
		this.#base = rev;
		// A draft already kept moves onto the new base with it (our own save came back meanwhile).
		// (Untracked: an effect that moves the base must not rerun on every keystroke.)
		if (this.key && storage()?.getItem(this.key)) this.#store(untrack(() => this.#value));
	}

	get #baseKey(): string {
		return `${this.key}@base`;
	}

	get value(): string {
		return this.#value;
	}
	set value(text: string) {
		this.#value = text;
		this.#store(text);
	}

	/** Shows new text (from the server, or '' after a save) without keeping it as a draft. */
	reset(text = ''): void {
		this.#value = text;
		this.#store('');
	}

	/** Follows the send of this text: the stored draft goes now, and comes back only on a refusal. */
	async sent(sending: Promise<SendResult>): Promise<SendResult> {
		this.#store('');
		const result = await sending;
		if (!result.ok) this.#store(this.#value);
		return result;
	}

	#store(text: string) {
		if (!this.key) return;
		try {
			const s = storage();
			if (text) s?.setItem(this.key, text);
			else s?.removeItem(this.key);
			if (text && this.#base !== null) s?.setItem(this.#baseKey, String(this.#base));
			else s?.removeItem(this.#baseKey);
		} catch {
			// Storage full or off: the draft lives as long as the page.
		}
	}
}
