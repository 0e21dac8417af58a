/**
 * One sanitising policy for the whole site, on hast-util-sanitize (the library behind rehype-sanitize):
 *   - sanitizeSvg: the SVG Mermaid produces, before it is inlined into pages, the offline zip and the card PDFs;
 *   - sanitizeHtml / sanitizeHast / rehypeSanitize: HTML that people write into Markdown and MDX.
 *
 * What is allowed, and why (issue #22):
 *   - Link URLs (href, xlink:href, src, cite): relative (`/x/`, `x`, `?q`, `#frag`), http, https and mailto. Anything
 *     else with a scheme is dropped: javascript:, vbscript:, data:, and every disguise of them, because the check runs
 *     on the parsed value (entities such as `&#106;` and `&colon;` already decoded) and a scheme is whatever precedes
 *     the first colon: ` javascript:`, `java\tscript:` and `JaVaScRiPt:` are not http, so they go. Upper-case
 *     `HTTPS:` goes too (hast-util-sanitize compares exactly); nobody writes it.
 *   - Element and attribute allow-lists, never deny-lists: anything not named here is removed (its text kept, except
 *     for the elements in `strip`, whose content goes with them).
 *   - ids keep their value: no `user-content-` clobber prefix, since diagram markers, `url(#id)` and page anchors
 *     refer to them, and the id scoping of diagram SVG (diagram-svg.ts) runs later.
 *   - `style` attributes: kept in SVG, refused in HTML. Mermaid writes one on most nodes and labels (its `style`
 *     and `classDef` directives, the label layout inside foreignObject), and the site's CSP already allows inline
 *     styles for them; browsers have not run script from CSS since IE's expression() and Firefox's -moz-binding, so
 *     the risks left are requests to other origins and covering the page. Declarations with a url() that is not a
 *     `#fragment`, image-set(), expression(), -moz-binding, behavior, a script scheme, or `position: fixed|sticky`
 *     are removed, the rest kept. In HTML written into Markdown there is no need for them (GitHub refuses them too).
 *   - Mermaid's `<style>` element: only the first one at the top of the SVG (the one Mermaid writes); any other would
 *     restyle the whole page. Its rules must be scoped to the diagram's own id (`#id …`, as Mermaid writes every
 *     rule), `@import` and `@font-face` go, and declarations are cleaned as above.
 *   - No request to another origin on a diagram's behalf: images only with a relative address.
 *
 * Serialising: the SVG comes out as XML, like the XMLSerializer output it replaces (every later transform in
 * diagram-svg.ts, diagram-css-prune.ts and diagram-merge.ts is string work on XML, and the offline zip keeps each
 * diagram as an .svg file): `<path/>`, `<br />`, `&lt;` `&gt;` `&amp;` `&quot;` escaped in attributes and text. A
 * small serialiser below does that, since hast-util-to-html writes HTML (raw `<` in attribute values, raw text in
 * `<style>`). Parsing goes through hast-util-from-html (parse5, the HTML parser), which is what a browser does with
 * the SVG inlined into a page: SVG names keep their case (viewBox, foreignObject, markerWidth) through parse5's
 * foreign-content adjustments, and the tree that is checked is the tree the browser builds.
 *
 * Cost, measured on this 2-core machine (tests/unit/hardening/sanitize.test.ts prints it): see MEASURED_COST.
 */
