/**
 * Replaces `{facts.x.y}` and `{env.x}` references with their values from facts.yaml.
 *
 * In MDX prose a reference is an expression node, so it never reaches the JavaScript compiler as a variable; in
 * inline code, code blocks and link targets it is plain text we rewrite. Environment values are wrapped in
 * `<span data-env="key">`, so the reader's environment picker can switch them without another build; other facts
 * become plain text. An unknown key stops the build naming the file, line and column.
 */
import type { Root, Code, InlineCode, Link, Definition, Text } from 'mdast';
import type { ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ContentError } from '../core/errors.ts';
import { FACT_REFERENCE, resolveFact, UnknownFactError, type ResolvedFact } from './facts.ts';
import type { Facts } from './schema.ts';

const WHOLE_REFERENCE = /^\s*((?:facts|env)\.[A-Za-z0-9_.-]+)\s*$/;

interface Position {
	line: number;
	column: number;
}

export function remarkFacts(options: { facts: () => Facts }) {
	return (tree: Root, file: VFile) => {
		const facts = options.facts();
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
					const fact = resolve(match[1]!, start);
					const value = String(fact.value);
					const replacement = (
						fact.env
							? {
									type: 'text',
									value,
									data: {
										hName: 'span',
										hProperties: envProperties(fact.env.key),
										hChildren: [{ type: 'text', value }],
									},
								}
							: { type: 'text', value }
					) as Text;
					parent.children.splice(
						index,
						1,
						node.type === 'mdxFlowExpression'
							? ({ type: 'paragraph', children: [replacement] } as never)
							: (replacement as never),
					);
					return;
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
		});
	};
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
