/**
 * Every fenced code block of a Markdown or MDX document, with exact document positions, parsed with the same
 * remark stack as the site (remark-parse, remark-gfm, remark-mdx for .mdx).
 *
 * Front matter is blanked before parsing (newlines kept), so it is not read as Markdown and lines do not move.
 * A block inside a list item or a blockquote has its container's indentation removed from its text by the
 * parser; `columns` gives it back, line by line, by finding each content line at the end of its source line.
 *
 * Destructive context follows the convention of the runbooks: a blockquote that starts with "Destructive" or
 * "Service-disrupting" (`> **Destructive — needs approval from …**`: the step needs an approval, and says whose)
 * placed before the step's block(s), in the same container, with only other code blocks in between; or the block
 * sits inside such a blockquote. An MDX component whose name contains "Destructive", or with an attribute whose
 * value is "destructive" (`<Callout type="destructive">`), counts too.
 *
 * The build already has each document's mdast: codeBlocksFromTree reads the blocks from it instead of parsing the
 * document again (the Markdown parse costs more than every parser check together, see README.md).
 */
import type { Code, Nodes, Parent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CodeBlock } from './types.ts';

const MARKER = /^(?:destructive|service-disrupting)\b/i;
const markdown = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

export function extractCodeBlocks(source: string, options: { mdx?: boolean } = {}): CodeBlock[] {
	const { tree, text } = parseDocument(source, options);
	return codeBlocksFromTree(tree, text);
}

/**
 * A document as the checks read it: front matter blanked (lines kept), parsed as MDX or Markdown. Throws the parser's
 * message (with line and column) on MDX syntax errors. Exported so one parse serves every check of a document.
 */
export function parseDocument(source: string, options: { mdx?: boolean } = {}): { tree: Root; text: string } {
	const text = blankFrontMatter(source);
	return { tree: (options.mdx ? mdxParser : markdown).parse(text) as Root, text };
}

/**
 * The fenced blocks of an mdast tree parsed from `source`. When the tree's positions count from a later line
 * (a body parsed without its front matter), `lineOffset` is added to every line: pass the front matter's line count.
 */
export function codeBlocksFromTree(tree: Root, source: string, options: { lineOffset?: number } = {}): CodeBlock[] {
	const lines = source.split('\n').map((l) => l.replace(/\r$/, ''));
	const blocks: CodeBlock[] = [];
	const walk = (node: Nodes, ancestors: Nodes[]) => {
		if (node.type === 'code') {
			const block = codeBlock(node, lines, source);
			if (block) {
				const parent = ancestors.at(-1);
				block.destructiveContext =
					ancestors.some(isDestructiveMarker) || (!!parent && 'children' in parent && markedBefore(parent, node));
				block.line += options.lineOffset ?? 0;
				blocks.push(block);
			}
			return;
		}
		if ('children' in node) for (const child of node.children) walk(child as Nodes, [...ancestors, node]);
	};
	walk(tree, []);
	return blocks;
}

function codeBlock(node: Code, lines: string[], text: string): CodeBlock | undefined {
	const start = node.position?.start;
	if (!start || start.offset === undefined) return undefined;
	// Indented code (no fence) has no language and is not a command block.
	if (!/^(?:`{3,}|~{3,})/.test(text.slice(start.offset, start.offset + 3))) return undefined;
	const firstLine = start.line + 1;
	const columns = node.value.split('\n').map((valueLine, i) => {
		const sourceLine = lines[firstLine - 1 + i] ?? '';
		return sourceLine.endsWith(valueLine) ? sourceLine.length - valueLine.length + 1 : start.column;
	});
	return {
		lang: node.lang ?? '',
		meta: node.meta ?? '',
		text: node.value,
		line: firstLine,
		columns,
		destructiveContext: false,
	};
}

/** True for a node that marks the step it belongs to as destructive (see the top of this file). */
export function isDestructiveMarker(node: Nodes): boolean {
	if (node.type === 'blockquote') return MARKER.test(textOf(node).trim());
	if (node.type === 'mdxJsxFlowElement') {
		return (
			/destructive/i.test(node.name ?? '') ||
			node.attributes.some(
				(a) => a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && /^destructive$/i.test(a.value),
			)
		);
	}
	return false;
}

/** The nearest sibling before `node` that is not a code block is a destructive marker. */
function markedBefore(parent: Parent, node: Code): boolean {
	const index = parent.children.indexOf(node);
	for (let i = index - 1; i >= 0; i--) {
		const sibling = parent.children[i] as Nodes;
		if (sibling.type !== 'code') return isDestructiveMarker(sibling);
	}
	return false;
}

/** The text a node shows (mdast-util-to-string is not a direct dependency). */
function textOf(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

/** YAML front matter replaced by blanks (newlines kept). */
function blankFrontMatter(source: string): string {
	const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
	return m ? m[0].replace(/[^\n]/g, ' ') + source.slice(m[0].length) : source;
}
