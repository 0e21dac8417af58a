/**
 * Post-processing of the SVG Mermaid produces, as plain string transforms (the input is well-formed XML, serialised
 * by the browser), so they are pure and unit-tested:
 *   (Sanitising is the site-wide policy in src/core/sanitize.ts, applied first by the renderer.)
 *   - scopeSvgIds: every id starts with the render token, so one string replacement gives each copy of a diagram
 *     (several diagrams on a page, light and dark variants when they are kept apart) its own ids, markers and
 *     `#id`-scoped styles.
 *   - sizeSvgRoot: natural width and height instead of `width="100%"`, so a big diagram scrolls on a phone instead
 *     of shrinking to unreadable text.
 *   - trimSvg: what Mermaid writes that nothing reads: markers no edge uses, edge geometry kept for its own
 *     animations, empty styles, repeated class names.
 *   - finaliseSvg: at page-build time, the real id and the site's base path on site-relative links.
 */
import { prefixBase } from '../core/base-path.ts';
import { decodeXml, escapeXml } from '../core/xml-text.ts';

/**
 * Prefix every id that does not already contain `token`, and rewrite the references to it (url(#id), href="#id"
 * on non-links, aria-labelledby/-describedby). Links (<a href="#anchor">) point at the page, not the SVG: left alone.
 */
export function scopeSvgIds(svg: string, token: string): string {
	const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.includes(token)));
	if (!ids.size) return svg;
	const scoped = (id: string) => (ids.has(id) ? `${token}-${id}` : id);
	return svg
		.replace(/(\sid=")([^"]+)"/g, (_, pre: string, id: string) => `${pre}${scoped(id)}"`)
		.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${scoped(id)})`)
		.replace(
			/<(?!a[\s>])([a-zA-Z][\w:-]*)(\s[^>]*?)?\shref="#([^"]+)"/g,
			(m: string, tag: string, attrs: string | undefined, id: string) =>
				ids.has(id) ? `<${tag}${attrs ?? ''} href="#${scoped(id)}"` : m,
		)
		.replace(
			/(\saria-(?:labelledby|describedby)=")([^"]+)"/g,
			(_, pre: string, list: string) => `${pre}${list.split(/\s+/).map(scoped).join(' ')}"`,
		);
}

/** Replace the root's `width="100%"` and `max-width` style with the natural size from its viewBox. */
export function sizeSvgRoot(svg: string): string {
	return svg.replace(/^<svg\b[^>]*>/, (root) => {
		const box = /\sviewBox="([^"]+)"/
			.exec(root)?.[1]
			?.trim()
			.split(/[\s,]+/)
			.map(Number);
		if (box?.length !== 4 || box.some((n) => !Number.isFinite(n))) return root;
		const [, , w, h] = box as [number, number, number, number];
		return root
			.replace(/\s(?:width|height)="[^"]*"/g, '')
			.replace(/\sstyle="([^"]*)"/, (_, style: string) => {
				const rest = style.replace(/max-width:\s*[^;]+;?/g, '').trim();
				return rest ? ` style="${rest}"` : '';
			})
			.replace(/^<svg\b/, `<svg width="${Math.ceil(w)}" height="${Math.ceil(h)}"`);
	});
}

export interface FinaliseOptions {
	/** The placeholder id the SVG was rendered with. */
	token: string;
	/** The id this copy gets; unique on its page. */
	id: string;
	/** Site base path (`/` or `/ops/`), for site-relative links. */
	base: string;
}

export function finaliseSvg(svg: string, options: FinaliseOptions): string {
	return svg
		.split(options.token)
		.join(options.id)
		.replace(
			/(<a\b[^>]*?\shref=")([^"]*)"/g,
			(_, pre: string, href: string) => `${pre}${escapeXml(prefixBase(decodeXml(href), options.base))}"`,
		);
}

/**
 * Drops what no reader and no style uses. Mermaid defines twelve arrowhead markers in every flowchart (point, circle
 * and cross, at both ends, with and without margin) whatever its edges use, and keeps each edge's points base64-encoded
 * for its animations: measured on the benchmark's flowcharts, 4.4 of 13.6 KB, which put a page with one diagram over the
 * 40 KB page budget. Markers are kept when anything refers to them (`url(#id)`, `href="#id"`).
 */
export function trimSvg(svg: string): string {
	const referenced = new Set([...svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => (m[1] ?? m[2])!));
	return svg
		.replace(/<marker\b[^>]*\sid="([^"]+)"[^>]*>[\s\S]*?<\/marker>/g, (marker, id: string) =>
			referenced.has(id) ? marker : '',
		)
		.replace(/\sdata-(?:points|et|edge)="[^"]*"/g, '')
		.replace(/\sstyle=""/g, '')
		.replace(
			/(\sclass=")([^"]*)"/g,
			(_, pre: string, list: string) => `${pre}${[...new Set(list.split(/\s+/))].join(' ')}"`,
		);
}
