/**
 * Markdown written for other tools, rendered on Opsbook pages (issue #17), for .md and .mdx alike:
 *
 *   remarkSourceLinks    relative links to .md files and folders → page URLs, images and attachments → their
 *                        published URLs; a link that leads nowhere keeps its text, without the link. The same for
 *                        `<img src>` / `<a href>` written as raw HTML (in .md) or lower-case JSX (in .mdx).
 *   remarkForeignSyntax  GitHub alerts (`> [!WARNING]`) and MkDocs admonitions (`!!! note "Title"`) → callouts;
 *                        GitLab's `[[_TOC_]]` / `[TOC]` → the page's own contents box (the marker goes); Hugo container
 *                        shortcodes (`{{< hint >}}`, `{{% notice %}}`) → their inner text. Anything else of Hugo's
 *                        stays as text and is reported by the content check (findForeignSyntax).
 *   remarkLeadingTitle   the first `# Heading` that the title came from (or equals) is not repeated under the title.
 */
import type { Blockquote, Code, Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import {
	isJsx,
	jsxUrlAttribute,
	pageUrl,
	rawHtmlUrls,
	resolveLink,
	type JsxElement,
	type LinkIndex,
	type Resolution,
} from './links.ts';

export interface SourceLinksOptions {
	/** The link index of this build (read lazily: the content check builds it first). */
	index: () => LinkIndex;
	base: string;
}

export function remarkSourceLinks(options: SourceLinksOptions) {
	return (tree: Root, file: VFile) => {
		const from = file.path ? String(file.path) : '';
		if (!from) return;
		const index = options.index();
		const fromId = index.docByFile.get(from);
		if (!fromId) return;
		const resolve = (url: string) => resolveLink(url, from, fromId, index);
		const walk = (parent: Parent) => {
			parent.children.forEach((node, i) => {
				if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
					const r = resolve(node.url);
					const url = pageUrl(r, node.type === 'image', options.base);
					if (url !== undefined) node.url = url;
					else if (r.kind === 'broken' && node.type === 'link') {
						// The text stays readable; the dead target is named in a tooltip and in the build's report.
						parent.children[i] = {
							type: 'brokenLink',
							children: node.children,
							data: {
								hName: 'span',
								hProperties: { className: ['broken-link'], title: brokenTitle(node.url) },
							},
						} as unknown as RootContent;
					}
				} else if (node.type === 'html') {
					node.value = rewriteRawHtml(node.value, resolve, options.base);
				} else if (isJsx(node)) {
					rewriteJsx(node, resolve, options.base);
				}
				if ('children' in node) walk(node as Parent);
			});
		};
		walk(tree);
	};
}

const brokenTitle = (url: string) => `Link target not found: ${url}`;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * `<img src>` and `<a href>` in raw HTML, rewritten where they are written (from the end, so earlier offsets hold):
 * the same URL a Markdown image or link to the same target gets. A dead `<a href>` loses its href, as a dead Markdown
 * link loses its link: the text stays, the target is named in a tooltip (and in the build's report). A dead image
 * keeps its URL, as in Markdown.
 */
export function rewriteRawHtml(html: string, resolve: (url: string) => Resolution, base: string): string {
	let out = html;
	for (const u of rawHtmlUrls(html).reverse()) {
		const r = resolve(u.url);
		const url = pageUrl(r, u.tag === 'img', base);
		let replacement: string | undefined;
		if (url !== undefined) replacement = `${u.attribute}="${escapeAttribute(url)}"`;
		else if (r.kind === 'broken' && u.tag === 'a')
			replacement = u.titled ? '' : `title="${escapeAttribute(brokenTitle(u.url))}"`;
		if (replacement === undefined) continue;
		// A removed attribute takes the space before it along: `<a title="Old">`, not `<a title="Old" >`.
		const start = replacement ? u.start : out.slice(0, u.start).trimEnd().length;
		out = out.slice(0, start) + replacement + out.slice(u.end);
	}
	return out;
}

/** The MDX twin of rewriteRawHtml: a lower-case `<img>` or `<a>` whose URL is a plain string. */
function rewriteJsx(node: JsxElement, resolve: (url: string) => Resolution, base: string): void {
	const attribute = jsxUrlAttribute(node);
	if (!attribute) return;
	const r = resolve(attribute.value);
	const url = pageUrl(r, node.name === 'img', base);
	const written = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attribute.name)!;
	if (url !== undefined) written.value = url;
	else if (r.kind === 'broken' && node.name === 'a') {
		node.attributes = node.attributes.filter((a) => a !== written);
		if (!node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'title'))
			node.attributes.push({ type: 'mdxJsxAttribute', name: 'title', value: brokenTitle(attribute.value) });
	}
}

