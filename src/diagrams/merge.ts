/**
 * One SVG for both themes. Mermaid's light and dark renderings of a diagram have the same layout and differ in
 * colours only: the values in its `<style>` and a few colour attributes. mergeThemedSvgs() keeps the light drawing and
 * turns every colour that differs into `light-dark(<light>, <dark>)`, which follows the `color-scheme` the page sets
 * per theme (src/shell/styles/global.css; print and cards pin it to light). That halves the SVG bytes of a diagram page.
 *
 * Correctness first: anything else that differs (a number, an element, a `url(#…)` against a colour, a colour in an
 * attribute the stylesheet also sets) makes it return undefined, and the page keeps both renderings. Pure string work
 * on the serialised XML the renderer stores (src/diagrams/renderer.ts), like src/diagrams/svg.ts.
 */
import { parseCss, scanTo, serialiseCss, SVG_STYLE, type CssNode } from './svg-css.ts';
import { decodeXml, escapeXml, escapeXmlText } from '../core/xml-text.ts';

/** Definitions one rendering may add that draw nothing unless referenced (Mermaid's dark gradient, say). */
const DROPPABLE_DEFS = new Set([
	'defs',
	'lineargradient',
	'radialgradient',
	'pattern',
	'filter',
	'marker',
	'clippath',
	'mask',
	'symbol',
]);

/**
 * Colour attributes that may differ: each is also a CSS property, so the merged value moves into the element's `style`
 * (light-dark() is CSS; presentation attributes do not take it).
 */
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke', 'color', 'flood-color', 'stop-color', 'lighting-color']);

export function mergeThemedSvgs(light: string, dark: string): string | undefined {
	if (light === dark) return light;
	const lightStyle = SVG_STYLE.exec(light);
	const darkStyle = SVG_STYLE.exec(dark);
	if (!lightStyle !== !darkStyle) return undefined;

	let css: CssNode[] = [];
	if (lightStyle && darkStyle) {
		if (lightStyle[1] !== darkStyle[1]) return undefined;
		const a = parseCss(decodeXml(lightStyle[2]!));
		const b = parseCss(decodeXml(darkStyle[2]!));
		const merged = a && b ? mergeCss(a, b) : undefined;
		if (!merged) return undefined;
		css = merged;
	}
	// The stylesheet wins over presentation attributes but loses to `style`: an attribute the stylesheet may set
	// cannot move into `style` without changing which value applies.
	const sheetProperties = declaredProperties(css);

	const a = tokenise(light.replace(SVG_STYLE, STYLE_PLACEHOLDER));
	const b = tokenise(dark.replace(SVG_STYLE, STYLE_PLACEHOLDER));
	const out: string[] = [];
	const dropped: string[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		const x = a[i];
		const y = b[j];
		if (x !== undefined && x === y) {
			out.push(x === STYLE_PLACEHOLDER ? `${lightStyle![1]}${escapeXmlText(serialiseCss(css))}</style>` : x);
			i++;
			j++;
			continue;
		}
		const tag = x !== undefined && y !== undefined ? mergeTag(x, y, sheetProperties) : undefined;
		if (tag !== undefined) {
			out.push(tag);
			i++;
			j++;
			continue;
		}
		const skipDark = skippableElement(b, j);
		if (skipDark) {
			dropped.push(...skipDark.ids);
			j = skipDark.next;
			continue;
		}
		const skipLight = skippableElement(a, i);
		if (skipLight) {
			dropped.push(...skipLight.ids);
			i = skipLight.next;
			continue;
		}
		return undefined;
	}
	const svg = out.join('');
	// A definition only one rendering had is left out, which is safe only if nothing points at it.
	if (dropped.some((id) => new RegExp(`#${escapeRegExp(id)}(?![\\w-])`).test(svg))) return undefined;
	return svg;
}

// ---------------------------------------------------------------------------------------------------------------
// Markup

const STYLE_PLACEHOLDER = '<style-placeholder/>';

function tokenise(xml: string): string[] {
	return xml.match(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g) ?? [];
}

interface Tag {
	name: string;
	attributes: Array<[string, string]>;
	selfClosing: boolean;
}

function parseTag(token: string): Tag | undefined {
	const m = /^<([a-zA-Z][\w:.-]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?)>$/.exec(token);
	if (!m) return undefined;
	const attributes = [...m[2]!.matchAll(/\s+([^\s=/>]+)="([^"]*)"/g)].map((a): [string, string] => [a[1]!, a[2]!]);
	return { name: m[1]!, attributes, selfClosing: m[3] === '/' };
}

function serialiseTag(tag: Tag): string {
	return `<${tag.name}${tag.attributes.map(([k, v]) => ` ${k}="${v}"`).join('')}${tag.selfClosing ? '/' : ''}>`;
}

