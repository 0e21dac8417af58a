/**
 * Mermaid writes the same stylesheet into every flowchart: rules for error icons, edge animations, KaTeX, clusters,
 * and every node shape, used or not (about 4 KB of its 7 KB). A drawing is static once rendered, so a rule whose
 * selector names a class that no element in this SVG carries can never match: pruneUnusedCss() drops such selectors
 * (and rules left with none), and @keyframes no remaining rule animates with. Every byte it saves is paid by each
 * page with a diagram and again in the offline precache.
 *
 * Conservative where it cannot be sure: selectors with :is()/:where()/:has() stay; a class named only inside :not()
 * is not required; a stylesheet it cannot parse is left exactly as it was.
 */
import { parseCss, scanTo, serialiseCss, SVG_STYLE, type CssNode } from './svg-css.ts';
import { decodeXml, escapeXmlText } from '../core/xml-text.ts';

export function pruneUnusedCss(svg: string): string {
	const style = SVG_STYLE.exec(svg);
	if (!style) return svg;
	const css = parseCss(decodeXml(style[2]!));
	if (!css) return svg;
	const markup = svg.replace(SVG_STYLE, '');
	const classes = new Set(
		[...markup.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean)),
	);
	const rules = pruneRules(css, classes);
	const pruned = dropUnusedKeyframes(rules);
	return svg.replace(SVG_STYLE, (_, open: string) => `${open}${escapeXmlText(serialiseCss(pruned))}</style>`);
}

function pruneRules(nodes: CssNode[], classes: Set<string>): CssNode[] {
	const out: CssNode[] = [];
	for (const node of nodes) {
		if (node.kind === 'declaration') {
			out.push(node);
			continue;
		}
		if (node.prelude.startsWith('@')) {
			// @keyframes bodies are not selectors; other at-rules (@media, @supports) hold rules to prune in turn.
			if (/^@(?:-\w+-)?keyframes\b/i.test(node.prelude) || !node.body.some((n) => n.kind === 'rule')) out.push(node);
			else {
				const body = pruneRules(node.body, classes);
				if (body.length) out.push({ ...node, body });
			}
			continue;
		}
		const selectors = splitSelectors(node.prelude).filter((s) => canMatch(s, classes));
		if (selectors.length) out.push({ ...node, prelude: selectors.join(',') });
	}
	return out;
}

/** False only when the selector requires a class that nothing in the drawing has. */
export function canMatch(selector: string, classes: Set<string>): boolean {
	if (/:(?:is|where|has|matches)\(/i.test(selector)) return true;
	const required = selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/gi, '').replace(/\[[^\]]*\]/g, '');
	return [...required.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => classes.has(m[1]!));
}

function splitSelectors(prelude: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i <= prelude.length) {
		const stop = scanTo(prelude, i, ',') ?? prelude.length;
		const part = prelude.slice(i, stop).trim();
		if (part) out.push(part);
		i = stop + 1;
	}
	return out;
}

function dropUnusedKeyframes(nodes: CssNode[]): CssNode[] {
	const declarations = serialiseCss(nodes.filter((n) => !(n.kind === 'rule' && isKeyframes(n.prelude))));
	return nodes.filter((n) => {
		if (n.kind !== 'rule' || !isKeyframes(n.prelude)) return true;
		const name = n.prelude.replace(/^@(?:-\w+-)?keyframes\s+/i, '').trim();
		return new RegExp(`(?:^|[\\s:,])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(
			declarations.replace(/[{};]/g, ' '),
		);
	});
}

function isKeyframes(prelude: string): boolean {
	return /^@(?:-\w+-)?keyframes\b/i.test(prelude);
}
