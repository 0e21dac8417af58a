/**
 * Finding ```mermaid blocks in a document's source and naming each rendering of one.
 *
 * The build pre-renders diagrams from the raw files (before Astro parses any Markdown), and the remark plugin later
 * looks the same diagrams up by key from the parsed tree; both go through normaliseDiagramSource() and diagramKey(),
 * so a block found here and the code node remark sees end up with the same key.
 */
import { createHash } from 'node:crypto';

export type DiagramTheme = 'light' | 'dark';
export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['light', 'dark'];

export interface MermaidFence {
	/** 1-based line of the opening ```mermaid fence in the file. */
	line: number;
	/** 1-based line of the first line inside the fence (Mermaid's "line 1"). */
	contentLine: number;
	/** The block's text, with the fence's indentation removed as Markdown does. */
	source: string;
}

// Any indentation: fences inside list items are indented by the item, and remark strips that same amount.
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;

/**
 * Mermaid blocks in a Markdown/MDX body, skipping fences of other languages (a ````md block that shows Mermaid
 * syntax is an example, not a diagram). `firstLine` is the file line of the body's first line.
 */
export function findMermaidFences(body: string, firstLine = 1): MermaidFence[] {
	const out: MermaidFence[] = [];
	const lines = body.split('\n');
	let open: { marker: string; indent: number; mermaid: boolean; line: number; content: string[] } | undefined;
	lines.forEach((raw, i) => {
		const line = raw.replace(/\r$/, '');
		if (!open) {
			const m = FENCE_OPEN.exec(line);
			if (!m) return;
			const marker = m[2]!;
			// A backtick fence's info string may not contain backticks (then it is inline code, not a fence).
			if (marker[0] === '`' && line.slice(m[0].length).includes('`')) return;
			open = {
				marker,
				indent: m[1]!.length,
				mermaid: m[3]!.toLowerCase() === 'mermaid',
				line: firstLine + i,
				content: [],
			};
			return;
		}
		const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
		if (close && close[1]![0] === open.marker[0] && close[1]!.length >= open.marker.length) {
			if (open.mermaid) out.push({ line: open.line, contentLine: open.line + 1, source: open.content.join('\n') });
			open = undefined;
			return;
		}
		if (open.mermaid) open.content.push(stripIndent(line, open.indent));
	});
	// An unclosed fence runs to the end of the document (CommonMark).
	if (open?.mermaid) out.push({ line: open.line, contentLine: open.line + 1, source: open.content.join('\n') });
	return out;
}

function stripIndent(line: string, indent: number): string {
	let n = 0;
	while (n < indent && (line[n] === ' ' || line[n] === '\t')) n++;
	return line.slice(n);
}

/**
 * The text that is rendered and hashed: line endings unified and trailing whitespace dropped, so an editor that
 * trims spaces does not re-render a diagram. Leading lines are kept so Mermaid's line numbers stay the file's.
 */
export function normaliseDiagramSource(source: string): string {
	return source
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => l.trimEnd())
		.join('\n')
		.replace(/\n+$/, '');
}

export interface KeyParts {
	mermaidVersion: string;
	rendererVersion: string;
}

/** Cache key of one rendering: what is drawn, in which theme, by which Mermaid and which post-processing. */
export function diagramKey(source: string, theme: DiagramTheme, parts: KeyParts): string {
	return createHash('sha256')
		.update([normaliseDiagramSource(source), theme, parts.mermaidVersion, parts.rendererVersion].join('\0'))
		.digest('hex');
}
