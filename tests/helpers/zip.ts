import { inflateRawSync } from 'node:zlib';

/**
 * One file's text from a zip (an .xlsx), read from the central directory: enough to look at the
 * XML exceljs does not read back (e.g. hyperlinks to a place in the workbook).
 */
export function zipEntry(zip: Uint8Array, name: string): string | undefined {
	const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
	const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let at = buf.readUInt32LE(end + 16);
	const count = buf.readUInt16LE(end + 10);
	for (let i = 0; i < count; i++) {
		const method = buf.readUInt16LE(at + 10);
		const size = buf.readUInt32LE(at + 20);
		const nameLength = buf.readUInt16LE(at + 28);
		const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
		const local = buf.readUInt32LE(at + 42);
		const entry = buf.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
		at += 46 + nameLength + extra;
		if (entry !== name) continue;
		const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		const data = buf.subarray(start, start + size);
		return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
	}
	return undefined;
}
