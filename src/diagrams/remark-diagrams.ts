/**
 * Replaces each ```mermaid code block with its pre-rendered diagram (src/diagrams/markup.ts): inline SVG (one
 * for both themes when the renderings differ in colours only, else one per theme), a text version and an "Open full
 * size" link to the figure itself. Runs after remark-facts, so the block's text
 * already has its facts resolved: the same text the build's pre-render step hashed, so the lookup is a cache hit.
 *
 * A miss (a block the pre-render did not see, e.g. edited in `astro dev`) renders on demand through the same renderer.
 * An invalid diagram stops the build naming the file and line of the block and quoting Mermaid.
 *
 * The SVG reaches the page as `<Fragment set:html={"<svg…>"} />` (documents are MDX, which drops raw HTML nodes).
 * Parsing the SVG into hast elements instead makes MDX compile every element into a JSX call. Measured with the
 * rollback flowchart (34 KB per variant, both variants on the page), MDX compile of the page: plain code block 2 ms;
 * set:html 4 ms and a 75 KB module; hast 62 ms and a 145 KB module (which Astro then renders element by element).
 */
import type { Code, Root } from 'mdast';
import type { ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { readCachedDiagram, type CachedDiagram } from './cache.ts';
import { diagramIdPrefix, diagramMarkup } from './markup.ts';
import { renderOnDemand } from './on-demand.ts';
import { formatStats } from './prerender.ts';
import { keyParts } from './renderer.ts';
import { DIAGRAM_THEMES, diagramKey, normaliseDiagramSource, type DiagramTheme, type KeyParts } from './source.ts';
import { parsesMdx } from '../core/mdx-pipeline.ts';
import { displayPath } from '../core/paths.ts';

export interface RemarkDiagramsOptions {
	/** The diagram cache folder (diagramCacheDir(site.cacheDir)). */
	cacheDir: string;
	/** Default: the installed Mermaid's version and this renderer's. */
	parts?: KeyParts;
	/** Site base path, for site-relative `click` links. */
	base: string;
}

interface Found {
	node: Code;
	index: number;
	parent: { children: unknown[] };
	source: string;
	line: number;
}

export function remarkDiagrams(this: Processor | undefined, settings: RemarkDiagramsOptions) {
	const options = { cacheDir: settings.cacheDir, parts: settings.parts ?? keyParts(), base: settings.base };
	return async (tree: Root, file: VFile) => {
		const mdx = this ? parsesMdx(this) : String(file.path).endsWith('.mdx');
		const found: Found[] = [];
		visit(tree, 'code', (node: Code, index, parent) => {
			if (node.lang?.toLowerCase() !== 'mermaid' || !parent || index === undefined) return;
			found.push({
				node,
				index,
				parent: parent as Found['parent'],
				source: normaliseDiagramSource(node.value),
				line: node.position?.start.line ?? 0,
			});
		});
		if (!found.length) return;

		const lookup = (source: string) =>
			Object.fromEntries(
				DIAGRAM_THEMES.map((theme) => [
					theme,
					readCachedDiagram(options.cacheDir, diagramKey(source, theme, options.parts)),
				]),
			) as Record<DiagramTheme, CachedDiagram | undefined>;
		const isComplete = (v: Record<DiagramTheme, CachedDiagram | undefined>): v is Record<DiagramTheme, CachedDiagram> =>
			DIAGRAM_THEMES.every((t) => v[t]);

		let variants = found.map((f) => lookup(f.source));
		const misses = found.filter((_, i) => !isComplete(variants[i]!));
		if (misses.length) {
			const stats = await renderOnDemand(
				misses.map((f) => ({ source: f.source, file: file.path, line: f.line, contentLine: f.line + 1 })),
				{ cacheDir: options.cacheDir, parts: options.parts },
			);
			// Expected in `astro dev` after an edit; in a build it means the pre-render scan missed these blocks.
			console.info(`[opsbook:diagrams] ${displayPath(file.path)}: ${formatStats(stats)} (on demand)`);
			variants = found.map((f) => lookup(f.source));
		}

		found.forEach((f, i) => {
			const v = variants[i]!;
			if (!isComplete(v))
				throw new Error(`${file.path}:${f.line} diagram: rendered but missing from the cache at ${options.cacheDir}`);
			// A .md page is not compiled to JSX: the (already sanitised) SVG goes in as hast elements.
			const embed = mdx ? embedHtml : embedHast;
			const figure = diagramMarkup({
				variants: v,
				idPrefix: diagramIdPrefix(displayPath(file.path), i + 1),
				base: options.base,
				embed,
			});
			// A paragraph turned into <figure> by mdast-util-to-hast (hName/hProperties/hChildren); the code node goes.
			f.parent.children[f.index] = {
				type: 'paragraph',
				children: [],
				data: { hName: 'figure', hProperties: figure.properties, hChildren: figure.children },
			};
		});
	};
}

/** For Markdown (.md) pages: the SVG parsed into hast, as the Markdown pipeline renders any element. */
function embedHast(html: string): ElementContent {
	const nodes = fromHtml(html, { fragment: true, space: 'svg' }).children.filter((n) => n.type === 'element');
	return (nodes[0] ?? { type: 'text', value: '' }) as ElementContent;
}

/** `<Fragment set:html={"…"} />`: MDX passes the string through untouched, with no per-element JSX. */
function embedHtml(html: string): ElementContent {
	const literal = { type: 'Literal', value: html, raw: JSON.stringify(html) };
	return {
		type: 'mdxJsxFlowElement',
		name: 'Fragment',
		attributes: [
			{
				type: 'mdxJsxAttribute',
				name: 'set:html',
				value: {
					type: 'mdxJsxAttributeValueExpression',
					value: JSON.stringify(html),
					data: {
						estree: {
							type: 'Program',
							sourceType: 'module',
							comments: [],
							body: [{ type: 'ExpressionStatement', expression: literal }],
						},
					},
				},
			},
		],
		children: [],
	} as unknown as ElementContent;
}
