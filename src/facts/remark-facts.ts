/**
 * Replaces `{facts.x.y}` and `{env.x}` references with their values from facts.yaml.
 *
 * In MDX prose a reference is an expression node, so it never reaches the JavaScript compiler as a variable; in
 * inline code, code blocks and link targets it is plain text we rewrite. Environment values are wrapped in
 * `<span data-env="key">`, so the reader's environment picker can switch them without another build; other facts
 * become plain text. An unknown key stops the build naming the file, line and column.
 *
 * An .mdx document that uses MDX only for references and Opsbook's own components is rendered by the Markdown
 * pipeline (src/core/simple-mdx.ts, from the docs loader): there a reference is text, and is replaced in text too.
 * Only there: where remark-mdx parses, braces in text were escaped (`\{facts.x\}`) and stay as written.
 */
import type { Root, Code, InlineCode, Link, Definition, Text } from 'mdast';
import type { ElementContent } from 'hast';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ContentError } from '../core/errors.ts';
import { parsesMdx } from '../core/mdx-pipeline.ts';
import { FACT_REFERENCE, resolveFact, UnknownFactError, type ResolvedFact } from './facts.ts';
import type { Facts } from './schema.ts';

const WHOLE_REFERENCE = /^\s*((?:facts|env)\.[A-Za-z0-9_.-]+)\s*$/;

interface Position {
	line: number;
	column: number;
}

export function remarkFacts(this: Processor | undefined, options: { facts: () => Facts }) {
	// Called without a processor (tests), the plugin keeps the MDX reading.
	const mdx = this ? parsesMdx(this) : true;
	return (tree: Root, file: VFile) => {
		const facts = options.facts();
		const textReferences = !mdx && file.extname === '.mdx';
		const resolve = (key: string, at: Position): ResolvedFact => {
			try {
				return resolveFact(facts, key);
			} catch (error) {
				if (!(error instanceof UnknownFactError)) throw error;
				throw new ContentError([
					{ file: file.path, line: at.line, column: at.column, field: 'fact', message: error.message },
				]);
			}
		};

		visit(tree, (node, index, parent) => {
			const start = node.position?.start ?? { line: 0, column: 0 };
			switch (node.type) {
				case 'mdxTextExpression':
				case 'mdxFlowExpression': {
					const match = WHOLE_REFERENCE.exec(node.value);
					if (!match || !parent || index === undefined) return;
					const replacement = factText(resolve(match[1]!, start));
					parent.children.splice(
						index,
						1,
						node.type === 'mdxFlowExpression'
							? ({ type: 'paragraph', children: [replacement] } as never)
							: (replacement as never),
					);
					return;
				}
				case 'text': {
					const text = node as Text;
					if (!textReferences || !text.value.includes('{') || !parent || index === undefined) return;
					const segments = splitReferences(text.value, (key, offset) => {
						const before = text.value.slice(0, offset).split('\n');
						const column = before.length === 1 ? start.column + offset : (before.at(-1)?.length ?? 0) + 1;
						return resolve(key, { line: start.line + before.length - 1, column });
					});
					if (!segments.some((s) => typeof s !== 'string')) return;
					const replacement = segments.map((s) => (typeof s === 'string' ? { type: 'text', value: s } : factText(s)));
					parent.children.splice(index, 1, ...(replacement as never[]));
					return [SKIP, index + replacement.length];
				}
				case 'inlineCode':
				case 'code': {
					const code = node as Code | InlineCode;
					if (!code.value.includes('{')) return;
					// Code blocks start one line below their fence; inline code is on its own line.
					const firstLine = node.type === 'code' ? start.line + 1 : start.line;
					const segments = splitReferences(code.value, (key, offset) => {
						const before = code.value.slice(0, offset);
						const lines = before.split('\n');
						const column =
							lines.length === 1 && node.type === 'inlineCode'
								? start.column + 1 + offset
								: (lines.at(-1)?.length ?? 0) + 1;
						return resolve(key, { line: firstLine + lines.length - 1, column });
					});
					if (!segments.some((s) => typeof s !== 'string')) return;
					code.value = segments.map((s) => (typeof s === 'string' ? s : String(s.value))).join('');
					if (segments.some((s) => typeof s !== 'string' && s.env)) {
						// mdast-util-to-hast applies hChildren to the <code> element (a block's <pre> wraps it afterwards).
						code.data = { ...code.data, hChildren: segments.map(toHast) } as never;
					}
					return;
				}
				case 'link':
				case 'definition': {
					const link = node as Link | Definition;
					if (!link.url.includes('%7B') && !link.url.includes('{')) return;
					const url = decodeURI(link.url);
					link.url = url.replace(FACT_REFERENCE, (_: string, key: string) => String(resolve(key, start).value));
					return;
				}
			}
			return undefined;
		});
	};
}

/** A resolved reference as mdast text: plain, or a `<span data-env>` the picker swaps. */
function factText(fact: ResolvedFact): Text {
	const value = String(fact.value);
	if (!fact.env) return { type: 'text', value };
	return {
		type: 'text',
		value,
		data: { hName: 'span', hProperties: envProperties(fact.env.key), hChildren: [{ type: 'text', value }] },
	} as Text;
}

/**
 * Only environment values need an element: the picker swaps them. They carry only their key: the other
 * environments' values are in one file per site (environments.json), fetched when the reader switches, instead of
 * repeated on every span of every page. Site-wide facts are plain text: a wrapper on each would cost about 1.8 KB a
 * page (bench corpus) and nothing reads it.
 */
function envProperties(key: string): Record<string, string> {
	return { dataEnv: key };
}

function splitReferences(
	text: string,
	resolve: (key: string, offset: number) => ResolvedFact,
): Array<string | ResolvedFact> {
	const out: Array<string | ResolvedFact> = [];
	let last = 0;
	for (const match of text.matchAll(FACT_REFERENCE)) {
		out.push(text.slice(last, match.index));
		out.push(resolve(match[1]!, match.index));
		last = match.index + match[0].length;
	}
	out.push(text.slice(last));
	return out.filter((s) => s !== '');
}

function toHast(segment: string | ResolvedFact): ElementContent {
	if (typeof segment === 'string') return { type: 'text', value: segment };
	if (!segment.env) return { type: 'text', value: String(segment.value) };
	return {
		type: 'element',
		tagName: 'span',
		properties: envProperties(segment.env.key),
		children: [{ type: 'text', value: String(segment.value) }],
	};
}
