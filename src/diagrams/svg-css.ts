/**
 * Just enough CSS syntax for the stylesheet Mermaid writes into each SVG (strings, parentheses, comments, nested
 * at-rules): parse into rules and declarations, and serialise back. Shared by the build-time SVG transforms that
 * rewrite it (src/diagrams/merge.ts, src/diagrams/css-prune.ts). Pure string work.
 */

/** An SVG's <style> element: its start tag and its (XML-escaped) stylesheet. */
export const SVG_STYLE = /(<style\b[^>]*>)([\s\S]*?)<\/style>/;

export type CssNode = { kind: 'declaration'; text: string } | { kind: 'rule'; prelude: string; body: CssNode[] };

/** A stylesheet as rules and declarations (enough CSS syntax for it: strings, parentheses, comments). */
export function parseCss(css: string): CssNode[] | undefined {
	let i = 0;
	const block = (nested: boolean): CssNode[] | undefined => {
		const nodes: CssNode[] = [];
		for (;;) {
			while (i < css.length && /\s/.test(css[i]!)) i++;
			if (i >= css.length) return nested ? undefined : nodes;
			if (css[i] === '}') {
				if (!nested) return undefined;
				i++;
				return nodes;
			}
			const start = i;
			const stop = scanTo(css, i, '{;}');
			if (stop === undefined) return undefined;
			const text = stripComments(css.slice(start, stop)).trim();
			if (css[stop] === '{') {
				i = stop + 1;
				const body = block(true);
				if (!body) return undefined;
				nodes.push({ kind: 'rule', prelude: text, body });
			} else {
				i = css[stop] === ';' ? stop + 1 : stop;
				if (text) nodes.push({ kind: 'declaration', text });
			}
		}
	};
	return block(false);
}

/** Index of the first of `stops` outside strings, parentheses and comments (the end of the text if none). */
export function scanTo(text: string, from: number, stops: string): number | undefined {
	let depth = 0;
	for (let i = from; i < text.length; i++) {
		const c = text[i]!;
		if (c === '"' || c === "'") {
			const end = text.indexOf(c, i + 1);
			if (end < 0) return undefined;
			i = end;
		} else if (c === '/' && text[i + 1] === '*') {
			const end = text.indexOf('*/', i + 2);
			if (end < 0) return undefined;
			i = end + 1;
		} else if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (depth === 0 && stops.includes(c)) return i;
	}
	return text.length;
}

function stripComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, '');
}

export function serialiseCss(nodes: CssNode[]): string {
	return nodes.map((n) => (n.kind === 'declaration' ? `${n.text};` : `${n.prelude}{${serialiseCss(n.body)}}`)).join('');
}

