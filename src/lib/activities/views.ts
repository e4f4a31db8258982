import type { Component } from 'svelte';

/**
 * Each type's Svelte views, found by file name (so a new type needs no registration here) and
 * loaded only when that type runs, to keep the phones' first load small.
 */
type Loader = () => Promise<{ default: Component<never> }>;

const projectors = import.meta.glob('./*/Projector.svelte') as Record<string, Loader>;
const phones = import.meta.glob('./*/Phone.svelte') as Record<string, Loader>;
const remotes = import.meta.glob('./*/Remote.svelte') as Record<string, Loader>;

export function projectorView(type: string): Loader | undefined {
	return projectors[`./${type}/Projector.svelte`];
}

export function phoneView(type: string): Loader | undefined {
	return phones[`./${type}/Phone.svelte`];
}

/** A type's trainer controls, if it has any. */
export function remoteView(type: string): Loader | undefined {
	return remotes[`./${type}/Remote.svelte`];
}
