import type { PhoneSlide } from '$lib/shared/slides';

/** The last few pictures, so stepping back a slide or re-rendering never downloads one twice. */
const KEEP = 4;
const pictures = new Map<string, Promise<string>>();

/** A following phone's slide as an object URL: fetched with the seat token (POST: never in a URL). */
export function slidePicture(seatToken: string, slide: PhoneSlide): Promise<string> {
	const key = `${slide.v}:${slide.page}`;
	let found = pictures.get(key);
	if (found) return found;
	found = fetch('/api/slide', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ seatToken, page: slide.page })
	}).then(async (res) => {
		if (!res.ok) {
			const body = (await res.json().catch(() => null)) as { message?: string } | null;
			throw new Error(body?.message ?? 'The slide could not be loaded. It is on the projector.');
		}
		return URL.createObjectURL(await res.blob());
	});
	found.catch(() => pictures.delete(key));
	pictures.set(key, found);
	while (pictures.size > KEEP) {
		const [oldest, url] = pictures.entries().next().value!;
		pictures.delete(oldest);
		void url.then(URL.revokeObjectURL, () => {});
	}
	return found;
}
