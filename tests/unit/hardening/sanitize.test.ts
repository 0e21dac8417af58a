import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import {
	cleanStyleAttribute,
	cleanSvgStylesheet,
	isSafeUrl,
	rehypeSanitize,
	sanitizeHast,
	sanitizeHtml,
	sanitizeSvg,
} from '../../../src/core/sanitize.ts';

/**
 * Real Mermaid 12 output, serialised by the browser's XMLSerializer exactly as src/diagrams/renderer.ts does
 * (dagre layout, securityLevel 'loose', default theme): a flowchart with accTitle/accDescr, HTML labels with
 * Markdown and <br>, a subgraph, `click` links (relative and absolute with a query), a `style` directive and a
 * classDef; and a sequence diagram with a note and a loop.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const FLOWCHART = fs.readFileSync(path.join(FIXTURES, 'mermaid-flowchart.svg'), 'utf8');
const SEQUENCE = fs.readFileSync(path.join(FIXTURES, 'mermaid-sequence.svg'), 'utf8');

const svg = (inner: string, rootAttributes = '') =>
	`<svg id="d" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${rootAttributes}>${inner}</svg>`;

/** Element names and attribute names, counted, in document order: the structure of an XML string. */
function structure(xml: string): { elements: string[]; attributes: string[] } {
	return {
		elements: [...xml.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => m[1]!),
		attributes: [...xml.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) =>
			[...tag[0].matchAll(/\s([a-zA-Z][\w:.-]*)="/g)].map((m) => m[1]!).sort(),
		),
	};
}

/** No script can survive: no script element, no handler attribute, no script URL in any attribute. */
function assertInert(out: string, vector: string): void {
	assert.doesNotMatch(out, /<script|<iframe|<object|<embed|<math/i, `element survived: ${vector}\n→ ${out}`);
	assert.doesNotMatch(out, /\son[a-z]+\s*=/i, `handler survived: ${vector}\n→ ${out}`);
	for (const m of out.matchAll(/\s[\w:-]+="([^"]*)"/g)) {
		const value = m[1]!.replace(/&#x?[0-9a-f]+;|&[a-z]+;|[\s\0-\x1f]/gi, '').toLowerCase();
		assert.ok(!/(?:java|vb)script:|data:/.test(value), `script URL survived: ${vector}\n→ ${out}`);
	}
}

// ── OWASP XSS Filter Evasion Cheat Sheet, the vectors that apply to SVG ─────────────────────────────────────────

const SVG_LINK_VECTORS = [
	'javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	'&#106;avascript:alert(1)',
	'&#x6A;&#x61;&#x76;&#x61;script&#x3A;alert(1)',
	'&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
	'java&#9;script:alert(1)',
	'java&#x09;script:alert(1)',
	'java&#x0A;script:alert(1)',
	'java&#x0D;script:alert(1)',
	'java\tscript:alert(1)',
	'  javascript:alert(1)',
	'&#14;  javascript:alert(1)',
	'javascript&colon;alert(1)',
	'vbscript:msgbox(1)',
	'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
	'data:image/svg+xml,<svg onload=alert(1)>',
];

test('links: every disguise of a script or data URL is removed, in href and xlink:href', () => {
	for (const url of SVG_LINK_VECTORS) {
		for (const attr of ['href', 'xlink:href']) {
			const vector = svg(`<a ${attr}="${url.replace(/</g, '&lt;')}"><text>x</text></a>`);
			const out = sanitizeSvg(vector);
			assertInert(out, vector);
			assert.match(out, /<a><text>x<\/text><\/a>/, 'the link text stays, without the link');
		}
	}
});

test('links: relative, #fragment, http, https and mailto stay; xlink:href becomes href', () => {
	for (const url of [
		'/runbooks/x/#steps',
		'x/',
		'#node',
		'?q=1',
		'https://example.com/a?b=1&amp;c=2',
		'http://example.com/',
		'mailto:ops@example.com',
	]) {
		const out = sanitizeSvg(svg(`<a xlink:href="${url}" target="_blank"><text>x</text></a>`));
		assert.match(out, new RegExp(`<a href="${url.replace(/[?.*+]/g, '\\$&')}" target="_blank">`), out);
		assert.doesNotMatch(out, /xlink/);
	}
});

test('event handlers go, in any case and on any element, the root included', () => {
	const vectors = [
		svg('<g/>', ' onload="alert(1)"'),
		svg('<rect onclick="alert(1)" OnMouseOver="alert(2)" onfocusin=\'alert(3)\'/>'),
		'<svg/onload=alert(1)>',
		svg('<g><a onmouseover=alert(1)><text>x</text></a></g>'),
		svg(
			'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(1)"><span onmouseover="alert(2)">x</span></div></foreignObject>',
		),
	];
	for (const vector of vectors) assertInert(sanitizeSvg(vector), vector);
});

test('script, iframe, object, embed and their content go', () => {
	const vector = svg(
		'<script>alert(1)</script><script xlink:href="data:,alert(1)"/><script type="text/ecmascript">alert(2)</script>' +
			'<iframe src="javascript:alert(3)">fallback</iframe><object data="x.swf">o</object><g id="kept"/><embed src="x.swf"/><g id="after"/>',
	);
	const out = sanitizeSvg(vector);
	assertInert(out, vector);
	assert.doesNotMatch(out, /alert|fallback|>o</);
	assert.match(out, /<g id="kept"\/>/);
	// <embed> is one of the HTML tags that end SVG content in the HTML parser, as in a browser: what follows it is
	// outside the <svg>, hence dropped.
	assert.doesNotMatch(out, /after/);
});

test('<animate> and <set> cannot set a link (the classic SVG vector); harmless animation stays', () => {
	const vectors = [
		svg('<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>'),
		svg('<a><animate attributeName="xlink:href" begin="0" from="javascript:alert(1)" to="&amp;"/><text>x</text></a>'),
		svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
		svg('<a><set attributeName="HREF" to="javascript:alert(1)"/><text>x</text></a>'),
		svg('<a><set attributeName="onmouseover" to="alert(1)"/><text>x</text></a>'),
		svg('<a><animate attributeName=" href" values="javascript:alert(1)"/><text>x</text></a>'),
	];
	for (const vector of vectors) {
		const out = sanitizeSvg(vector);
		assertInert(out, vector);
		assert.doesNotMatch(out, /<animate|<set/, out);
	}
	assert.match(
		sanitizeSvg(svg('<animate attributeName="fill" values="red;blue" dur="2s"/>')),
		/<animate attributeName="fill" values="red;blue" dur="2s"\/>/,
	);
});

test('<use> may only point inside the document', () => {
	const out = sanitizeSvg(
		svg(
			'<use href="data:image/svg+xml;base64,PHN2Zz4="/><use xlink:href="https://evil.example/x.svg#a"/><use href="other.svg#a"/><use href="#marker"/>',
		),
	);
	assert.equal(out.match(/<use\/>/g)?.length, 3);
	assert.match(out, /<use href="#marker"\/>/);
});

test('<foreignObject> keeps plain formatting HTML only', () => {
	const vectors = [
		svg(
			'<foreignObject><iframe src="https://evil.example/"></iframe><div xmlns="http://www.w3.org/1999/xhtml">ok</div></foreignObject>',
		),
		svg(
			'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/><form action="https://evil"><input name="p"/><button>go</button></form></div></foreignObject>',
		),
		svg(
			'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><a href="javascript:alert(1)">l</a><object data="x"/></div></foreignObject>',
		),
		// Mutation XSS through namespace confusion (<math>/<mglyph>/<style> re-parsed as HTML).
		svg(
			'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math></div></foreignObject>',
		),
		svg('<foreignObject><math><mi xlink:href="javascript:alert(1)">x</mi></math></foreignObject>'),
		svg(
			'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"></foreignObject></svg><script>alert(1)</script><svg>',
		),
		svg(
			'<foreignObject><style>* { display: none }</style><div xmlns="http://www.w3.org/1999/xhtml"><noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript></div></foreignObject>',
		),
	];
	for (const vector of vectors) {
		const out = sanitizeSvg(vector);
		assertInert(out, vector);
		assert.doesNotMatch(out, /<form|<input|<button|<style|<noscript|<img[^>]*onerror/, out);
	}
	const label = sanitizeSvg(
		svg(
			'<foreignObject width="10" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="display: table-cell;"><span class="nodeLabel"><p>a <b>b</b> <em>c</em><br/>d</p></span></div></foreignObject>',
		),
	);
	assert.match(
		label,
		/<foreignObject width="10" height="24"><div xmlns="http:\/\/www.w3.org\/1999\/xhtml" style="display: table-cell;"><span class="nodeLabel"><p>a <b>b<\/b> <em>c<\/em><br \/>d<\/p><\/span><\/div><\/foreignObject>/,
	);
});

test('HTML outside <foreignObject> and markup outside the <svg> are dropped', () => {
	const out = sanitizeSvg(
		`<img src=x onerror=alert(1)>${svg('<details><summary>t</summary></details><kbd>k</kbd><g/>')}<p>after</p>`,
	);
	assert.equal(out, '<svg id="d" xmlns="http://www.w3.org/2000/svg">tk<g/></svg>');
});

test("images: only from the site itself (no request to another origin on a diagram's behalf)", () => {
	const out = sanitizeSvg(
		svg(
			'<image href="https://evil.example/x.png"/><image href="//evil.example/x.png"/><image xlink:href="/img/ok.png"/>' +
				'<image href="data:image/png;base64,AAAA"/><image/><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">' +
				'<img src="https://tracker.example/x.png"/><img src="data:image/png;base64,AAAA"/><img src="/i.png"/></div></foreignObject>',
		),
	);
	assert.equal(
		out,
		svg(
			'<image href="/img/ok.png"/><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="/i.png" /></div></foreignObject>',
		).replace(/ xmlns:xlink="[^"]*"/, ''),
	);
});

test('style attributes: kept, without url() to anything but #fragment, expression(), bindings or fixed positioning', () => {
	const out = sanitizeSvg(
		svg(
			'<rect style="background:url(javascript:alert(1));fill:red"/><rect style="fill:url(#grad)"/>' +
				'<rect style="width: expression(alert(1)); stroke: blue"/><rect style="-moz-binding:url(http://evil/x.xml#x)"/>' +
				'<rect style="behavior: url(x.htc)"/><rect style="background-image: image-set(\'http://evil/x.png\' 1x)"/>' +
				'<rect style="position: fixed; top: 0"/><rect style="background:u\\72l(http://evil/)"/><rect fill="url(http://evil/x)" stroke="url(#s)"/>',
		),
	);
	assertInert(out, 'style vectors');
	assert.doesNotMatch(out, /evil|expression|binding|behavior|image-set|fixed/);
	assert.match(out, /<rect style="fill:red"\/>/);
	assert.match(out, /<rect style="fill:url\(#grad\)"\/>/);
	assert.match(out, /<rect style="stroke: blue"\/>/);
	assert.match(out, /<rect style="top: 0"\/>/);
	assert.match(out, /<rect stroke="url\(#s\)"\/>/);
	assert.equal(cleanStyleAttribute('fill:#fee !important'), 'fill:#fee !important', 'important is not @import');
	assert.equal(
		cleanStyleAttribute('display: table-cell; white-space: nowrap;'),
		'display: table-cell; white-space: nowrap;',
	);
});

test('the stylesheet: only the first, at the top, scoped to the diagram, no @import, no remote url()', () => {
	const out = sanitizeSvg(
		svg(
			'<style>@import url(http://evil/x.css);@font-face{font-family:x;src:url(http://evil/f.woff)}#d .n{fill:red}' +
				'body{display:none}#d .m{background:url(http://evil/y)}#d .k, .escape{fill:blue}#dx{fill:red}' +
				'@keyframes dash{to{stroke-dashoffset:0;}}@media (prefers-reduced-motion){#d .n{animation:none}}</style>' +
				'<style>#d{fill:blue}</style><g><style>#d{fill:green}</style></g>',
		),
	);
	assert.equal(out.match(/<style/g)?.length, 1);
	assert.match(
		out,
		/<style>#d \.n\{fill:red\}@keyframes dash\{to\{stroke-dashoffset:0;\}\}@media \(prefers-reduced-motion\)\{#d \.n\{animation:none\}\}<\/style>/,
	);
	assert.equal(cleanSvgStylesheet('body{color:red}', undefined), '', 'no id, nothing can be scoped');
	// A stylesheet cannot end its element: the text is escaped as XML, and parse5 never treats it as markup.
	const breakout = sanitizeSvg(
		svg('<style>#d .a{fill:red}&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</style>'),
	);
	assert.doesNotMatch(breakout, /<\/style><script/);
});

test('the URL rule', () => {
	for (const ok of ['/x/', 'x', '#a', '?a:b', './a:b', 'https://x', 'http://x', 'mailto:a@b', ''])
		assert.ok(isSafeUrl(ok), ok);
	for (const bad of [
		'javascript:x',
		'JAVASCRIPT:x',
		' javascript:x',
		'java\tscript:x',
		'data:x',
		'vbscript:x',
		'file:///etc/passwd',
		'HTTPS://x',
	])
		assert.ok(!isSafeUrl(bad), bad);
});

test('a real Mermaid flowchart comes through with the same elements and attributes (xlink:href as href)', () => {
	const out = sanitizeSvg(FLOWCHART);
	const before = structure(FLOWCHART);
	const after = structure(out);
	assert.deepEqual(after.elements, before.elements);
	const renamed = before.attributes.filter((a) => a !== 'xmlns:xlink').map((a) => (a === 'xlink:href' ? 'href' : a));
	assert.deepEqual([...after.attributes].sort(), [...renamed].sort());
	// SVG's mixed-case names survive the HTML parser.
	for (const name of [
		'viewBox',
		'foreignObject',
		'markerWidth',
		'markerHeight',
		'refX',
		'refY',
		'markerUnits',
		'aria-roledescription',
	])
		assert.ok(out.includes(name), name);
	assert.match(out, /<style>#opsbook-diagram-x7q\{/);
	assert.match(out, /<a href="\/runbooks\/deploy\/#canary"/);
	assert.match(out, /<a href="https:\/\/example.com\/x\?a=1&amp;b=2"/);
	assert.match(out, /<title id="chart-title-opsbook-diagram-x7q">Rollback decision<\/title>/);
	assert.match(out, /step 3<br \/>then wait/);
	assert.doesNotMatch(out, /user-content-/);
	// Byte for byte the same once xlink:href is renamed and class lists lose their stray spaces.
	const expected = FLOWCHART.replace(/ xmlns:xlink="[^"]*"/g, '').replace(/ xlink:href=/g, ' href=');
	const classes = (s: string) =>
		s.replace(/ class="([^"]*)"/g, (_, c: string) => ` class="${c.trim().split(/\s+/).join(' ')}"`);
	assert.equal(classes(out).replace(/(<a) ([^>]*?) (href="[^"]*")/g, '$1 $3 $2'), classes(expected));
});

test('a real Mermaid sequence diagram comes through byte for byte', () => {
	assert.equal(sanitizeSvg(SEQUENCE), SEQUENCE);
});

test('a Mermaid click with a script URL, in a real diagram, loses the link and keeps the node', () => {
	const evil = FLOWCHART.replace(
		'xlink:href="/runbooks/deploy/#canary"',
		'xlink:href="java&#9;script:alert(document.domain)"',
	);
	const out = sanitizeSvg(evil);
	assertInert(out, 'flowchart');
	assert.match(out, /<a data-look="neo" transform="translate\(84, 477\)"><g class="node default/);
});

test('the output is well-formed XML: attribute values escape < and >, text escapes &, < and >', () => {
	const out = sanitizeSvg(
		svg('<text aria-label="a &lt;b&gt; &amp; &quot;c&quot;">x &lt; y &amp;&amp; z &gt; w ]]&gt;</text>'),
	);
	assert.match(out, /aria-label="a &lt;b&gt; &amp; &quot;c&quot;"/);
	assert.match(out, />x &lt; y &amp;&amp; z &gt; w ]]&gt;</);
});

test("cost per diagram (median of 40 runs after warm-up): printed, and well under Mermaid's own render time", () => {
	const sixteenKb = 16 * 1024;
	for (let i = 0; i < 10; i++) sanitizeSvg(FLOWCHART);
	const times: number[] = [];
	for (let i = 0; i < 40; i++) {
		const started = performance.now();
		sanitizeSvg(FLOWCHART);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const perSixteen = (times[20]! * sixteenKb) / FLOWCHART.length;
	console.log(
		`sanitizeSvg: ${perSixteen.toFixed(2)} ms per 16 KB of Mermaid SVG (${(FLOWCHART.length / 1024).toFixed(1)} KB in ${times[20]!.toFixed(2)} ms)`,
	);
	assert.ok(perSixteen < 50, `${perSixteen} ms`);
});

// ── HTML in Markdown ─────────────────────────────────────────────────────────────────────────────────────────────

test('HTML: OWASP vectors are inert', () => {
	const vectors = [
		'<img src=x onerror=alert(1)>',
		'<IMG SRC="javascript:alert(1);">',
		'<IMG SRC=JaVaScRiPt:alert(1)>',
		'<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
		'<IMG SRC="jav&#x0A;ascript:alert(1);">',
		'<IMG SRC=" &#14;  javascript:alert(1);">',
		'<a href="  javascript:alert(1)">x</a>',
		'<a href="java\tscript:alert(1)">x</a>',
		'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
		'<a href="vbscript:msgbox(1)">x</a>',
		'<svg onload=alert(1)>',
		'<svg><script>alert(1)</script></svg>',
		'<iframe src="javascript:alert(1)"></iframe>',
		'<object data="javascript:alert(1)"></object><embed src="x.swf">',
		'<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button><input type="image" src="x" onerror="alert(3)"></form>',
		'<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
		'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
		'<div style="background:url(javascript:alert(1))">x</div>',
		'<body onload=alert(1)>',
		'<details open ontoggle=alert(1)><summary>s</summary></details>',
		'<a href="#" onclick="alert(1)">x</a>',
		'<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
		'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
		'<base href="javascript:alert(1)//">',
		'<link rel="stylesheet" href="javascript:alert(1)">',
		'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
		'<style>@import "http://evil/x.css";</style><p>x</p>',
		'<xmp><img src=x onerror=alert(1)></xmp>',
	];
	for (const vector of vectors) {
		const out = sanitizeHtml(vector);
		assertInert(out, vector);
		assert.doesNotMatch(out, /<style|<form|<button|<input|<meta|<base|<link|style=|evil/, `${vector} → ${out}`);
	}
});

test('HTML: formatting, tables, details/summary, kbd, images and links with allowed URLs stay', () => {
	const ok =
		'<details open><summary>More</summary><p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <strong>then</strong> <em>wait</em>.</p></details>' +
		'<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>' +
		'<img src="/img/a.png" alt="A" width="10"><a href="https://example.com/" title="t">e</a><a href="mailto:ops@example.com">m</a>' +
		'<a href="/runbooks/x/#steps" id="steps">r</a><ul><li>one</li></ul><pre><code class="language-sh">ls</code></pre><br><hr>';
	assert.equal(sanitizeHtml(ok), ok);
	assert.equal(
		sanitizeHtml('<div id="top" class="x" style="color:red">t</div>'),
		'<div id="top">t</div>',
		'no classes or styles, ids as written',
	);
});

test('sanitizeHast: raw HTML in Markdown gets the policy; Markdown-made elements keep theirs, with URLs checked', async () => {
	const markdown = [
		'# Title',
		'',
		'[bad](javascript:alert(1)) [good](/x/) <span onclick="alert(1)">s</span>',
		'',
		'<details open ontoggle="x()">',
		'<summary>More</summary>',
		'',
		'Some **markdown** inside, and a [link](https://example.com).',
		'',
		'<script>alert(1)</script>',
		'',
		'</details>',
		'',
		'- [ ] task',
		'',
		'<img src="x" onerror="alert(2)"> <a href="&#106;avascript:alert(3)">j</a> <kbd>K</kbd>',
		'',
		'Footnote[^1]',
		'',
		'[^1]: note <iframe src="https://evil"></iframe>',
	].join('\n');
	const file = await unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeSanitize)
		.use(rehypeStringify)
		.process(markdown);
	const html = String(file);
	assertInert(html, 'markdown');
	assert.doesNotMatch(html, /alert|iframe|evil|data-opsbook/);
	assert.match(html, /<p><a>bad<\/a> <a href="\/x\/">good<\/a> <span>s<\/span><\/p>/);
	assert.match(
		html,
		/<details open>\n<summary>More<\/summary>\n<p>Some <strong>markdown<\/strong> inside, and a <a href="https:\/\/example.com">link<\/a>.<\/p>/,
	);
	assert.match(html, /<li class="task-list-item"><input type="checkbox" disabled> task<\/li>/);
	assert.match(html, /<img src="x"> <a>j<\/a> <kbd>K<\/kbd>/);
	assert.match(html, /<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref/);
});

test('sanitizeHast: lower-case JSX in MDX gets the policy; components, expressions and ESM are left alone', async () => {
	const mdx = [
		'export const url = "javascript:alert(0)"',
		'',
		'<details open>',
		'<summary>More</summary>',
		'',
		'Inside [x](javascript:alert(1)) and <kbd>Ctrl</kbd>, {1 + 1}.',
		'</details>',
		'',
		'<div onClick="alert(1)" style="color:red" className="x" title="t">d</div>',
		'<a href={"javascript:alert(1)"}>l1</a> <a href={url}>l2</a> <a href="/ok/" {...rest}>l3</a> <a href={\'/lit/\'}>l4</a>',
		'<script>{"alert(1)"}</script>',
		'<iframe src="https://evil" />',
		'',
		'<Contacts team="x" />',
	].join('\n');
	const js = String(await compile(mdx, { rehypePlugins: [rehypeSanitize], jsx: true }));
	assert.match(
		js,
		/<details open><summary>\{"More"\}<\/summary><_components\.p>\{"Inside "\}<_components\.a>\{"x"\}<\/_components\.a>\{" and "\}<kbd>\{"Ctrl"\}<\/kbd>\{", "\}\{1 \+ 1\}/,
	);
	assert.match(js, /<div title="t">\{"d"\}<\/div>/);
	assert.match(
		js,
		/<a>\{"l1"\}<\/a>\{"\\n"\}<a>\{"l2"\}<\/a>\{"\\n"\}<a href="\/ok\/">\{"l3"\}<\/a>\{"\\n"\}<a href=\{'\/lit\/'\}>\{"l4"\}<\/a>/,
	);
	assert.doesNotMatch(js, /<script|<iframe|onClick|evil|rest/);
	assert.match(js, /<Contacts team="x" \/>/);
	assert.match(js, /export const url = "javascript:alert\(0\)"/, 'ESM is code, not HTML');
});

test('sanitizeHast: a tree without raw nodes is cleaned in place and returned', () => {
	const tree = {
		type: 'root' as const,
		children: [
			{
				type: 'element' as const,
				tagName: 'a',
				properties: { href: 'javascript:alert(1)', className: ['x'] },
				children: [{ type: 'text' as const, value: 'x' }],
			},
		],
	};
	assert.equal(sanitizeHast(tree), tree);
	assert.deepEqual(tree.children[0]!.properties, { className: ['x'] });
});
