/**
 * A card's body as rendered from its MDX, made fit for pages that hold many cards.
 *
 * Ids: several cards share one page (the cards page, the sheets), and each card's body is its own MDX file, whose ids are
 * only unique within that file: task-list boxes are `task-1`, diagrams `diagram-1-svg`. This prefixes every id in a
 * card's rendered HTML with the card's id and rewrites the references to them (label `for`, aria, in-page `href`,
 * SVG `url(#id)` and `#id` selectors in SVG styles), so the page never repeats an id.
 */
const ID_ATTRIBUTE = /(\sid=")([^"]+)"/g;
const REFERENCE_LISTS = /(\s(?:for|aria-labelledby|aria-describedby|aria-controls)=")([^"]+)"/g;
const HREF = /(\shref="#)([^"]+)"/g;

export function scopeIds(html: string, prefix: string): string {
	const ids = new Set([...html.matchAll(ID_ATTRIBUTE)].map((m) => m[2]!));
	if (!ids.size) return html;
	const scoped = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
	const selector = new RegExp(`#(${[...ids].map(escapeRegExp).join('|')})(?![\\w-])`, 'g');
	return html
		.replace(ID_ATTRIBUTE, (_, pre: string, id: string) => `${pre}${scoped(id)}"`)
		.replace(REFERENCE_LISTS, (_, pre: string, list: string) => `${pre}${list.split(/\s+/).map(scoped).join(' ')}"`)
		.replace(HREF, (_, pre: string, id: string) => `${pre}${scoped(id)}"`)
		.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${scoped(id)})`)
		.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, (style) =>
			style.replace(selector, (_, id: string) => `#${scoped(id)}`),
		);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A card's diagram keeps its "Open full size" and "Close full size" links: they point at the figure and caption ids,
 * scoped here like any other, and cards.css hides them (a card shows the drawing only).
 */
export function cardBodyHtml(html: string, prefix: string): string {
	return scopeIds(html, prefix);
}
