/** Parse YAML keeping positions, so a schema error can name the line of the offending field. */
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface LocatedYaml {
	data: unknown;
	/** 1-based line of the value at `path`, or of its nearest existing parent; `lineOffset` added. */
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	syntaxErrors: Array<{ line: number; column: number; message: string }>;
}

export function parseYamlWithLines(source: string, lineOffset = 0): LocatedYaml {
	const counter = new LineCounter();
	const doc: Document = parseDocument(source, { lineCounter: counter, prettyErrors: false });
	const syntaxErrors = doc.errors.map((e) => {
		const pos = counter.linePos(e.pos[0]);
		return { line: pos.line + lineOffset, column: pos.col, message: e.message.split('\n')[0] ?? e.message };
	});
	return {
		data: syntaxErrors.length ? undefined : doc.toJS(),
		syntaxErrors,
		lineOf(path) {
			for (let n = path.length; n >= 0; n--) {
				const keys = path.slice(0, n).map((k) => (typeof k === 'symbol' ? String(k) : k));
				const node = n === 0 ? doc.contents : doc.getIn(keys, true);
				const pair = n > 0 ? findPairKey(doc, keys) : undefined;
				const range = (pair ?? node) as { range?: [number, number, number] } | undefined;
				if (range?.range) return counter.linePos(range.range[0]).line + lineOffset;
			}
			return 1 + lineOffset;
		},
	};
}

/** The key node of the last path segment: pointing at `owner:` reads better than at its value. */
function findPairKey(doc: Document, keys: ReadonlyArray<string | number>): unknown {
	const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
	const items = (parent as { items?: Array<{ key?: { value?: unknown; range?: unknown } }> } | null)?.items;
	if (!Array.isArray(items)) return undefined;
	const last = keys[keys.length - 1];
	if (typeof last === 'number') return undefined;
	return items.find((item) => item?.key && (item.key as { value?: unknown }).value === last)?.key;
}
