import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

export interface ContentProblem {
	file: string;
	line: number;
	message: string;
	severity: 'error' | 'warning';
}

export type Parsed<T> =
	| { ok: true; value: T; lineOf: (path: readonly PropertyKey[]) => number }
	| { ok: false; problems: ContentProblem[] };

/** The line of the deepest node that exists along `path`, so an error points as close as it can. */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = doc.getIn(path.slice(0, depth) as unknown[], true);
		if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
	}
	return 1;
}

function describePath(path: readonly PropertyKey[]): string {
	return path
		.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`))
		.join('')
		.replace(/^\./, '');
}

/**
 * Reads one YAML content file and validates it whole: either a value, or every problem with its
 * file and line. Nothing half-loads.
 */
export function parseYamlFile<S extends z.ZodType>(
	path: string,
	schema: S,
	text = readFileSync(path, 'utf8')
): Parsed<z.output<S>> {
	const file = basename(path);
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			problems: doc.errors.map((e) => ({
				file,
				line: e.linePos?.[0]?.line ?? 1,
				message: `YAML syntax: ${e.message.split('\n')[0]}`,
				severity: 'error' as const
			}))
		};
	}
	const result = schema.safeParse(doc.toJS());
	if (result.success)
		return { ok: true, value: result.data, lineOf: (path) => lineOf(doc, counter, path) };
	return {
		ok: false,
		problems: result.error.issues.map((issue) => {
			const where = describePath(issue.path);
			return {
				file,
				line: lineOf(doc, counter, issue.path),
				message: where ? `${where}: ${issue.message}` : issue.message,
				severity: 'error' as const
			};
		})
	};
}

export function formatProblem(p: ContentProblem): string {
	return `${p.file}:${p.line}: ${p.severity}: ${p.message}`;
}
