import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ElementContent } from 'hast';
import type { CachedDiagram } from '../../src/utils/diagram-cache.ts';
import { accessibleName, diagramIdPrefix, diagramMarkup, plainLabel, textVersionOf } from '../../src/utils/diagram-markup.ts';
import { RENDER_TOKEN, type DiagramModel } from '../../src/utils/diagram-renderer.ts';

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
			const name = k === 'className' ? 'class' : k === 'tabIndex' ? 'tabindex' : k.startsWith('aria') ? `aria-${k.slice(4).toLowerCase()}` : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
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

test('the figure holds both variants with ids unique to the page, a scroll region and full-size links', () => {
	const entry = (theme: 'light' | 'dark'): CachedDiagram => ({ key: `${theme}0123456789abcdef0123`, theme, svg: `<svg id="${RENDER_TOKEN}"><marker id="${RENDER_TOKEN}_end"/></svg>`, model, ms: 1 });
	const figure = diagramMarkup({ variants: { light: entry('light'), dark: entry('dark') }, idPrefix: 'diagram-abc123-3', base: '/ops/', embed: (svg) => ({ type: 'raw', value: svg }) as never });
	const out = toHtml(figure);
	assert.match(out, /^<figure class="diagram"/);
	assert.match(out, /<figcaption id="diagram-abc123-3-title" class="diagram-caption">Rollback decision<\/figcaption>/);
	assert.match(out, /<div class="diagram-scroll" role="region" tabindex="0" aria-labelledby="diagram-abc123-3-title">/);
	assert.match(out, /<div class="diagram-variant diagram-light" data-pagefind-ignore><svg id="diagram-abc123-3-light"><marker id="diagram-abc123-3-light_end"\/>/);
	assert.match(out, /<div class="diagram-variant diagram-dark" data-pagefind-ignore><svg id="diagram-abc123-3-dark">/);
	assert.match(out, /href="\/ops\/diagrams\/light0123456789a-light\.svg">Open full size/);
	assert.match(out, /href="\/ops\/diagrams\/dark0123456789ab-dark\.svg">Open full size/);
	assert.match(out, /<details class="diagram-text"><summary>Text version<\/summary>/);
	assert.doesNotMatch(out, new RegExp(RENDER_TOKEN));
});
