import type { ViewLoader } from './loader';

// Found by file name, so a new type needs no registration here.
const projectors = import.meta.glob('../*/Projector.svelte') as Record<string, ViewLoader>;

export function projectorView(type: string): ViewLoader | undefined {
	return projectors[`../${type}/Projector.svelte`];
}
