/** The pure parts of offline use: download link rewriting, the download's search, its index, stamp, manifest. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import {
	excerptAround,
	offlineSearchScript,
	searchOffline,
	type OfflineSearchData,
} from '../../src/offline/client/offline-search.ts';
import { makeStamp } from '../../src/core/content-stamp.ts';
import { offlinePageHtml } from '../../src/offline/offline-bundle.ts';
import { precacheGroup, precacheVersion } from '../../src/offline/offline-build.ts';
import { offlineUrl, rewriteCssUrls, rewriteHtmlUrls, type LinkContext } from '../../src/offline/offline-links.ts';
import { headingAt, sectionsOf } from '../../src/offline/offline-search-index.ts';
import { webManifest } from '../../src/offline/web-manifest.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/core/search-bundle.ts';

const dirs = new Set(['runbooks', 'runbooks/rollback', 'cards', 'cards/pdf']);
const at = (file: string, base = '/'): LinkContext => ({
	base,
	file,
	isDirectory: (p) => dirs.has(p.replace(/\/$/, '')),
});

test('internal links become relative paths ending in index.html', () => {
	const page = at('runbooks/deployment/index.html');
	assert.equal(offlineUrl('/runbooks/rollback/', page), '../rollback/index.html');
	assert.equal(offlineUrl('/runbooks/rollback/#steps', page), '../rollback/index.html#steps');
	assert.equal(offlineUrl('/', page), '../../index.html');
	assert.equal(offlineUrl('/search/?q=roll%20back', page), '../../search/index.html?q=roll%20back');
	assert.equal(offlineUrl('/runbooks/rollback', page), '../rollback/index.html', 'a folder without its slash');
	assert.equal(offlineUrl('/cards/pdf/deploy-a6.pdf', page), '../../cards/pdf/deploy-a6.pdf');
	assert.equal(offlineUrl('../rollback/', page), '../rollback/index.html', 'relative links too');
	assert.equal(offlineUrl('', page), '');
	assert.equal(offlineUrl('?q=x', page), 'index.html?q=x');
	assert.equal(offlineUrl('/favicon.svg', at('index.html')), 'favicon.svg');
	assert.equal(offlineUrl('/runbooks/', at('index.html')), 'runbooks/index.html');
});

test('external URLs, fragments and URLs outside the base are left alone', () => {
	const page = at('runbooks/rollback/index.html', '/ops/');
	for (const url of [
		'#steps',
		'https://example.com/x/',
		'//cdn.example.com/a.js',
		'mailto:a@example.com',
		'tel:+15550142',
		'data:image/png;base64,AA==',
		'/elsewhere/page/',
	]) {
		assert.equal(offlineUrl(url, page), url);
	}
});

test('a sub-path build loses its base in the download', () => {
	const page = at('runbooks/rollback/index.html', '/ops/');
	assert.equal(offlineUrl('/ops/runbooks/', page), '../index.html');
	assert.equal(offlineUrl('/ops/', page), '../../index.html');
	assert.equal(offlineUrl('/ops', page), '../../index.html');
	assert.equal(offlineUrl('/ops/_astro/Base.css', page), '../../_astro/Base.css');
});

test('page markup: attributes, SVG links and meta refresh are rewritten, script bodies are not', () => {
	const html =
		'<meta http-equiv="refresh" content="0; url=/ops/runbooks/rollback/#steps">' +
		'<a href="/ops/runbooks/">x</a><svg><a xlink:href="/ops/runbooks/rollback/#steps"></a><use href="#icon"/></svg>' +
		'<form action="/ops/search/"></form><script>const u = " href=\\"/ops/runbooks/\\"";</script><img src="/ops/favicon.svg">';
	const out = rewriteHtmlUrls(html, at('alerts/X/index.html', '/ops/'));
	assert.match(out, /url=\.\.\/\.\.\/runbooks\/rollback\/index\.html#steps"/);
	assert.match(out, /<a href="\.\.\/\.\.\/runbooks\/index\.html">/);
	assert.match(out, /xlink:href="\.\.\/\.\.\/runbooks\/rollback\/index\.html#steps"/);
	assert.match(out, /<use href="#icon"\/>/);
	assert.match(out, /action="\.\.\/\.\.\/search\/index\.html"/);
	assert.match(out, /const u = " href=\\"\/ops\/runbooks\/\\"";/);
	assert.match(out, /src="\.\.\/\.\.\/favicon\.svg"/);
});

test('stylesheets: url() becomes relative to the stylesheet', () => {
	const css =
		'@font-face{src:url(/ops/_astro/font.woff2)}a{background:url("/ops/icons/x.png")}b{background:url(data:image/png;base64,AA==)}';
	assert.equal(
		rewriteCssUrls(css, at('_astro/Base.css', '/ops/')),
		'@font-face{src:url(font.woff2)}a{background:url("../icons/x.png")}b{background:url(data:image/png;base64,AA==)}',
	);
});

test('download pages drop module scripts and the app manifest; the search page gets the offline search', () => {
	const html =
		'<head><link rel="manifest" href="/manifest.webmanifest"><script type="module" src="/_astro/a.js"></script><script>theme()</script></head><body><script type="module">x()</script></body>';
	const page = offlinePageHtml(html, at('runbooks/rollback/index.html'));
	assert.doesNotMatch(page, /type="module"|manifest/);
	assert.match(page, /<script>theme\(\)<\/script>/);
	const search = offlinePageHtml(html, at('search/index.html'));
	assert.match(
		search,
		/<script src="\.\.\/search-data\.js"><\/script><script src="\.\.\/offline-search\.js" data-root="\.\.\/"><\/script><\/body>/,
	);
});

const data: OfflineSearchData = {
	pages: [
		{ u: 'runbooks/rollback/', t: 'Rollback runbook', k: 'runbook' },
		{ u: 'runbooks/scaling/', t: 'Scaling', k: 'runbook' },
	],
	sections: [
		{ p: 0, a: '', h: '', x: 'When and how to return to the previous release.' },
		{ p: 0, a: 'steps', h: 'Steps', x: 'Run helm rollback for the uploads release and watch the error rate.' },
		{ p: 1, a: 'steps', h: 'Steps', x: 'Scale the deployment; helm is not needed here. Rollback is elsewhere.' },
	],
};

test('offline search: every word must match; titles and headings rank first; prefixes match', () => {
	const hits = searchOffline(data, 'helm rollback', 10);
	assert.deepEqual(
		hits.map((h) => h.href),
		['runbooks/rollback/#steps', 'runbooks/scaling/#steps'],
	);
	assert.equal(searchOffline(data, 'helm zebra', 10).length, 0);
	assert.equal(searchOffline(data, '   ', 10).length, 0);
	assert.ok(
		searchOffline(data, 'ROLL', 1)[0]?.href.startsWith('runbooks/rollback/'),
		'case-insensitive, a prefix, title first',
	);
	assert.equal(searchOffline(data, 'steps', 10)[0]?.heading, 'Steps');
});

test('excerpts are cut at word boundaries around the match', () => {
	const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
	const excerpt = excerptAround(text, text.indexOf('word40'), 60);
	assert.match(excerpt, /^… word3\d .* …$/);
	assert.ok(excerpt.includes('word40'));
	assert.equal(excerptAround('short text', 0, 60), 'short text');
});

test('the download search script is a self-contained classic script', () => {
	const script = offlineSearchScript('DATA');
	assert.doesNotMatch(script, /\bimport\b|\bexport\b/);
	// It parses as a classic script, and with no search box on the page it does nothing.
	const context = {
		window: { DATA: data },
		document: { currentScript: null, querySelector: () => null },
		location: { search: '' },
		URLSearchParams,
	};
	assert.doesNotThrow(() => vm.runInNewContext(script, context));
});

test('search index: headings are read from the content, without the anchor control text', () => {
	const words = 'Intro text. First hour. Do these in order. 1. Detach pods. Then more'.split(' ');
	assert.deepEqual(headingAt(words, 2, 'First hourLink to this section#'), { heading: 'First hour', length: 2 });
	assert.deepEqual(headingAt(words, 8, '1. Detach podsLink to this section#'), {
		heading: '1. Detach pods',
		length: 3,
	});
	const sections = sectionsOf(
		{
			url: '/runbooks/x/',
			content: words.join(' '),
			anchors: [
				{ element: 'h2', id: 'first-hour', text: 'First hourLink to this section#', location: 2 },
				{ element: 'h3', id: 'detach', text: '1. Detach podsLink to this section#', location: 8 },
				{ element: 'div', id: 'not-a-heading', text: 'x', location: 10 },
			],
		},
		3,
	);
	assert.deepEqual(sections, [
		{ p: 3, a: '', h: '', x: 'Intro text.' },
		{ p: 3, a: 'first-hour', h: 'First hour', x: 'Do these in order.' },
		{ p: 3, a: 'detach', h: '1. Detach pods', x: 'Then more' },
	]);
});

test('content stamp: commit and UTC build time, one line for people', () => {
	const stamp = makeStamp('a1b2c3d', new Date('2026-11-26T10:15:42.123Z'));
	assert.deepEqual(stamp, {
		commit: 'a1b2c3d',
		builtAt: '2026-11-26T10:15:42Z',
		builtAtText: '2026-11-26 10:15 UTC',
		text: 'Content a1b2c3d · built 2026-11-26 10:15 UTC',
	});
});

test('web manifest: standalone, start_url and scope at the base', () => {
	const m = webManifest({ title: 'Opsbook', description: 'd', base: '/ops/' });
	assert.equal(m.start_url, '/ops/');
	assert.equal(m.scope, '/ops/');
	assert.equal(m.display, 'standalone');
	assert.equal(m.short_name, 'Opsbook');
	assert.ok(m.icons.every((i) => i.src.startsWith('/ops/')));
	assert.deepEqual(
		m.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes),
		['192x192', '512x512', '512x512'],
	);
});

test('precache report: groups and a version that changes with any revision', () => {
	assert.equal(precacheGroup('runbooks/x/index.html'), 'pages');
	assert.equal(precacheGroup(`${SEARCH_BUNDLE_DIR}/fragment/en_1.pf_fragment`), 'search index');
	assert.equal(precacheGroup('favicon.svg'), 'other');
	assert.equal(precacheGroup('_astro/Base.css'), 'scripts and styles');
	assert.equal(precacheGroup('cards/pdf/deploy-a6.pdf'), 'PDFs');
	const entries = [
		{ url: '/a', revision: '1', size: 1 },
		{ url: '/b', revision: null, size: 2 },
	];
	assert.equal(precacheVersion(entries), precacheVersion([...entries].reverse()));
	assert.notEqual(precacheVersion(entries), precacheVersion([{ ...entries[0]!, revision: '2' }, entries[1]!]));
});
