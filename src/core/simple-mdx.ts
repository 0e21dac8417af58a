/**
 * "Simple" MDX: a document that uses MDX only for what Opsbook itself provides, so it can be rendered by the
 * Markdown pipeline, cached by the content layer like a .md page, and needs no Vite module (issue #21: at 1000 MDX
 * documents, bundling one module per page was 34 s of a 52 s build, and the memory peak).
 *
 * A body is simple when its MDX tree has
 *   - no ESM (import, export),
 *   - expressions that are only fact references (`{facts.x}`, `{env.x}`, which remarkFacts resolves in both
 *     pipelines) or comments (`{/* … *\/}`, which render nothing),
 *   - JSX elements that are only static components (given by name, each a function of its props returning HTML),
 *     on lines of their own, without children, whose attributes are string literals, bare (true) or JSON literals
 *     (`roles={["a", "b"]}`),
 *   - no text that reads as a fact reference once its braces are no longer MDX (`\{facts.x\}`), and no image with a
 *     relative address (MDX turns it into an <Image> component, Markdown into an optimised <img>: not the same page).
 *
 * The Markdown text is the body with each component replaced by a placeholder word (its HTML is put in place of the
 * placeholder after rendering, so it passes no sanitiser or rehype plugin, as a component's output never did) and
 * comments removed; fact references stay as written. MDX and Markdown read some text differently (a line indented
 * four spaces after a blank line is a paragraph in MDX, indented code in Markdown; `<https://…>` autolinks and HTML
 * are JSX in MDX), so the Markdown text is parsed again and its tree compared with the MDX tree (placeholders for
 * components, text for references, positions ignored): any difference, and the document stays MDX.
 */
import { createHash } from 'node:crypto';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A component as a function of its props (string or JSON literals) that returns its HTML. */
export type StaticComponent = (props: Record<string, unknown>) => string;

export type SimpleMdx =
	| {
			simple: true;
			/** The body as Markdown, each component a placeholder word on its own line. */
			markdown: string;
			/** Placeholder word → the component's HTML. */
			blocks: Map<string, string>;
	  }
	| { simple: false; reason: string };

// The same parsers as the site: remark-mdx then remark-gfm, as @mdx-js/mdx and src/commands/extract.ts stack them.
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** What remarkFacts replaces: one reference, the whole expression (src/facts/remark-facts.ts, WHOLE_REFERENCE). */
const REFERENCE = /^\s*(?:facts|env)\.[A-Za-z0-9_.-]+\s*$/;
/** Text that remarkFacts would read as a reference in a Markdown-parsed .mdx file (src/facts/facts.ts). */
const REFERENCE_IN_TEXT = /\{\s*(?:facts|env)\.[A-Za-z0-9_.-]+\s*\}/;

interface Edit {
	start: number;
	end: number;
	text: string;
}

type MdxNode = Nodes & {
	name?: string | null;
	value?: string;
	attributes?: Array<{ type: string; name?: string; value?: unknown }>;
	children?: MdxNode[];
	url?: string;
};

/** Decides whether `body` (an .mdx document without front matter) is simple, and if so gives its Markdown. */
export function simpleMdx(body: string, components: Record<string, StaticComponent>): SimpleMdx {
	let tree: Root;
	try {
		tree = mdxParser.parse(body) as Root;
	} catch (error) {
		return { simple: false, reason: `not valid MDX (${(error as Error).message})` };
	}
	const tag = createHash('sha256').update(body).digest('hex').slice(0, 12);
	const blocks = new Map<string, string>();
	const edits: Edit[] = [];
	const source = (node: Nodes) => body.slice(node.position!.start.offset, node.position!.end.offset);
	let reason: string | undefined;

	// The MDX tree as Markdown would parse the transformed text: components become placeholder paragraphs,
	// references their source text, comments nothing.
	const expect = (node: MdxNode): MdxNode[] => {
		if (reason) return [];
		switch (node.type) {
			case 'mdxjsEsm':
				reason = 'import or export';
				return [];
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const value = node.value ?? '';
				if (REFERENCE.test(value)) {
					const text = { type: 'text', value: source(node) } as MdxNode;
					return node.type === 'mdxFlowExpression' ? [{ type: 'paragraph', children: [text] } as MdxNode] : [text];
				}
				if (isComment(value)) {
					edits.push({ start: node.position!.start.offset!, end: node.position!.end.offset!, text: '' });
					return [];
				}
				reason = `the expression {${value.trim().slice(0, 40)}}`;
				return [];
			}
			case 'mdxJsxFlowElement': {
				const html = renderComponent(node, components);
				if (typeof html !== 'string') {
					reason = html.reason;
					return [];
				}
				const word = `opsbook${tag}c${blocks.size}`;
				blocks.set(word, html);
				edits.push({ start: node.position!.start.offset!, end: node.position!.end.offset!, text: word });
				return [{ type: 'paragraph', children: [{ type: 'text', value: word }] } as MdxNode];
			}
			case 'mdxJsxTextElement':
				reason = `<${node.name ?? ''}> inside a paragraph`;
				return [];
			case 'text':
				if (REFERENCE_IN_TEXT.test(node.value ?? '')) {
					reason = 'text that reads as a fact reference';
					return [];
				}
				return [node];
			case 'image':
				if (isLocal(node.url ?? '')) {
					reason = `the image ${node.url}`;
					return [];
				}
				return [node];
		}
		if (!node.children) return [node];
		return [{ ...node, children: mergeText(node.children.flatMap(expect)) } as MdxNode];
	};
	const expected = expect(tree as MdxNode)[0];
	if (reason || !expected) return { simple: false, reason: reason ?? 'empty' };
	let markdown = '';
	let last = 0;
	for (const edit of edits.sort((a, b) => a.start - b.start)) {
		markdown += body.slice(last, edit.start) + edit.text;
		last = edit.end;
	}
	markdown += body.slice(last);

	const actual = markdownParser.parse(markdown) as Root;
	const difference = firstDifference(shape(expected), shape(actual as MdxNode));
	if (difference) return { simple: false, reason: `Markdown reads it differently (${difference})` };
	return { simple: true, markdown, blocks };
}