import type { Element, ElementContent, Nodes, Parents, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import postcss, { type Container } from 'postcss';
import { find, html as htmlInfo, svg as svgInfo } from 'property-information';

/**
 * Measured on this 2-core machine (load average about 2 from other builds), median of 300 runs after warm-up, on the
 * real 25 KB Mermaid flowchart in tests/unit/hardening/fixtures: 3.0 ms, so about 1.9 ms per 16 KB of SVG (parse5
 * 1.1 ms, the schema 0.25 ms, postcss on the 6 KB stylesheet 0.13 ms, the rest the XML serialiser). Under the test
 * runner the same number reads 3.5 to 4.5 ms per 16 KB. The regular expressions it replaces took 0.07 ms per 16 KB:
 * the price of a parser, paid once per new or changed diagram (rendered diagrams are cached), next to Mermaid's own
 * 57 to 108 ms per diagram in the browser.
 */
export const MEASURED_COST = { msPer16KbSvg: 1.9, regexMsPer16KbSvg: 0.07 } as const;

/** Schemes a link may use; relative URLs (no scheme) are always allowed. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/** The elements whose content goes with them (script text must not become visible text, nor a frame's fallback). */
const STRIP = (
	'script style iframe frame frameset object embed applet noscript noembed noframes template textarea ' +
	'select option button form title xmp plaintext math svg base link meta'
).split(' ');

/** Attributes that hold a URL, for the checks on Markdown-generated elements (whose tags are trusted). */
const URL_PROPERTIES = 'href xLinkHref src cite longDesc poster action formAction background srcSet ping'.split(' ');

/** True when `url` is relative or uses one of LINK_SCHEMES: the same rule hast-util-sanitize applies to the schema. */
export function isSafeUrl(url: string): boolean {
	const colon = url.indexOf(':');
	if (colon < 0) return true;
	for (const stop of ['/', '?', '#']) {
		const at = url.indexOf(stop);
		if (at > -1 && at < colon) return true;
	}
	return (LINK_SCHEMES as readonly string[]).includes(url.slice(0, colon));
}

/** True when `url` stays on the site: relative, and not protocol-relative (`//host/x`). For images. */
export function isLocalUrl(url: string): boolean {
	return isSafeUrl(url) && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[\\/][\\/]/.test(url.trim());
}

// ── HTML policy ────────────────────────────────────────────────────────────────────────────────────────────────────

const htmlDefault = defaultSchema.attributes ?? {};
/**
 * HTML written into Markdown: GitHub's policy (hast-util-sanitize's default) plus <details open>, figures, <mark>,
 * <abbr>, <time>, <caption>/<colgroup>; minus the form attributes (no forms) and the id clobbering.
 */
export const HTML_SCHEMA: Schema = {
	...defaultSchema,
	clobber: [],
	clobberPrefix: '',
	strip: STRIP,
	tagNames: [
		...(defaultSchema.tagNames ?? []),
		...'abbr caption cite col colgroup dfn figcaption figure mark small time u wbr'.split(' '),
	],
	attributes: {
		...htmlDefault,
		'*': (htmlDefault['*'] ?? []).filter(
			(a) => !['action', 'accept', 'acceptCharset', 'encType', 'method'].includes(typeof a === 'string' ? a : a[0]),
		),
		a: [
			...(htmlDefault.a ?? []),
			'title',
			['target', '_blank', '_self'],
			['rel', 'noopener', 'noreferrer', 'nofollow'],
		],
		details: ['open'],
		img: [
			...(htmlDefault.img ?? []),
			'alt',
			'title',
			'width',
			'height',
			['loading', 'lazy', 'eager'],
			['decoding', 'async', 'sync', 'auto'],
		],
		abbr: ['title'],
		time: ['dateTime'],
		td: [['align', 'left', 'right', 'center']],
		th: [['align', 'left', 'right', 'center']],
	},
	protocols: {
		href: [...LINK_SCHEMES],
		cite: [...LINK_SCHEMES],
		longDesc: [...LINK_SCHEMES],
		src: ['http', 'https'],
	},
};

// ── SVG policy ─────────────────────────────────────────────────────────────────────────────────────────────────────

const SVG_ELEMENTS = (
	'svg g defs symbol use switch marker path rect circle ellipse line polyline polygon text tspan ' +
	'textPath title desc style a foreignObject image linearGradient radialGradient stop pattern clipPath ' +
	'mask filter feBlend feColorMatrix feComponentTransfer feComposite feDropShadow feFlood feFuncA ' +
	'feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset animate ' +
	'animateTransform set'
).split(' ');

/** Plain formatting HTML, allowed only inside <foreignObject> (Mermaid's HTML labels). */
const LABEL_HTML = 'div span p br b strong i em u s del ins mark small sub sup code kbd ul ol li img'.split(' ');

/** SVG attributes that run script, fetch, or change how URLs resolve; the URL-holding ones are re-added per element. */
const SVG_DENIED = new Set(
	(
		'handler event observer defaultAction contentScriptType contentStyleType externalResourcesRequired ' +
		'ping download crossOrigin referrerPolicy xmlBase xmlns xmlnsXLink href xLinkHref xLinkActuate ' +
		'xLinkArcRole xLinkRole xLinkShow xLinkType attributeName attributeType begin end target'
	).split(' '),
);

/** Every SVG attribute property-information knows (presentation attributes, geometry, aria-*, role …) but those. */
const SVG_ATTRIBUTES: string[] = [
	...Object.keys(svgInfo.property).filter((p) => !/^on[A-Z]/.test(p) && !SVG_DENIED.has(p)),
	'data*',
	// Written by Mermaid and unknown to property-information: its property name is the attribute name.
	'text-height',
];

/** An in-document reference: `#id` only (a `<use>` pointing outside the document can load and run another SVG). */
const FRAGMENT = /^#[^\s]*$/;
const FRAGMENT_ONLY = ['use', 'textPath', 'linearGradient', 'radialGradient', 'pattern', 'filter'];
/** SMIL may animate presentation attributes, never a URL or an event handler (the classic `<animate>` XSS). */
const ANIMATIONS = new Set(['animate', 'animateTransform', 'set']);
const ANIMATABLE = /^(?!on)(?![\w-]*href$)[a-z][a-z-]*$/i;

export const SVG_SCHEMA: Schema = {
	allowComments: false,
	allowDoctypes: false,
	clobber: [],
	clobberPrefix: '',
	strip: STRIP.filter((t) => t !== 'style' && t !== 'title' && t !== 'svg'),
	tagNames: [...SVG_ELEMENTS, ...LABEL_HTML],
	ancestors: {
		...Object.fromEntries(LABEL_HTML.map((t) => [t, ['foreignObject']])),
		...Object.fromEntries(SVG_ELEMENTS.filter((t) => t !== 'svg').map((t) => [t, ['svg']])),
	},
	attributes: {
		'*': SVG_ATTRIBUTES,
		a: ['href', 'xLinkHref', ['target', '_blank', '_self', '_parent', '_top']],
		...Object.fromEntries(
			FRAGMENT_ONLY.map((t) => [t, [['href', FRAGMENT] as const, ['xLinkHref', FRAGMENT] as const]]),
		),
		image: ['href', 'xLinkHref'],
		animate: [['attributeName', ANIMATABLE], 'attributeType', 'begin', 'end'],
		animateTransform: [['attributeName', ANIMATABLE], 'attributeType', 'begin', 'end'],
		set: [['attributeName', ANIMATABLE], 'attributeType', 'begin', 'end'],
		// The namespace declarations a standalone .svg file needs, and only with their one right value.
		svg: [['xmlns', 'http://www.w3.org/2000/svg']],
		...Object.fromEntries(
			LABEL_HTML.map((t) => [
				t,
				[
					['xmlns', 'http://www.w3.org/1999/xhtml'],
					'className',
					'style',
					'title',
					'dir',
					'lang',
					'role',
					'data*',
					'id',
					...(t === 'img' ? ['src', 'alt', 'width', 'height'] : []),
				],
			]),
		),
	},
	protocols: { href: [...LINK_SCHEMES], xLinkHref: [...LINK_SCHEMES], src: [...LINK_SCHEMES] },
	required: {},
};

// ── CSS ────────────────────────────────────────────────────────────────────────────────────────────────────────────

const UNSAFE_VALUE = /expression\s*\(|image-set\s*\(|(?:java|vb)script\s*:|-moz-binding|@import/i;
const UNSAFE_PROPERTY = /^(?:behaviou?r|-moz-binding)$/i;

function unsafeDeclaration(prop: string, value: string): boolean {
	if (UNSAFE_PROPERTY.test(prop.trim()) || UNSAFE_VALUE.test(value) || UNSAFE_VALUE.test(prop)) return true;
	if (/^position$/i.test(prop.trim()) && /fixed|sticky/i.test(value)) return true;
	return hasRemoteUrl(value);
}

/** A url() in CSS or a presentation attribute that is not `url(#id)`. */
function hasRemoteUrl(value: string): boolean {
	for (const m of value.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/gi)) if (!m[2]!.trim().startsWith('#')) return true;
	// A url( with an escape or without a closing parenthesis: not worth understanding.
	return /url\s*\\|\\\s*\(|u\\|\\7[0-9a-f]/i.test(value);
}

/** Clean a `style` attribute; undefined when nothing is left. Cheap when clean (one regular expression). */
export function cleanStyleAttribute(style: string): string | undefined {
	if (!/url|expression|image-set|script|binding|behaviou?r|@import|position|\\/i.test(style)) return style;
	let root: ReturnType<typeof postcss.parse>;
	try {
		root = postcss.parse(`x{${style}}`);
	} catch {
		return undefined;
	}
	const rule = root.first as Container | undefined;
	if (!rule || root.nodes.length !== 1 || rule.type !== 'rule') return undefined;
	rule.each((node) => {
		if (node.type !== 'decl' || unsafeDeclaration(node.prop, node.value)) node.remove();
	});
	if (!rule.nodes?.length) return undefined;
	// The kept declarations as written (postcss keeps their spacing): `x{` … `}` around them.
	return root.toString().slice(2, -1).trim();
}

/**
 * Clean a diagram's stylesheet: every rule scoped to `#scopeId` (keyframe steps aside), no @import / @font-face /
 * @namespace / @charset, no unsafe declaration. The text of untouched rules is kept as written (postcss keeps raws).
 */
export function cleanSvgStylesheet(css: string, scopeId: string | undefined): string {
	let root: ReturnType<typeof postcss.parse>;
	try {
		root = postcss.parse(css);
	} catch {
		return '';
	}
	const scope = scopeId ? `#${scopeId}` : undefined;
	const scoped = (selector: string) =>
		!!scope &&
		(selector === scope || (/^[\s>+~.:[#]/.test(selector.slice(scope.length)) && selector.startsWith(scope)));
	root.walk((node) => {
		if (node.type === 'atrule') {
			if (!/^(?:-\w+-)?(?:media|supports|keyframes|container|layer)$/i.test(node.name)) node.remove();
		} else if (node.type === 'rule') {
			const inKeyframes = node.parent?.type === 'atrule' && /keyframes$/i.test((node.parent as { name: string }).name);
			if (!inKeyframes && !node.selectors.every((s) => scoped(s.trim()))) node.remove();
		} else if (node.type === 'decl') {
			if (unsafeDeclaration(node.prop, node.value)) {
				const parent = node.parent;
				node.remove();
				if (parent?.type === 'rule' && !parent.nodes?.length) parent.remove();
			}
		} else if (node.type === 'comment') {
			node.remove();
		}
	});
	return root.toString();
}

// ── SVG ────────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The SVG Mermaid produced (XML), made safe; returned as XML. Keeps the drawing, the first top-level <style>, the
 * HTML labels, markers, ids, classes, styles, aria-*, role, links with allowed URLs. `xlink:href` becomes `href`
 * (SVG 2, works everywhere without a namespace declaration; finaliseSvg() rewrites `href` on links), as the regex
 * sanitiser it replaces did.
 */
export function sanitizeSvg(svg: string): string {
	const tree = sanitize(fromHtml(svg, { fragment: true }), SVG_SCHEMA) as Root | Element;
	const roots = (tree.type === 'root' ? tree.children : [tree]).filter(
		(n): n is Element => n.type === 'element' && n.tagName === 'svg',
	);
	return roots
		.map((root) => {
			cleanSvgProperties(root);
			finishSvg(root, root, { styleSeen: false });
			return toXml(root, 'svg');
		})
		.join('');
}

interface SvgState {
	styleSeen: boolean;
}

/** The checks a schema cannot express: the one stylesheet, CSS in styles, url() in attributes, xlink:href. */
function finishSvg(root: Element, parent: Element, state: SvgState): void {
	const kept: ElementContent[] = [];
	for (const child of parent.children) {
		if (child.type !== 'element') {
			kept.push(child);
			continue;
		}
		if (child.tagName === 'style') {
			if (parent !== root || state.styleSeen) continue;
			state.styleSeen = true;
			const css = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
			child.children = [
				{
					type: 'text',
					value: cleanSvgStylesheet(css, typeof root.properties.id === 'string' ? root.properties.id : undefined),
				},
			];
			child.properties = {};
			kept.push(child);
			continue;
		}
		const props = cleanSvgProperties(child);
		// An animation whose target attribute was refused would do nothing: it goes, with its script-like values.
		if (ANIMATIONS.has(child.tagName) && typeof props.attributeName !== 'string') continue;
		// No request to another origin on a diagram's behalf.
		// An image whose address was refused by the schema (data:, javascript:) has none left: it goes too.
		if (
			(child.tagName === 'image' && !(typeof props.href === 'string' && isLocalUrl(props.href))) ||
			(child.tagName === 'img' && !(typeof props.src === 'string' && isLocalUrl(props.src)))
		)
			continue;
		finishSvg(root, child, state);
		kept.push(child);
	}
	parent.children = kept;
}

/** `xlink:href` as `href` (in place), the style attribute cleaned, attributes with a remote url() removed. */
function cleanSvgProperties(el: Element): Properties {
	if (el.properties.xLinkHref !== undefined) {
		const renamed: Properties = {};
		for (const [key, value] of Object.entries(el.properties)) {
			if (key !== 'xLinkHref') renamed[key] = value;
			else if (el.properties.href === undefined) renamed.href = String(value);
		}
		el.properties = renamed;
	}
	const props = el.properties;
	for (const [key, value] of Object.entries(props)) {
		if (key === 'style' && typeof value === 'string') {
			const clean = cleanStyleAttribute(value);
			if (clean === undefined) delete props.style;
			else props.style = clean;
		} else if (typeof value === 'string' && key !== 'href' && /url\s*\(|\\/i.test(value) && hasRemoteUrl(value)) {
			delete props[key];
		}
	}
	return props;
}

const HTML_VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Escaping as XMLSerializer does it (`&amp;` `&lt;` `&gt;` in text, and `&quot;` in attribute values), in one pass
 * that also drops the characters XML 1.0 refuses anywhere (C0 controls but tab, LF and CR; U+FFFE/U+FFFF; parse5
 * already turned NUL into U+FFFD). One regular expression instead of a chain of replaces: the serialiser was half of
 * sanitizeSvg's time before (measured 1.3 of 2.9 ms for a 25 KB diagram).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const ATTRIBUTE_UNSAFE = /[&<>"\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const TEXT_UNSAFE = /[&<>\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const escapeOne = (c: string) => ESCAPES[c] ?? '';

/** Attribute name and list separator per property, per space (property-information's find() is not free). */
const FIELDS = {
	svg: new Map<string, { attribute: string; comma: boolean }>(),
	html: new Map<string, { attribute: string; comma: boolean }>(),
};
function field(space: 'svg' | 'html', key: string): { attribute: string; comma: boolean } {
	let known = FIELDS[space].get(key);
	if (!known) {
		// `data-type` and RDFa's `datatype` share the property name dataType; only Mermaid's data-type occurs here.
		const info =
			key === 'dataType'
				? { attribute: 'data-type', commaSeparated: false }
				: find(space === 'svg' ? svgInfo : htmlInfo, key);
		known = { attribute: info.attribute, comma: info.commaSeparated === true };
		FIELDS[space].set(key, known);
	}
	return known;
}

/** Serialise as XML, the way XMLSerializer does for the same tree (`<path/>`, `<br />`, `<p></p>`). */
function toXml(node: ElementContent, space: 'svg' | 'html', parentTag?: string): string {
	if (node.type === 'text') return node.value.replace(TEXT_UNSAFE, escapeOne);
	if (node.type !== 'element') return '';
	const tag = node.tagName;
	const ownSpace = tag === 'svg' ? 'svg' : space;
	let attributes = '';
	for (const key in node.properties) {
		const value = node.properties[key];
		if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value)))
			continue;
		const { attribute, comma } = field(ownSpace, key);
		const text = value === true ? '' : Array.isArray(value) ? value.join(comma ? ', ' : ' ') : String(value);
		attributes += ` ${attribute}="${text.replace(ATTRIBUTE_UNSAFE, escapeOne)}"`;
	}
	// A standalone .svg file needs the namespaces; inlined in HTML they are ignored.
	if (node.properties.xmlns === undefined) {
		if (tag === 'svg' && parentTag === undefined) attributes += ` xmlns="${SVG_NS}"`;
		else if (ownSpace === 'html' && parentTag === 'foreignObject') attributes += ` xmlns="${XHTML_NS}"`;
	}
	const childSpace = ownSpace === 'svg' && tag === 'foreignObject' ? 'html' : ownSpace;
	let content = '';
	for (const child of node.children) content += toXml(child, childSpace, tag);
	if (content) return `<${tag}${attributes}>${content}</${tag}>`;
	if (ownSpace === 'svg') return `<${tag}${attributes}/>`;
	return HTML_VOID.has(tag) ? `<${tag}${attributes} />` : `<${tag}${attributes}></${tag}>`;
}

// ── HTML ───────────────────────────────────────────────────────────────────────────────────────────────────────────

/** An HTML fragment written by a person, made safe; returned as HTML. */
export function sanitizeHtml(html: string): string {
	const tree = sanitize(fromHtml(html, { fragment: true }), HTML_SCHEMA);
	walkElements(tree, (el) => dropEmptyLists(el.properties));
	return toHtml(tree);
}

/** A class list whose every class was refused comes out as `[]`, which would print `class=""`. */
function dropEmptyLists(properties: Properties): Properties {
	for (const [key, value] of Object.entries(properties))
		if (Array.isArray(value) && value.length === 0) delete properties[key];
	return properties;
}

/** The schema without `ancestors`, for deciding one element at a time (the walk below keeps the ancestor stack). */
const HTML_ONE_ELEMENT: Schema = { ...HTML_SCHEMA, ancestors: {} };

type Decision = { keep: true; properties: Properties } | { keep: false; children: boolean };

/** What HTML_SCHEMA does with one element, its children aside. */
function decide(tagName: string, properties: Properties, ancestors: readonly string[]): Decision {
	if (HTML_SCHEMA.strip?.includes(tagName)) return { keep: false, children: false };
	const need = HTML_SCHEMA.ancestors?.[tagName];
	if (need && !need.some((a) => ancestors.includes(a))) return { keep: false, children: true };
	const out = sanitize({ type: 'element', tagName, properties, children: [] }, HTML_ONE_ELEMENT);
	const element =
		out.type === 'element'
			? out
			: out.type === 'root' && out.children[0]?.type === 'element'
				? out.children[0]
				: undefined;
	return element ? { keep: true, properties: dropEmptyLists(element.properties) } : { keep: false, children: true };
}

interface MdxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}
interface MdxJsxElement {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: MdxAttribute[];
	children: Array<RootContent | MdxJsxElement>;
}

const MDX_TYPES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement'];

/**
 * Sanitise a hast tree from the Markdown/MDX pipeline, in place, and return it. Only what people wrote as HTML gets
 * the element policy: `raw` nodes (Markdown) and lower-case JSX elements (MDX: `<details>`, `<summary>`, `<kbd>`).
 * Elements made from Markdown syntax and by the project's own remark plugins keep their tags and attributes, but
 * their URLs are checked too (`[x](javascript:…)` is valid Markdown). MDX components (capitalised), expressions and
 * ESM are code, not HTML: left alone, their children walked.
 */
export function sanitizeHast<T extends Nodes>(tree: T): T {
	let root: Nodes = tree;
	if (hasRaw(tree)) {
		// Raw HTML can open in one node and close in another (`<details>` … Markdown … `</details>`): parse the whole
		// tree as the browser would (hast-util-raw, as rehype-raw does), marking the elements that existed before with
		// a random attribute, so the ones that came out of raw HTML can be told apart (a writer cannot guess it).
		const mark = `data-opsbook-md-${Math.random().toString(36).slice(2, 10)}`;
		const markProp = find(htmlInfo, mark).property;
		walkElements(tree, (el) => {
			el.properties[markProp] = '';
		});
		root = raw(tree as Root, { passThrough: MDX_TYPES }) as Nodes;
		cleanChildren(root as Parents, [], markProp);
		if (root !== (tree as Nodes) && 'children' in tree && 'children' in root)
			(tree as Root).children = (root as Root).children;
		return tree;
	}
	cleanChildren(tree as Parents, [], undefined);
	return tree;
}

/** A rehype plugin: `rehypePlugins: [rehypeSanitize, …]`, first, before plugins that add ids and classes. */
export function rehypeSanitize() {
	return (tree: Root): Root => sanitizeHast(tree);
}

function hasRaw(node: Nodes): boolean {
	if ((node.type as string) === 'raw') return true;
	return 'children' in node && (node.children as Nodes[]).some(hasRaw);
}

function walkElements(node: Nodes, visit: (el: Element) => void): void {
	if (node.type === 'element') visit(node);
	if ('children' in node) for (const child of node.children as Nodes[]) walkElements(child, visit);
}

/**
 * Walk `parent`'s children: trusted elements (Markdown's, carrying `markProp` when there was raw HTML) get the URL
 * check, untrusted ones (raw HTML, lower-case JSX) the element policy.
 */
function cleanChildren(parent: Parents | MdxJsxElement, ancestors: string[], markProp: string | undefined): void {
	const out: Array<RootContent | MdxJsxElement> = [];
	for (const child of parent.children as Array<RootContent | MdxJsxElement>) {
		const type = child.type as string;
		if (type === 'raw') {
			// Only without hast-util-raw (no mark): a lone raw node, parsed and cleaned on its own.
			const value = (child as unknown as { value: string }).value;
			const fragment = sanitize(fromHtml(value, { fragment: true }), HTML_SCHEMA);
			walkElements(fragment, (e) => dropEmptyLists(e.properties));
			out.push(...(fragment.type === 'root' ? fragment.children : fragment.type === 'element' ? [fragment] : []));
			continue;
		}
		if (type === 'element') {
			const el = child as Element;
			const trusted = markProp === undefined || markProp in el.properties;
			if (markProp !== undefined) delete el.properties[markProp];
			if (trusted) {
				for (const key of URL_PROPERTIES) {
					const v = el.properties[key];
					if (typeof v === 'string' && !isSafeUrl(v)) delete el.properties[key];
				}
				cleanChildren(el, [...ancestors, el.tagName], markProp);
				out.push(el);
				continue;
			}
			const decision = decide(el.tagName, el.properties, ancestors);
			if (decision.keep) {
				el.properties = decision.properties;
				cleanChildren(el, [...ancestors, el.tagName], markProp);
				out.push(el);
			} else if (decision.children) {
				cleanChildren(el, ancestors, markProp);
				out.push(...(el.children as RootContent[]));
			}
			continue;
		}
		if ((type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') && isIntrinsic((child as MdxJsxElement).name)) {
			const el = child as MdxJsxElement;
			const name = el.name as string;
			const decision = decide(name, jsxProperties(el.attributes), ancestors);
			if (decision.keep) {
				el.attributes = keptAttributes(el.attributes, decision.properties);
				cleanChildren(el, [...ancestors, name], markProp);
				out.push(el);
			} else if (decision.children) {
				cleanChildren(el, ancestors, markProp);
				out.push(...el.children);
			}
			continue;
		}
		if ('children' in child && Array.isArray((child as { children?: unknown }).children))
			cleanChildren(child as Parents, ancestors, markProp);
		out.push(child);
	}
	(parent as { children: unknown[] }).children = out;
}

function isIntrinsic(name: string | null): boolean {
	return name !== null && /^[a-z][a-z0-9-]*$/.test(name);
}

/** A string literal written as an MDX attribute expression (`href={"…"}`), or undefined for any other expression. */
function literal(expression: string): string | undefined {
	const src = expression.trim();
	if (/^"(?:[^"\\]|\\.)*"$/.test(src)) {
		try {
			return JSON.parse(src) as string;
		} catch {
			return undefined;
		}
	}
	if (/^'[^'\\]*'$/.test(src) || /^`[^`$\\]*`$/.test(src)) return src.slice(1, -1);
	return undefined;
}

function jsxProperties(attributes: MdxAttribute[]): Properties {
	const props: Properties = {};
	for (const a of attributes) {
		if (a.type !== 'mdxJsxAttribute' || typeof a.name !== 'string') continue;
		const prop = find(htmlInfo, a.name).property;
		if (a.value === null || a.value === undefined) props[prop] = true;
		else if (typeof a.value === 'string') props[prop] = a.value;
		else {
			// An expression: a literal is checked like a string; anything else cannot be checked at build time, so a
			// URL attribute made of one is refused, and any other gets a neutral stand-in for the check.
			const text = literal(String((a.value as { value?: unknown }).value ?? ''));
			props[prop] = text ?? (URL_PROPERTIES.includes(prop) ? 'javascript:unknown' : 'x');
		}
	}
	return props;
}

/** The JSX attributes whose property survived the policy, as written (spreads `{...x}` never do). */
function keptAttributes(attributes: MdxAttribute[], allowed: Properties): MdxAttribute[] {
	return attributes.filter(
		(a) => a.type === 'mdxJsxAttribute' && typeof a.name === 'string' && find(htmlInfo, a.name).property in allowed,
	);
}
