/** The indexer's copy of a page: checklist text kept, heading links out of section titles, nothing else changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root } from 'hast';
import { ALERT_ENTRY_WEIGHT, indexableHtml, pageOutline } from '../../src/search/search-html.ts';
import { alertTargets } from '../../src/alerts/alert-targets.ts';
import { rehypeHeadingLinks } from '../../src/shell/markdown/rehype-heading-links.ts';

test('task-list labels become spans, so their text is indexed', () => {
	const html =
		'<li class="task-list-item"><input type="checkbox" id="task-1"> <label for="task-1">Run the <code>preflight</code> check</label></li>';
	assert.equal(
		indexableHtml(html),
		'<li class="task-list-item"><input type="checkbox" id="task-1"> <span for="task-1">Run the <code>preflight</code> check</span></li>',
	);
});

test('the heading link is removed, the heading and its id stay', () => {
	// The markup rehype-heading-links produces, as Astro serialises it.
	const html =
		'<h3 id="disk-full">Disk full<a class="heading-anchor" href="#disk-full" aria-label="Link to this section" data-pagefind-ignore>#</a></h3><p>Free space.</p>';
	assert.equal(indexableHtml(html), '<h3 id="disk-full">Disk full</h3><p>Free space.</p>');
});

test('the heading-link plugin still produces the class this relies on', () => {
	const tree: Root = {
		type: 'root',
		children: [
			{ type: 'element', tagName: 'h2', properties: { id: 'steps' }, children: [{ type: 'text', value: 'Steps' }] },
		],
	};
	rehypeHeadingLinks()(tree);
	const heading = tree.children[0] as { children: Array<{ type: string; properties?: Record<string, unknown> }> };
	const link = heading.children.find((c) => c.type === 'element');
	assert.deepEqual(link?.properties?.className, ['heading-anchor']);
});

test('other markup is left exactly as it was', () => {
	const html =
		'<article data-pagefind-body><h1>T</h1><p class="labelled">label text <a href="#x">a link</a></p></article>';
	assert.equal(indexableHtml(html), html);
});

test('an alert entry heading gets the top weight; other headings keep theirs', () => {
	const html = '<h3 id="uploadsapidown">UploadsApiDown</h3><h3 id="other">Other</h3>';
	assert.equal(
		indexableHtml(html, { alertEntries: ['uploadsapidown'] }),
		`<h3 id="uploadsapidown" data-pagefind-weight="${ALERT_ENTRY_WEIGHT}">UploadsApiDown</h3><h3 id="other">Other</h3>`,
	);
});

test('a page outline gives its kind and its headings as text, as the alert routes resolve them', () => {
	const html =
		'<article data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="kind:runbook"></span></div><h1>T</h1>' +
		'<h2 id="alerts">Alerts<a class="heading-anchor" href="#alerts" aria-label="Link to this section" data-pagefind-ignore>#</a></h2>' +
		'<h3 id="uploadsapidown">UploadsApiDown</h3><h3 id="a-b"><code>a</code> &amp; b</h3><h3>no id</h3></article>';
	const outline = pageOutline(html);
	assert.equal(outline.kind, 'runbook');
	assert.deepEqual(outline.headings, [
		{ slug: 'alerts', text: 'Alerts' },
		{ slug: 'uploadsapidown', text: 'UploadsApiDown' },
		{ slug: 'a-b', text: 'a & b' },
	]);
	const targets = alertTargets(['UploadsApiDown'], [{ id: '/runbooks/troubleshooting/', ...outline }]);
	assert.deepEqual(targets.get('UploadsApiDown'), {
		alert: 'UploadsApiDown',
		docId: '/runbooks/troubleshooting/',
		anchor: 'uploadsapidown',
	});
});
