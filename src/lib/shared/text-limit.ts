/**
 * A field's `maxlength` cuts pasted or typed text silently: said under the field once the text
 * has reached it, so nobody loses the end of a title without knowing.
 */
export function atLimit(text: string | null | undefined, max: number): string | undefined {
	return (text?.length ?? 0) >= max
		? `That is the most this takes (${max} characters): anything longer was not kept.`
		: undefined;
}
