/**
 * Views sent as what changed. The server keeps the last view it sent on a stream (one phone, one
 * room's trainer screens) and sends the difference as a list of operations; the screen applies
 * them to the view it holds. A view is plain JSON data (objects, arrays, strings, numbers,
 * booleans, null), so equality is structural and a patch applied to the old view gives a value that
 * serialises exactly as the new one.
 *
 * Why: a group of four editing a pyramid changes one card per input, yet a whole view (every card
 * of the group, the steps, the limits) went to every phone on every change. Encoding those views
 * was most of the server's work in the group-editing benchmark; a patch is a few dozen bytes.
 */

export type PathKey = string | number;

/**
 * One operation, as compact JSON: `[0, path, value]` sets (adds or replaces) the value at `path`,
 * `[1, path]` deletes an object's key, `[2, path, length]` shortens an array.
 */
export type PatchOp = [0, PathKey[], unknown] | [1, PathKey[]] | [2, PathKey[], number];

/** The difference between two revisions of one stream: apply `ops` to revision `base` to get `rev`. */
export interface Patch {
	base: number;
	rev: number;
	ops: PatchOp[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The operations that turn `a` into `b`. Arrays are compared position by position: an appended
 * item is one `set`, an edited field one `set` of that field; removing an item in the middle sets
 * every item after it (rare in these views, and still correct). `undefined` counts as absent, as
 * in JSON.
 */
export function diff(a: unknown, b: unknown): PatchOp[] {
	return diffCopy(a, b).ops;
}

/**
 * The operations that turn `a` into `b`, and a deep copy of `b` made in the same pass (what the
 * server keeps as the last view sent: one walk over the view instead of a diff and then a copy).
 * The ops' values are parts of that copy; it is never changed, only replaced by the next one.
 */
export function diffCopy<T>(a: unknown, b: T): { ops: PatchOp[]; copy: T } {
	const ops: PatchOp[] = [];
	const copy = walk(a, b, [], ops) as T;
	return { ops, copy };
}

/**
 * Marks a part of a view as never changing again (deeply frozen). A type that keeps such parts
 * between views (one group's pyramid, rebuilt only when that group edits it) lets the diff skip
 * them: the last view sent holds the very same object, so nothing in it can differ, and it need
 * not be copied either.
 */
export function freeze<T>(value: T): T {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
	for (const v of Object.values(value)) freeze(v);
	return Object.freeze(value);
}

/**
 * `{ ...view, rev }` without the spread: in this V8 (Node 20) a spread followed by a new key
 * gives every object its own hidden class once the code is optimised (a map, descriptors and an
 * enum cache each, in the old generation), and views go out by the thousand.
 */
export function withRev<T extends object>(view: T, rev: number): T & { rev: number } {
	return Object.assign({}, view, { rev });
}

/** `path` is one shared stack, copied only into the ops it makes: most of a view is unchanged. */
function walk(a: unknown, b: unknown, path: PathKey[], ops: PatchOp[]): unknown {
	if (typeof b !== 'object' || b === null) {
		if (a !== b) ops.push([0, [...path], b]);
		return b;
	}
	// Only a frozen part is ever kept as itself (below), so only a frozen part can be the same object.
	if (a === b) return b;
	// A frozen part is kept as itself: it is compared, but no copy of it is built (and thrown away).
	if (Object.isFrozen(b)) {
		walkInto(a, b, path, ops, false);
		return b;
	}
	return walkInto(a, b, path, ops, true);
}

/** `copy`: build and return the copy of `b` (false under a frozen part, which is kept as it is). */
function walkInto(a: unknown, b: object, path: PathKey[], ops: PatchOp[], copy: boolean): unknown {
	if (Array.isArray(b)) {
		if (!Array.isArray(a)) return replaced(b, path, ops);
		const out = copy ? new Array(b.length) : undefined;
		const common = Math.min(a.length, b.length);
		for (let i = 0; i < common; i++) {
			path.push(i);
			const v = walk(a[i], b[i], path, ops);
			if (out) out[i] = v;
			path.pop();
		}
		if (b.length < a.length) ops.push([2, [...path], b.length]);
		for (let i = common; i < b.length; i++) {
			const v = clone(b[i]);
			if (out) out[i] = v;
			ops.push([0, [...path, i], v]);
		}
		return out;
	}
	if (!isObject(a)) return replaced(b, path, ops);
	const next = b as Record<string, unknown>;
	const out: Record<string, unknown> | undefined = copy ? {} : undefined;
	for (const key in a) {
		if (a[key] !== undefined && next[key] === undefined) ops.push([1, [...path, key]]);
	}
	for (const key in next) {
		const value = next[key];
		if (value === undefined) continue;
		const prev = a[key];
		let v: unknown;
		if (prev === undefined) {
			v = clone(value);
			ops.push([0, [...path, key], v]);
		} else {
			path.push(key);
			v = walk(prev, value, path, ops);
			path.pop();
		}
		if (out) out[key] = v;
	}
	return out;
}

function replaced(b: unknown, path: PathKey[], ops: PatchOp[]): unknown {
	const copy = Object.isFrozen(b) ? b : clone(b);
	ops.push([0, [...path], copy]);
	return copy;
}

/**
 * A deep copy of plain JSON data (undefined members dropped, as JSON would). The server keeps this
 * copy of what it sent, because a type's view may share objects with its state, which the reducer
 * changes in place: comparing against the shared object would find nothing changed.
 */
export function clone<T>(value: T): T {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
	if (Array.isArray(value)) {
		const out = new Array(value.length);
		for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
		return out as T;
	}
	const out: Record<string, unknown> = {};
	for (const key in value) {
		const v = (value as Record<string, unknown>)[key];
		if (v !== undefined) out[key] = clone(v);
	}
	return out as T;
}

/**
 * Applies `ops` to `target` in place and returns the result (a new value only when an op replaces
 * the root). `target` must be the caller's own copy: the ops' values are put into it as they are.
 */
export function applyPatch<T>(target: T, ops: readonly PatchOp[]): T {
	let root: unknown = target;
	for (const op of ops) {
		const path = op[1];
		if (path.length === 0) {
			if (op[0] === 0) root = op[2];
			else if (op[0] === 2 && Array.isArray(root)) root.length = op[2];
			continue;
		}
		let parent = root as Record<PathKey, unknown>;
		for (let i = 0; i < path.length - 1; i++) parent = parent[path[i]!] as Record<PathKey, unknown>;
		const key = path[path.length - 1]!;
		if (op[0] === 0) parent[key] = op[2];
		else if (op[0] === 1) delete parent[key];
		else (parent[key] as unknown[]).length = op[2];
	}
	return root as T;
}