/**
 * Puts each component's HTML where the Markdown renderer left its placeholder: a paragraph of its own (`<p>w</p>`),
 * or the bare word in a tight list item. Undefined when a placeholder is not found exactly once.
 */
export function fillBlocks(html: string, blocks: Map<string, string>): string | undefined {
	let out = html;
	for (const [word, block] of blocks) {
		const at = out.indexOf(word);
		if (at < 0 || out.indexOf(word, at + word.length) >= 0) return undefined;
		const paragraph = `<p>${word}</p>`;
		const start = out.startsWith(paragraph, at - 3) ? at - 3 : at;
		const end = start === at ? at + word.length : start + paragraph.length;
		out = out.slice(0, start) + block + out.slice(end);
	}
	return out;
}

function renderComponent(node: MdxNode, components: Record<string, StaticComponent>): string | { reason: string } {
	const name = node.name ?? '';
	const component = Object.hasOwn(components, name) ? components[name] : undefined;
	if (!component) return { reason: `the component <${name}>` };
	if (node.children?.length) return { reason: `<${name}> with children` };
	const props: Record<string, unknown> = {};
	for (const attribute of node.attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return { reason: `<${name}> with {...spread}` };
		const value = attribute.value;
		if (value === null || value === undefined) props[attribute.name] = true;
		else if (typeof value === 'string') props[attribute.name] = value;
		else {
			try {
				props[attribute.name] = JSON.parse((value as { value: string }).value);
			} catch {
				return { reason: `<${name} ${attribute.name}={…}>: not a JSON literal` };
			}
		}
	}
	try {
		return component(props);
	} catch (error) {
		// The MDX path reports it as it always did.
		return { reason: `<${name}> fails: ${(error as Error).message}` };
	}
}

/** Only comments and white space: `{/* note *\/}`. */
function isComment(value: string): boolean {
	const rest = value.replace(/\/\*[\s\S]*?\*\//g, '');
	return rest !== value && rest.trim() === '';
}

/** An image beside the document (`./x.png`, `x.png`), not a URL or a site path. */
function isLocal(url: string): boolean {
	return !URL.canParse(url) && !url.startsWith('/');
}

function mergeText(nodes: MdxNode[]): MdxNode[] {
	const out: MdxNode[] = [];
	for (const node of nodes) {
		const previous = out.at(-1);
		if (node.type === 'text' && previous?.type === 'text')
			out[out.length - 1] = { ...previous, value: previous.value! + node.value! } as MdxNode;
		else out.push(node);
	}
	return out;
}

/** A node without positions or parser data: what the renderers see. */
function shape(node: MdxNode): unknown {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === 'position' || key === 'data') continue;
		out[key] = key === 'children' ? (value as MdxNode[]).map(shape) : value;
	}
	return out;
}

/** Where two shapes first differ, as a path and the two node types; undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, at = 'root'): string | undefined {
	if (a === b) return undefined;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
		return `${at}: ${String(a)} ≠ ${String(b)}`;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b)) return `${at}: list ≠ node`;
		for (let i = 0; i < Math.max(a.length, b.length); i++) {
			const d = firstDifference(a[i], b[i], `${at}[${i}]`);
			if (d) return d;
		}
		return undefined;
	}
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	const here = ra.type === rb.type ? `${at}>${String(ra.type)}` : `${at}: ${String(ra.type)} ≠ ${String(rb.type)}`;
	if (ra.type !== rb.type) return here;
	for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
		const d = firstDifference(ra[key], rb[key], `${here}.${key}`);
		if (d) return d;
	}
	return undefined;
}
