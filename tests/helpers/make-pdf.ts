/**
 * Writes small, valid PDFs for tests (no PDF library needed): 16:9 pages, each a coloured slide
 * with its number in large type. `encrypted` adds a standard-security dictionary whose user password
 * is not empty, which is what a password-protected export looks like to a reader.
 */
export interface PdfOptions {
	pages: number;
	title?: string;
	encrypted?: boolean;
}

const COLOURS = ['0.13 0.29 0.53', '0.55 0.16 0.22', '0.12 0.42 0.27', '0.4 0.2 0.5'];

export function makePdf({ pages, title = 'Slide', encrypted = false }: PdfOptions): Buffer {
	const objects: string[] = [];
	const add = (body: string) => objects.push(body);
	// 1: catalog, 2: pages, 3: font; then per page a page object and its content stream.
	add('<< /Type /Catalog /Pages 2 0 R >>');
	add(''); // pages, filled in below
	add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>');
	const kids: string[] = [];
	for (let n = 1; n <= pages; n++) {
		const colour = COLOURS[(n - 1) % COLOURS.length];
		const text = `${title} ${n}`.replace(/[()\\]/g, '');
		const stream = [
			`${colour} rg 0 0 960 540 re f`,
			'1 1 1 rg 60 60 840 8 re f',
			`BT /F1 96 Tf 1 1 1 rg 80 300 Td (${text}) Tj ET`,
			`BT /F1 28 Tf 1 1 1 rg 80 220 Td (Page ${n} of ${pages}) Tj ET`
		].join('\n');
		const pageNo = objects.length + 1;
		add(
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`
		);
		add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
		kids.push(`${pageNo} 0 R`);
	}
	objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
	let encryptRef = '';
	if (encrypted) {
		const o = '<' + 'ab'.repeat(32) + '>';
		const u = '<' + 'cd'.repeat(32) + '>';
		add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${o} /U ${u} /P -44 >>`);
		encryptRef = ` /Encrypt ${objects.length} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`;
	}
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(Buffer.byteLength(out, 'latin1'));
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encryptRef} >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