/** Two start tags that differ only in colours: the light tag with those colours as light-dark() in its style. */
function mergeTag(x: string, y: string, sheetProperties: Set<string>): string | undefined {
	const a = parseTag(x);
	const b = parseTag(y);
	if (!a || !b || a.name !== b.name || a.selfClosing !== b.selfClosing || a.attributes.length !== b.attributes.length)
		return undefined;
	const darkValues = new Map(b.attributes);
	if (darkValues.size !== b.attributes.length) return undefined;
	const attributes: Array<[string, string]> = [];
	const moved: string[] = [];
	/** The merged `style` attribute, decoded, when it changes. */
	let style: string | undefined;
	for (const [name, lightValue] of a.attributes) {
		const darkValue = darkValues.get(name);
		if (darkValue === undefined) return undefined;
		attributes.push([name, lightValue]);
		if (lightValue === darkValue) continue;
		if (name === 'style') {
			style = mergeDeclarations(decodeXml(lightValue), decodeXml(darkValue));
			if (style === undefined) return undefined;
			continue;
		}
		const l = decodeXml(lightValue).trim();
		const d = decodeXml(darkValue).trim();
		if (!COLOUR_ATTRIBUTES.has(name) || sheetProperties.has(name) || !isColour(l) || !isColour(d)) return undefined;
		attributes.pop();
		moved.push(`${name}:light-dark(${l}, ${d})`);
	}
	if (moved.length) {
		const current = style ?? decodeXml(a.attributes.find(([k]) => k === 'style')?.[1] ?? '');
		// A property the element's own style sets already wins over the attribute: moving it would change that.
		const own = new Set(splitDeclarations(current).map(propertyOf));
		if (moved.some((m) => own.has(propertyOf(m)))) return undefined;
		style = [current.trim().replace(/;\s*$/, ''), ...moved].filter((s) => s).join('; ');
		if (!attributes.some(([k]) => k === 'style')) attributes.push(['style', '']);
	}
	return serialiseTag({
		...a,
		attributes:
			style === undefined
				? attributes
				: attributes.map(([k, v]): [string, string] => [k, k === 'style' ? escapeXml(style!) : v]),
	});
}

/**
 * An element starting at `tokens[index]` that only one rendering has and that draws nothing by itself (a gradient, a
 * filter, …): where it ends and the ids it defines, or undefined.
 */
function skippableElement(tokens: string[], index: number): { next: number; ids: string[] } | undefined {
	const first = tokens[index];
	const tag = first === undefined ? undefined : parseTag(first);
	if (!tag || !DROPPABLE_DEFS.has(tag.name.toLowerCase())) return undefined;
	const ids: string[] = [];
	let depth = 0;
	for (let k = index; k < tokens.length; k++) {
		const token = tokens[k]!;
		if (token === STYLE_PLACEHOLDER || /^<(?:style|script|foreignObject)\b/i.test(token)) return undefined;
		if (token.startsWith('</')) depth--;
		else if (token.startsWith('<') && !token.startsWith('<!')) {
			const id = /\sid="([^"]+)"/.exec(token)?.[1];
			if (id) ids.push(decodeXml(id));
			if (!token.endsWith('/>')) depth++;
		}
		if (depth === 0) return { next: k + 1, ids };
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Stylesheet

function mergeCss(a: CssNode[], b: CssNode[]): CssNode[] | undefined {
	if (a.length !== b.length) return undefined;
	const out: CssNode[] = [];
	for (let k = 0; k < a.length; k++) {
		const x = a[k]!;
		const y = b[k]!;
		if (x.kind === 'declaration' && y.kind === 'declaration') {
			const text = mergeDeclaration(x.text, y.text);
			if (text === undefined) return undefined;
			out.push({ kind: 'declaration', text });
		} else if (x.kind === 'rule' && y.kind === 'rule') {
			if (x.prelude !== y.prelude) return undefined;
			const body = mergeCss(x.body, y.body);
			if (!body) return undefined;
			out.push({ kind: 'rule', prelude: x.prelude, body });
		} else return undefined;
	}
	return out;
}

function declaredProperties(nodes: CssNode[], into = new Set<string>()): Set<string> {
	for (const n of nodes) {
		if (n.kind === 'declaration') into.add(propertyOf(n.text));
		else declaredProperties(n.body, into);
	}
	return into;
}

function propertyOf(declaration: string): string {
	return declaration.slice(0, declaration.indexOf(':')).trim().toLowerCase();
}

/** `a; b; c` (a style attribute) into declarations, respecting strings and parentheses. */
function splitDeclarations(text: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < text.length) {
		const stop = scanTo(text, i, ';') ?? text.length;
		const part = text.slice(i, stop).trim();
		if (part) out.push(part);
		i = stop + 1;
	}
	return out;
}

/** A style attribute's declarations, merged one by one (same properties, same order). */
function mergeDeclarations(light: string, dark: string): string | undefined {
	const a = splitDeclarations(light);
	const b = splitDeclarations(dark);
	if (a.length !== b.length) return undefined;
	const out: string[] = [];
	for (let k = 0; k < a.length; k++) {
		const merged = mergeDeclaration(a[k]!, b[k]!);
		if (merged === undefined) return undefined;
		out.push(merged);
	}
	return out.join('; ');
}

