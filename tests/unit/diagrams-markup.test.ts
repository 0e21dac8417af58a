import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ElementContent } from 'hast';
import type { CachedDiagram } from '../../src/diagrams/cache.ts';
import {
	accessibleName,
	diagramIdPrefix,
	diagramMarkup,
	plainLabel,
	textVersionOf,
} from '../../src/diagrams/markup.ts';
import { RENDER_TOKEN, type DiagramModel } from '../../src/diagrams/renderer.ts';

const model: DiagramModel = {
	type: 'flowchart-v2',
	accTitle: 'Rollback decision',
	accDescr: 'From a bad release to a rollback.',
	nodes: [
		{ id: 'A', label: 'Error rate above 5%?' },
		{ id: 'B', label: 'Roll <b>back</b>', link: '/runbooks/rollback/#steps' },
		{ id: 'C', label: 'Escalate', link: '#escalation' },
		{ id: 'L', label: 'Lonely note' },
	],
	edges: [
		{ from: 'A', to: 'B', label: 'yes', type: 'arrow_point' },
		{ from: 'A', to: 'C', label: '', type: 'arrow_open' },
	],
};

/** Enough HTML serialisation for these assertions (the real pages go through MDX and Astro: tests/e2e/diagrams.spec.ts). */
function toHtml(node: ElementContent | { type: 'raw'; value: string }): string {
	if (node.type === 'text' || node.type === 'raw') return node.value;
	if (node.type !== 'element') return '';
	const attrs = Object.entries(node.properties ?? {})
		.map(([k, v]) => {
			const name =
				k === 'className'
					? 'class'
					: k === 'tabIndex'
						? 'tabindex'
						: k.startsWith('aria')
							? `aria-${k.slice(4).toLowerCase()}`
							: k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
			return v === '' ? ` ${name}` : ` ${name}="${Array.isArray(v) ? v.join(' ') : String(v)}"`;
		})
		.join('');
	return `<${node.tagName}${attrs}>${node.children.map((c) => toHtml(c as ElementContent)).join('')}</${node.tagName}>`;
}
const html = (nodes: ElementContent[]) => nodes.map(toHtml).join('');

test('the text version lists edges with their labels and links, then unconnected nodes', () => {
	const out = html(textVersionOf(model, '/ops/'));
	assert.equal(
		out,
		'<p>From a bad release to a rollback.</p><ul>' +
			'<li>Error rate above 5%? → yes → <a href="/ops/runbooks/rollback/#steps">Roll back</a></li>' +
			'<li>Error rate above 5%? — <a href="#escalation">Escalate</a></li>' +
			'<li>Lonely note</li></ul>',
	);
});

test('labels lose markup, entities and Markdown marks', () => {
	assert.equal(plainLabel('Line one<br/>line **two** &amp; `three` #quot;q#quot;'), 'Line one line two & three "q"');
});

test('the accessible name comes from accTitle, then the title, then the diagram type', () => {
	assert.equal(accessibleName(model), 'Rollback decision');
	assert.equal(accessibleName({ type: 'flowchart-v2', title: 'Flow', nodes: [], edges: [] }), 'Flow');
	assert.equal(accessibleName({ type: 'flowchart-v2', nodes: [], edges: [] }), 'Flowchart');
	assert.equal(accessibleName({ type: 'sequence', nodes: [], edges: [] }), 'Diagram');
});

test('id prefixes differ per document and per position, and are stable', () => {
	const a = diagramIdPrefix('content/runbooks/a.mdx', 1);
	assert.match(a, /^diagram-[0-9a-f]{6}-1$/);
	assert.equal(diagramIdPrefix('content/runbooks/a.mdx', 1), a);
	assert.notEqual(diagramIdPrefix('content/runbooks/b.mdx', 1), a);
	assert.notEqual(diagramIdPrefix('content/runbooks/a.mdx', 2), a);
});

const entry = (theme: 'light' | 'dark', svg: string): CachedDiagram => ({
	key: `${theme}0123456789abcdef0123`,
	theme,
	svg,
	model,
	ms: 1,
});
const figureOf = (light: string, dark: string) =>
	toHtml(
		diagramMarkup({
			variants: { light: entry('light', light), dark: entry('dark', dark) },
			idPrefix: 'diagram-abc123-3',
			base: '/ops/',
			embed: (svg) => ({ type: 'raw', value: svg }) as never,
		}),
	);

test('the figure holds one SVG for both themes, a scroll region, full-size links to itself and the text version', () => {
	const svg = (colour: string) =>
		`<svg id="${RENDER_TOKEN}"><style>#${RENDER_TOKEN} .node{fill:${colour};}</style><marker id="${RENDER_TOKEN}_end"/><a href="/runbooks/x/"><g/></a></svg>`;
	const out = figureOf(svg('#ECECFF'), svg('#1f2020'));
	assert.match(out, /^<figure class="diagram" id="diagram-abc123-3" data-diagram="light0123456789a">/);
	assert.match(out, /<figcaption id="diagram-abc123-3-title" class="diagram-caption">Rollback decision<\/figcaption>/);
	assert.match(out, /<div class="diagram-scroll" role="region" tabindex="0" aria-labelledby="diagram-abc123-3-title">/);
	assert.match(
		out,
		/<div class="diagram-variant diagram-themed" data-pagefind-ignore><svg id="diagram-abc123-3-svg"><style>#diagram-abc123-3-svg \.node\{fill:light-dark\(#ECECFF, #1f2020\);\}<\/style><marker id="diagram-abc123-3-svg_end"\/><a href="\/ops\/runbooks\/x\/">/,
	);
	assert.doesNotMatch(out, /diagram-light|diagram-dark/);
	// Open: the figure itself (CSS :target shows it full size); close: back to its caption. Both say which diagram.
	assert.match(
		out,
		/<p class="diagram-actions" data-pagefind-ignore><a href="#diagram-abc123-3">Open full size<span class="sr-only">: Rollback decision<\/span><\/a><\/p>/,
	);
	assert.match(
		out,
		/<p class="diagram-close" data-pagefind-ignore><a href="#diagram-abc123-3-title">Close full size<span class="sr-only">: Rollback decision<\/span><\/a><\/p>/,
	);
	assert.ok(
		out.indexOf('diagram-close') < out.indexOf('diagram-scroll'),
		'Close comes before the drawing in tab order',
	);
	assert.match(out, /<details class="diagram-text"><summary>Text version<\/summary>/);
	assert.doesNotMatch(out, new RegExp(RENDER_TOKEN));
	assert.doesNotMatch(out, /\.svg"/, 'no link to a file');
});

test('renderings that differ in more than colours keep both variants, with ids unique to the page', () => {
	const svg = (width: number) => `<svg width="${width}" id="${RENDER_TOKEN}"><marker id="${RENDER_TOKEN}_end"/></svg>`;
	const out = figureOf(svg(100), svg(101));
	assert.match(
		out,
		/<div class="diagram-variant diagram-light" data-pagefind-ignore><svg width="100" id="diagram-abc123-3-light"><marker id="diagram-abc123-3-light_end"\/>/,
	);
	assert.match(
		out,
		/<div class="diagram-variant diagram-dark" data-pagefind-ignore><svg width="101" id="diagram-abc123-3-dark">/,
	);
	assert.equal(out.match(/Open full size/g)?.length, 1);
	assert.doesNotMatch(out, new RegExp(RENDER_TOKEN));
});
