/**
 * One MDX document body as plain GitHub-flavoured Markdown (an mdast tree), for the export: facts resolved (in prose,
 * code, link targets), <SeverityMatrix /> and <Contacts /> as tables from facts, ESM and comments dropped, HTML-like
 * JSX unwrapped, other components replaced by a pointer to the web page. Mermaid blocks stay ```mermaid code.
 * Links are left as written; the export rewrites them once every file's headings are known (markdown-links.ts).
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Facts } from '../facts/schema.ts';
import { ContentError } from '../core/errors.ts';
import { contactsTable, severityTable } from '../facts/tables.ts';
import { autolinks } from '../core/mdast-autolinks.ts';
import { FACT_REFERENCE, resolveFact, UnknownFactError, type ResolvedFact } from '../facts/facts.ts';

const WHOLE_REFERENCE = /^\s*((?:facts|env)\.[A-Za-z0-9_.-]+)\s*$/;
const COMMENT = /^\s*\/\*[\s\S]*\*\/\s*$/;

export interface MdxToMdastOptions {
	facts: Facts;
	/** Environment whose values `{env.x}` takes (the site shows site.defaultEnvironment until the reader switches). */
	environment: string;
	/** The document's page on the live site, for components a Markdown file cannot show. */
	pageUrl: string;
	/** Added to every heading's depth (documents merged into one file sit one level down). */
	headingShift?: number;
	/** For error messages. */
	file: string;
	/** Line of the body's first line in the file. */
	firstLine?: number;
}

export interface ConvertedDocument {
	tree: Root;
	/** `env.*` keys the document used, for the export's table of every environment's values. */
	envKeys: string[];
}

type Node = Root | RootContent;
type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

export function mdxToMdast(body: string, options: MdxToMdastOptions): ConvertedDocument {
	const tree = parser.parse(body) as Root;
	const envKeys = new Set<string>();
	const offset = (options.firstLine ?? 1) - 1;
	const resolve = (key: string, node: Node): string => {
		let fact: ResolvedFact;
		try {
			fact = resolveFact(options.facts, key);
		} catch (error) {
			if (!(error instanceof UnknownFactError)) throw error;
			const at = node.position?.start;
			throw new ContentError([
				{
					file: options.file,
					...(at ? { line: at.line + offset, column: at.column } : {}),
					field: 'fact',
					message: error.message,
				},
			]);
		}
		if (!fact.env) return String(fact.value);
		envKeys.add(fact.env.key);
		return String(fact.env.values[options.environment] ?? fact.value);
	};
	const inText = (text: string, node: Node) => text.replace(FACT_REFERENCE, (_, key: string) => resolve(key, node));

	const transform = (node: Node, inLink = false): Node[] => {
		switch (node.type) {
			case 'mdxjsEsm':
				return [];
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				if (COMMENT.test(node.value)) return [];
				const whole = WHOLE_REFERENCE.exec(node.value);
				const value = whole ? resolve(whole[1]!, node) : `{${node.value}}`;
				const text: PhrasingContent[] = inLink ? [{ type: 'text', value }] : autolinks(value);
				return node.type === 'mdxFlowExpression' ? [{ type: 'paragraph', children: text } satisfies Paragraph] : text;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				return jsx(node).flatMap((child) => transform(child, inLink));
			case 'code':
			case 'inlineCode':
				node.value = inText(node.value, node);
				return [node];
			case 'link':
			case 'definition':
			case 'image': {
				const url = node.url.includes('%7B') ? safeDecode(node.url) : node.url;
				node.url = inText(url, node);
				break;
			}
			case 'text':
				// A bare address in prose (often a resolved fact) becomes an autolink: as text, Markdown writers
				// escape it (`https\://`) so GitHub does not link it.
				return inLink ? [node] : autolinks(node.value);
			case 'heading':
				(node as Heading).depth = Math.min(
					6,
					(node as Heading).depth + (options.headingShift ?? 0),
				) as Heading['depth'];
				break;
		}
		const linking = inLink || node.type === 'link' || node.type === 'linkReference';
		if ('children' in node)
			(node as { children: Node[] }).children = (node.children as Node[]).flatMap((child) => transform(child, linking));
		return [node];
	};

	const jsx = (node: Jsx): Node[] => {
		const name = node.name ?? '';
		if (name === 'SeverityMatrix') return [severityTable(options.facts)];
		if (name === 'Contacts') return [contactsTable(options.facts, stringListAttribute(node, 'roles'))];
		// Lowercase names are HTML (div, details, br, ...): keep what they contain.
		if (!/^[A-Z]/.test(name)) return name === 'br' ? [{ type: 'break' }] : (node.children as Node[]);
		const attrs = node.attributes
			.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && typeof a.value === 'string')
			.map((a) => `${a.name}: ${a.value}`)
			.slice(0, 3)
			.join(', ');
		const pointer: PhrasingContent[] = [
			{
				type: 'emphasis',
				children: [
					{ type: 'text', value: `${name}${attrs ? ` (${attrs})` : ''}: shown on the ` },
					{ type: 'link', url: options.pageUrl, children: [{ type: 'text', value: 'web version of this page' }] },
					{ type: 'text', value: '.' },
				],
			},
		];
		return node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: pointer }] : pointer;
	};

	tree.children = tree.children.flatMap((child) => transform(child)) as RootContent[];
	return { tree, envKeys: [...envKeys] };
}

/** `roles={["a", "b"]}` (an expression attribute) or `roles="a, b"`. Undefined when absent. */
function stringListAttribute(node: Jsx, name: string): string[] | undefined {
	const attr = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
	if (!attr || attr.value === null || attr.value === undefined) return undefined;
	const raw = typeof attr.value === 'string' ? attr.value : attr.value.value;
	return [...raw.matchAll(/["'`]([^"'`]+)["'`]/g)]
		.map((m) => m[1]!)
		.concat(
			typeof attr.value === 'string'
				? raw
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean)
				: [],
		);
}

function safeDecode(url: string): string {
	try {
		return decodeURI(url);
	} catch {
		return url;
	}
}