/** `fill:#333` and `fill:#ccc` -> `fill:light-dark(#333, #ccc)`; undefined when they differ in anything but colours. */
export function mergeDeclaration(light: string, dark: string): string | undefined {
	if (light === dark) return light;
	const colon = light.indexOf(':');
	if (colon < 0 || dark.indexOf(':') < 0 || propertyOf(light) !== propertyOf(dark)) return undefined;
	const important = /\s*!\s*important\s*$/i;
	const lightValue = light.slice(colon + 1);
	const darkValue = dark.slice(dark.indexOf(':') + 1);
	const lightImportant = important.exec(lightValue)?.[0] ?? '';
	if (!lightImportant !== !important.test(darkValue)) return undefined;
	const value = mergeValue(lightValue.replace(important, ''), darkValue.replace(important, ''));
	return value === undefined ? undefined : `${light.slice(0, colon + 1)}${value}${lightImportant}`;
}

/**
 * Two property values, component by component: equal components (whitespace aside) keep the light text, two colours
 * become light-dark(), two calls of the same function are merged argument by argument (a colour inside drop-shadow()),
 * anything else fails.
 */
export function mergeValue(light: string, dark: string): string | undefined {
	if (normaliseValue(light) === normaliseValue(dark)) return light;
	const a = components(light);
	const b = components(dark);
	if (!a || !b || a.length !== b.length) return undefined;
	// Whitespace around the value stays as the light rendering wrote it.
	let out = /^\s*/.exec(light)![0];
	for (let k = 0; k < a.length; k++) {
		const x = a[k]!;
		const y = b[k]!;
		if (x.separator || y.separator) {
			if (!x.separator || !y.separator || x.text.trim() !== y.text.trim()) return undefined;
			out += x.text;
		} else if (normaliseValue(x.text) === normaliseValue(y.text)) out += x.text;
		else if (isColour(x.text) && isColour(y.text)) out += `light-dark(${x.text}, ${y.text})`;
		else {
			const fx = /^([a-zA-Z-]+)\(([\s\S]*)\)$/.exec(x.text);
			const fy = /^([a-zA-Z-]+)\(([\s\S]*)\)$/.exec(y.text);
			if (
				!fx ||
				!fy ||
				fx[1]!.toLowerCase() !== fy[1]!.toLowerCase() ||
				fx[1]!.toLowerCase() === 'url' ||
				fx[1]!.toLowerCase() === 'var'
			)
				return undefined;
			const args = mergeValue(fx[2]!, fy[2]!);
			if (args === undefined) return undefined;
			out += `${fx[1]}(${args})`;
		}
	}
	return out + /\s*$/.exec(light)![0];
}

interface Component {
	text: string;
	separator: boolean;
}

/** A value's top-level components (words, strings, function calls) and the separators (spaces, commas, slashes) between. */
function components(value: string): Component[] | undefined {
	const out: Component[] = [];
	const text = value.trim();
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		if (/[\s,/]/.test(c)) {
			let end = i;
			while (end < text.length && /[\s,/]/.test(text[end]!)) end++;
			out.push({ text: text.slice(i, end), separator: true });
			i = end;
			continue;
		}
		let end = i;
		let depth = 0;
		while (end < text.length) {
			const d = text[end]!;
			if (d === '"' || d === "'") {
				const close = text.indexOf(d, end + 1);
				if (close < 0) return undefined;
				end = close + 1;
				continue;
			}
			if (d === '(') depth++;
			else if (d === ')') depth--;
			else if (depth === 0 && /[\s,/]/.test(d)) break;
			end++;
		}
		if (depth !== 0) return undefined;
		out.push({ text: text.slice(i, end), separator: false });
		i = end;
	}
	return out;
}

/** Whitespace that means nothing in a CSS value (runs, inside parentheses, around commas); strings kept as written. */
function normaliseValue(value: string): string {
	return value
		.trim()
		.split(/("[^"]*"|'[^']*')/)
		.map((part, i) =>
			i % 2
				? part
				: part
						.replace(/\s+/g, ' ')
						.replace(/\(\s+/g, '(')
						.replace(/\s+\)/g, ')')
						.replace(/\s*,\s*/g, ','),
		)
		.join('');
}

const COLOUR_FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\([\s\S]*\)$/i;

export function isColour(value: string): boolean {
	const v = value.trim();
	return (
		/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v) ||
		COLOUR_FUNCTION.test(v) ||
		NAMED_COLOURS.has(v.toLowerCase())
	);
}

/** CSS named colours (CSS Color 4), plus transparent and currentcolor. */
const NAMED_COLOURS = new Set(
	(
		'transparent currentcolor aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown ' +
		'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
		'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue ' +
		'darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite ' +
		'forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory ' +
		'khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen ' +
		'lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime ' +
		'limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue ' +
		'mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive ' +
		'olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum ' +
		'powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
		'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke ' +
		'yellow yellowgreen'
	).split(' '),
);

// ---------------------------------------------------------------------------------------------------------------
// XML text

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
