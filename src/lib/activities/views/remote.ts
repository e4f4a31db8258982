import type { ViewLoader } from './loader';

// Found by file name; only types with trainer controls have one.
const remotes = import.meta.glob('../*/Remote.svelte') as Record<string, ViewLoader>;

/** A type's trainer controls, if it has any. */
export function remoteView(type: string): ViewLoader | undefined {
	return remotes[`../${type}/Remote.svelte`];
}
