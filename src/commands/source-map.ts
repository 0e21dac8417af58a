/**
 * From an offset in the checked text back to a line and column in the document.
 *
 * The checked text differs from the block in three ways. Fact references are replaced by their values (lengths
 * change: resolve.ts keeps a segment list for that). Placeholders, console prompts and output, and psql
 * meta-commands are replaced by text of the same length (blanks or filler), so offsets do not move. And the
 * Markdown parser removed the indentation of the block's container, which `columns` gives back line by line.
 */
import type { CodeBlock } from './types.ts';

export interface Segment {
	/** Start in the checked (resolved) text. */
	at: number;
	length: number;
	/** Start in the block text. */
	source: number;
	/** The fact reference this segment's text came from; positions inside it map to the reference's start. */
	reference?: string;
}

export interface Position {
	line: number;
	column: number;
	/** Set when the position lies inside the value of a fact reference. */
	reference?: string;
}

/** Offset in the checked text → offset in the block text (and the fact reference it lies in, if any). */
export function toBlockOffset(segments: readonly Segment[], offset: number): { offset: number; reference?: string } {
	let found: Segment | undefined;
	for (const s of segments) {
		if (s.at > offset) break;
		found = s;
	}
	if (!found) return { offset };
	if (found.reference !== undefined && offset < found.at + found.length) {
		return { offset: found.source, reference: found.reference };
	}
	return { offset: found.source + (offset - found.at) };
}

/** Offset in the block text → document line and column (1-based). */
export function toDocumentPosition(block: Pick<CodeBlock, 'text' | 'line' | 'columns'>, offset: number): Position {
	let lineIndex = 0;
	let lineStart = 0;
	const end = Math.min(offset, block.text.length);
	for (let i = block.text.indexOf('\n'); i !== -1 && i < end; i = block.text.indexOf('\n', i + 1)) {
		lineIndex++;
		lineStart = i + 1;
	}
	return { line: block.line + lineIndex, column: (block.columns[lineIndex] ?? 1) + (end - lineStart) };
}

/**
 * A UTF-8 byte offset (what WASM parsers built from C or Go report) as a JavaScript string offset. sh-syntax and
 * libpg-query's statement and node locations count bytes; libpg-query's error cursor counts characters.
 */
export function charOffset(text: string, byteOffset: number): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		if (bytes >= byteOffset) return i;
		const code = text.codePointAt(i)!;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		if (code >= 0x10000) i++;
	}
	return text.length;
}