const GITHUB_ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(\n|$)/i;
const ADMONITION = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$/;
const TOC_MARKER = /^\s*(\[\[_TOC_\]\]|\[TOC\]|\{:toc\})\s*$/;
/** Hugo shortcodes that wrap prose: their tags go, the prose stays. */
export const CONTAINER_SHORTCODES = new Set([
	'hint',
	'notice',
	'note',
	'tip',
	'info',
	'warning',
	'alert',
	'callout',
	'admonition',
	'expand',
	'details',
	'tab',
	'tabs',
	'columns',
	'section',
	'panel',
	'box',
	'center',
]);
export const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w-]+)([^}]*?)\s*[>%]\}\}/g;

const markdown = unified().use(remarkParse).use(remarkGfm);

export function remarkForeignSyntax() {
	return (tree: Root, file: VFile) => {
		const text = typeof file.value === 'string' ? file.value : String(file.value ?? '');
		transformChildren(tree, text);
	};
}

function transformChildren(parent: Parent, text: string): void {
	const out: RootContent[] = [];
	const kids = parent.children as RootContent[];
	for (let i = 0; i < kids.length; i++) {
		const node = kids[i]!;
		// GitLab / Markdown-extension table-of-contents markers: the page has its own contents box.
		if (node.type === 'paragraph' && TOC_MARKER.test(plainText(node))) continue;
		if (node.type === 'blockquote') {
			const callout = githubAlert(node);
			if (callout) {
				transformChildren(callout, text);
				out.push(callout);
				continue;
			}
		}
		if (node.type === 'paragraph') {
			const admonition = mkdocsAdmonition(node, kids, i, text);
			if (admonition) {
				out.push(admonition.node);
				i += admonition.consumed;
				continue;
			}
			stripShortcodes(node);
			if (node.children.length === 0 || (node.children.every((c) => c.type === 'text') && !plainText(node).trim()))
				continue;
		}
		if ('children' in node && node.type !== 'paragraph') transformChildren(node as Parent, text);
		out.push(node);
	}
	parent.children = out as Parent['children'];
}

function callout(kind: string, title: string, children: RootContent[]): Blockquote {
	const type = kind.toLowerCase();
	const heading: Paragraph = {
		type: 'paragraph',
		children: [{ type: 'strong', children: [{ type: 'text', value: title }] }],
		data: { hProperties: { className: ['callout-title'] } },
	};
	return {
		type: 'blockquote',
		children: [heading, ...children] as Blockquote['children'],
		data: { hName: 'aside', hProperties: { className: ['callout', `callout-${type}`], role: 'note' } },
	} as Blockquote;
}

/** `> [!WARNING]` as the first line of a blockquote (GitHub, GitLab, Obsidian). */
function githubAlert(node: Blockquote): Blockquote | undefined {
	const first = node.children[0];
	if (first?.type !== 'paragraph') return undefined;
	const lead = first.children[0];
	if (lead?.type !== 'text') return undefined;
	const m = GITHUB_ALERT.exec(lead.value);
	if (!m) return undefined;
	const rest = lead.value.slice(m[0].length);
	const firstChildren = rest ? [{ ...lead, value: rest }, ...first.children.slice(1)] : first.children.slice(1);
	const body = [
		...(firstChildren.length ? [{ ...first, children: firstChildren } as Paragraph] : []),
		...node.children.slice(1),
	];
	const kind = m[1]!.toLowerCase();
	return callout(kind, kind.charAt(0).toUpperCase() + kind.slice(1), body as RootContent[]);
}

/**
 * `!!! note "Title"` (or `??? note` collapsible) followed by a block indented four spaces. Markdown reads the marker
 * as a paragraph and the body as an indented code block or as the paragraph's lazy continuation, so the body is
 * taken from the source text by position, dedented and parsed as Markdown.
 */
