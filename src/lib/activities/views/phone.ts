import type { ViewLoader } from './loader';

// Found by file name, so a new type needs no registration here.
const phones = import.meta.glob('../*/Phone.svelte') as Record<string, ViewLoader>;

export function phoneView(type: string): ViewLoader | undefined {
	return phones[`../${type}/Phone.svelte`];
}
