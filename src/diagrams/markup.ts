/**
 * The HTML a diagram becomes (as hast, for the remark plugin):
 *
 *   <figure class="diagram" id="diagram-3fa2c1-1">
 *     <figcaption id="diagram-3fa2c1-1-title">accessible name</figcaption>
 *     <p class="diagram-close"><a href="#diagram-3fa2c1-1-title">Close full size</a>   shown only while full size
 *     <div class="diagram-scroll" role="region" tabindex="0">   scrolls on a phone, keyboard included
 *       <div class="diagram-variant diagram-themed" data-pagefind-ignore><svg id="diagram-3fa2c1-1-svg">…
 *     </div>
 *     <p class="diagram-actions"><a href="#diagram-3fa2c1-1">Open full size</a>
 *     <details class="diagram-text"><summary>Text version</summary> description, then nodes and edges
 *   </figure>
 *
 * One SVG for both themes when the light and dark renderings differ in colours only (src/diagrams/merge.ts:
 * light-dark() colours follow the page's color-scheme); otherwise two, `diagram-light` and `diagram-dark` (ids
 * …-light, …-dark), and CSS (src/diagrams/diagrams.css) shows the one matching the theme; the hidden one is
 * display:none, so it is also out of the accessibility tree.
 *
 * "Open full size" needs no file and no script: it targets the figure, which CSS `:target` turns into a full-viewport
 * view; "Close full size" (or the back button) leaves it, landing on the caption where the reader was.
 * Search indexes the caption and the text version, never the SVG text.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent } from 'hast';
import type { CachedDiagram } from './cache.ts';
import type { DiagramModel, DiagramNode } from './renderer.ts';
import { RENDER_TOKEN } from './renderer.ts';
import { mergeThemedSvgs } from './merge.ts';
import type { DiagramTheme } from './source.ts';
import { finaliseSvg } from './svg.ts';
import { prefixBase } from '../core/base-path.ts';

export interface DiagramMarkupInput {
	variants: Record<DiagramTheme, CachedDiagram>;
	/**
	 * Prefix of every id in this figure, unique on the page (diagramIdPrefix()): the figure's own id; the SVGs append
	 * -svg (or -light/-dark), Mermaid's own ids (markers, nodes, the #id its styles are scoped to) append more.
	 */
	idPrefix: string;
	/** Site base path, for the diagram's `click` links. */
	base: string;
	/** How an SVG string becomes hast (parsed elements, or an MDX raw-HTML fragment). */
	embed: (svg: string) => ElementContent;
}

/**
 * `diagram-<document hash>-<n>`: the n-th diagram of a document. The document part keeps ids unique on pages that
 * show several documents (the cards sheet); it hashes the path relative to the repository, so builds are reproducible.
 */
export function diagramIdPrefix(documentPath: string, index: number): string {
	return `diagram-${createHash('sha256').update(documentPath).digest('hex').slice(0, 6)}-${index}`;
}

export function accessibleName(model: DiagramModel): string {
	return model.accTitle ?? model.title ?? (model.type.startsWith('flowchart') ? 'Flowchart' : 'Diagram');
}

export function diagramMarkup(input: DiagramMarkupInput): Element {
	const { variants, base } = input;
	// Always present in a light entry (the renderer parses the model in the light pass); a bare name otherwise.
	const model = variants.light.model ?? { type: 'unknown', nodes: [], edges: [] };
	const name = accessibleName(model);
	const prefix = input.idPrefix;
	const title = `${prefix}-title`;
	const drawing = (svg: string, kind: DiagramTheme | 'themed', id: string): Element =>
		el('div', { className: ['diagram-variant', `diagram-${kind}`], dataPagefindIgnore: '' }, [
			input.embed(finaliseSvg(svg, { token: RENDER_TOKEN, id, base })),
		]);
	const merged = mergeThemedSvgs(variants.light.svg, variants.dark.svg);
	const drawings = merged
		? [drawing(merged, 'themed', `${prefix}-svg`)]
		: [drawing(variants.light.svg, 'light', `${prefix}-light`), drawing(variants.dark.svg, 'dark', `${prefix}-dark`)];
	// Link text says which diagram: a page may have several, and screen readers list links out of context.
	const link = (href: string, label: string): Element =>
		el('a', { href }, [text(label), el('span', { className: ['sr-only'] }, [text(`: ${name}`)])]);
	const textVersion = textVersionOf(model, base);
	return el('figure', { className: ['diagram'], id: prefix, dataDiagram: variants.light.key.slice(0, 16) }, [
		el('figcaption', { id: title, className: ['diagram-caption'] }, [text(name)]),
		el('p', { className: ['diagram-close'], dataPagefindIgnore: '' }, [link(`#${title}`, 'Close full size')]),
		el('div', { className: ['diagram-scroll'], role: 'region', tabIndex: 0, ariaLabelledBy: [title] }, drawings),
		el('p', { className: ['diagram-actions'], dataPagefindIgnore: '' }, [link(`#${prefix}`, 'Open full size')]),
		...(textVersion.length
			? [el('details', { className: ['diagram-text'] }, [el('summary', {}, [text('Text version')]), ...textVersion])]
			: []),
	]);
}

/** The description, then one list item per edge ("Label → yes → Label") and per node that has no edge. */
export function textVersionOf(model: DiagramModel, base: string): ElementContent[] {
	const out: ElementContent[] = [];
	if (model.accDescr) out.push(el('p', {}, [text(model.accDescr)]));
	const nodes = new Map(model.nodes.map((n) => [n.id, n]));
	const items: Element[] = [];
	const ref = (id: string): ElementContent => {
		const node: DiagramNode = nodes.get(id) ?? { id, label: id };
		const label = plainLabel(node.label);
		return node.link ? el('a', { href: prefixBase(node.link, base) }, [text(label)]) : text(label);
	};
	for (const edge of model.edges) {
		const arrow = edge.type.startsWith('double_') ? '↔' : edge.type === 'arrow_open' ? '—' : '→';
		const label = plainLabel(edge.label);
		items.push(
			el('li', {}, [ref(edge.from), text(label ? ` ${arrow} ${label} ${arrow} ` : ` ${arrow} `), ref(edge.to)]),
		);
	}
	const connected = new Set(model.edges.flatMap((e) => [e.from, e.to]));
	for (const node of model.nodes) if (!connected.has(node.id)) items.push(el('li', {}, [ref(node.id)]));
	if (items.length) out.push(el('ul', {}, items));
	return out;
}

/** Node and edge labels as text: Mermaid labels may carry <br>, HTML entities, Markdown emphasis or backticks. */
export function plainLabel(label: string): string {
	return label
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(
			/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi,
			(_, dec?: string, hex?: string, name?: string) => {
				if (dec) return String.fromCodePoint(Number(dec));
				if (hex) return String.fromCodePoint(parseInt(hex, 16));
				return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name!.toLowerCase() as 'amp'];
			},
		)
		.replace(/#quot;/g, '"')
		.replace(/\*\*|__|`/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
	return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
	return { type: 'text', value };
}
