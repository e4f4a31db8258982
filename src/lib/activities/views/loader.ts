import type { Component } from 'svelte';

/**
 * A type's Svelte view, loaded only when that type runs. Each screen imports only its own kind
 * (phone, projector, remote), so a phone's first load carries no projector or remote code at all.
 */
export type ViewLoader = () => Promise<{ default: Component<never> }>;