function mkdocsAdmonition(
	node: Paragraph,
	siblings: RootContent[],
	at: number,
	text: string,
): { node: RootContent; consumed: number } | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined || !text) return undefined;
	const source = text.slice(start, end);
	const [marker, ...continuation] = source.split('\n');
	const m = ADMONITION.exec(marker ?? '');
	if (!m) return undefined;
	const kind = m[2]!;
	const title = m[3] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
	const bodyLines = continuation.map((l) => l.replace(/^( {4}|\t)/, ''));
	let consumed = 0;
	// Indented code right after the marker (blank line between) is the admonition's body, as MkDocs reads it.
	for (let j = at + 1; j < siblings.length; j++) {
		const next = siblings[j] as Code;
		if (
			next.type !== 'code' ||
			next.lang ||
			!next.position ||
			text.slice(next.position.start.offset, next.position.start.offset! + 1) === '`' ||
			text.slice(next.position.start.offset, next.position.start.offset! + 1) === '~'
		)
			break;
		bodyLines.push('', next.value);
		consumed++;
	}
	const body = markdown.parse(bodyLines.join('\n')) as Root;
	stripPositions(body);
	const content = callout(kind, title, body.children);
	if (m[1]!.startsWith('???')) {
		// Collapsible: <details> with the title as <summary>.
		const [head, ...rest] = content.children;
		const summary = { ...(head as Paragraph), data: { hName: 'summary' } };
		return {
			node: {
				type: 'blockquote',
				children: [summary, ...rest],
				data: {
					hName: 'details',
					hProperties: { className: ['callout', `callout-${kind.toLowerCase()}`], open: m[1] === '???+' },
				},
			} as Blockquote,
			consumed,
		};
	}
	return { node: content, consumed };
}

/** Hugo container shortcodes' tags out of a paragraph's text; other shortcodes stay as written. */
function stripShortcodes(node: Paragraph): void {
	for (const child of node.children) {
		if (child.type !== 'text') continue;
		(child as Text).value = child.value
			.replace(SHORTCODE, (all, _open, _close, name: string) =>
				CONTAINER_SHORTCODES.has(name.toLowerCase()) ? '' : all,
			)
			.replace(/^\n+|\n+$/g, '');
	}
}

function plainText(node: Nodes): string {
	if (node.type === 'text' || node.type === 'inlineCode') return node.value;
	return 'children' in node ? node.children.map((c) => plainText(c as Nodes)).join('') : '';
}

function stripPositions(node: Nodes): void {
	delete node.position;
	if ('children' in node) for (const c of node.children) stripPositions(c as Nodes);
}

/** Removes the first `# Heading` when it opens the body and the title came from it (or says the same). */
export function remarkLeadingTitle() {
	return (tree: Root, file: VFile) => {
		const first = tree.children.findIndex(
			(n) =>
				n.type !== 'html' &&
				!(n.type === 'paragraph' && TOC_MARKER.test(plainText(n))) &&
				(n.type as string) !== 'mdxjsEsm',
		);
		const node = tree.children[first];
		if (node?.type !== 'heading' || node.depth !== 1) return;
		const title = (file.data as { astro?: { frontmatter?: { title?: unknown } } }).astro?.frontmatter?.title;
		const text = plainText(node).trim();
		if (typeof title !== 'string' || !title.trim() || title.trim() === text) tree.children.splice(first, 1);
	};
}

export interface ForeignSyntax {
	line: number;
	what: string;
	rendered: boolean;
}

/** What remarkForeignSyntax will render and what stays as text, with lines, for the content check's report. */
export function findForeignSyntax(text: string): ForeignSyntax[] {
	const out: ForeignSyntax[] = [];
	let fence = false;
	text.split('\n').forEach((line, i) => {
		if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence;
		if (fence) return;
		if (/^\s*>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i.test(line))
			out.push({ line: i + 1, what: 'GitHub alert', rendered: true });
		if (ADMONITION.test(line)) out.push({ line: i + 1, what: 'MkDocs admonition', rendered: true });
		if (TOC_MARKER.test(line)) out.push({ line: i + 1, what: 'table-of-contents marker', rendered: true });
		for (const m of line.matchAll(SHORTCODE)) {
			const name = m[3]!.toLowerCase();
			if (m[2]) continue;
			out.push({
				line: i + 1,
				what: `Hugo shortcode {{${m[1]} ${m[3]} ${m[1] === '<' ? '>' : '%'}}}`,
				rendered: CONTAINER_SHORTCODES.has(name),
			});
		}
	});
	return out;
}
