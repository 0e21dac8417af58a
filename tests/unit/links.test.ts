/** The link check on built HTML (src/quality/links.ts): internal links and anchors resolve, ids are unique. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBrokenLinks, findDuplicateIds, idsOf, type BuiltPage } from '../../src/quality/links.ts';

/** A small built site: three pages (paths with the base) and, besides them, the files that exist. */
function site(base: string, links: string, files: string[] = []) {
	const pages: BuiltPage[] = [
		{ path: `${base}`, html: `<main id="main"><h1 id="top-title">Home</h1>${links}</main>` },
		{
			path: `${base}runbooks/rollback/`,
			html: '<main id="main"><h2 id="steps">Steps</h2><h2 id="étape-2">Étape</h2><h2 id="a&amp;b">A&amp;B</h2></main>',
		},
		{ path: `${base}404.html`, html: '<main id="main"><h1 id="not-found">Not found</h1></main>' },
	];
	const asked: string[] = [];
	const exists = (sitePath: string) => {
		asked.push(sitePath);
		return files.includes(sitePath);
	};
	return { broken: () => findBrokenLinks(pages, base, exists), asked };
}

const reasons = (broken: ReturnType<typeof findBrokenLinks>) => broken.map((b) => `${b.href}: ${b.reason}`);

test('a link to a page that exists passes, in every spelling of the page', () => {
	const links = [
		'/runbooks/rollback/',
		'/runbooks/rollback',
		'/runbooks/rollback/index.html',
		'runbooks/rollback/',
		'/',
	]
		.map((href) => `<a href="${href}">x</a>`)
		.join('');
	assert.deepEqual(site('/', links).broken(), []);
});

test('a link to a missing page is reported, with the page it is on', () => {
	assert.deepEqual(site('/', '<a href="/runbooks/nowhere/">x</a>').broken(), [
		{ page: '/', href: '/runbooks/nowhere/', reason: 'no such page' },
	]);
});

test('a link to a file that is not a page passes when the file exists (decoded path)', () => {
	const { broken, asked } = site(
		'/',
		'<a href="/cards/pdf/deploy%20a6.pdf#page=2">PDF</a><a href="/gone.pdf">old</a>',
		['/cards/pdf/deploy a6.pdf'],
	);
	assert.deepEqual(reasons(broken()), ['/gone.pdf: no such page']);
	assert.deepEqual(asked, ['/cards/pdf/deploy a6.pdf', '/gone.pdf']);
});

test('relative links resolve against the page they are on', () => {
	const pages: BuiltPage[] = [
		{ path: '/runbooks/deploy/', html: '<a href="../rollback/#steps">ok</a><a href="../rollback/#nope">bad</a>' },
		{ path: '/runbooks/rollback/', html: '<h2 id="steps">Steps</h2>' },
	];
	assert.deepEqual(
		findBrokenLinks(pages, '/', () => false),
		[
			{
				page: '/runbooks/deploy/',
				href: '../rollback/#nope',
				reason: 'no element with id "nope" on /runbooks/rollback/',
			},
		],
	);
});

test('anchors: on another page, on the same page, %-escaped and entity-escaped', () => {
	const links = [
		'/runbooks/rollback/#steps',
		'/runbooks/rollback#steps',
		'/runbooks/rollback/index.html#steps',
		'/runbooks/rollback/#%C3%A9tape-2',
		'/runbooks/rollback/#a&amp;b',
		'#top-title',
		'#',
		'',
		'/runbooks/rollback/#missing',
		'/runbooks/rollback/index.html#missing-too',
		'#nope',
	]
		.map((href) => `<a href="${href}">x</a>`)
		.join('');
	assert.deepEqual(reasons(site('/', links).broken()), [
		'/runbooks/rollback/#missing: no element with id "missing" on /runbooks/rollback/',
		'/runbooks/rollback/index.html#missing-too: no element with id "missing-too" on /runbooks/rollback/index.html',
		'#nope: no element with id "nope" on /',
	]);
});

test('entities in an href are decoded once: "&amp;lt;" is the text "&lt;"', () => {
	const pages: BuiltPage[] = [
		{ path: '/', html: '<h2 id="a&lt;b">x</h2><a href="#a&lt;b">ok</a><a href="#a&amp;lt;b">bad</a>' },
	];
	assert.deepEqual(reasons(findBrokenLinks(pages, '/', () => false)), ['#a&lt;b: no element with id "a&lt;b" on /']);
});

test('query strings are not part of the page: ?q= on a page passes, and its anchor is still checked', () => {
	const links =
		'<a href="/runbooks/rollback/?from=home#steps">a</a><a href="?q=rollback">b</a>' +
		'<a href="/runbooks/rollback/?x=1#gone">c</a>';
	assert.deepEqual(reasons(site('/', links).broken()), [
		'/runbooks/rollback/?x=1#gone: no element with id "gone" on /runbooks/rollback/',
	]);
});

test('external, protocol-relative, mailto:, tel:, data: and javascript: links are not checked', () => {
	const links = [
		'https://example.com/nowhere/',
		'http://example.com/#nope',
		'//cdn.example.com/x.js',
		'mailto:oncall@example.com',
		'MAILTO:oncall@example.com',
		'tel:+15550142',
		'data:text/plain,hi',
		'javascript:void(0)',
	]
		.map((href) => `<a href="${href}">x</a>`)
		.join('');
	const { broken, asked } = site('/', links);
	assert.deepEqual(broken(), []);
	assert.deepEqual(asked, [], 'no file lookups for them');
});

test('under a base path: links must stay inside it, and the base without its slash is the home page', () => {
	const links = [
		'/ops/runbooks/rollback/#steps',
		'/ops',
		'/ops/',
		'../../ops/runbooks/rollback/',
		'/runbooks/rollback/',
		'/opsx/',
		'../../../elsewhere/',
	]
		.map((href) => `<a href="${href}">x</a>`)
		.join('');
	assert.deepEqual(reasons(site('/ops/', links).broken()), [
		"/runbooks/rollback/: points outside the site's base path /ops/",
		"/opsx/: points outside the site's base path /ops/",
		"../../../elsewhere/: points outside the site's base path /ops/",
	]);
});

test('a page that is a file is reached under its file name only', () => {
	const { broken } = site(
		'/',
		'<a href="/404.html#not-found">a</a><a href="/404.html#nope">b</a><a href="/404/">c</a>',
	);
	assert.deepEqual(reasons(broken()), [
		'/404.html#nope: no element with id "nope" on /404.html',
		'/404/: no such page',
	]);
});

test('a malformed %-escape is reported, not thrown', () => {
	assert.deepEqual(reasons(site('/', '<a href="/runbooks/100%/">a</a><a href="#50%">b</a>').broken()), [
		'/runbooks/100%/: malformed %-escape in the URL',
		'#50%: malformed %-escape in the URL',
	]);
});

test('a broken href is reported once per page, however often it appears there', () => {
	const pages: BuiltPage[] = [
		{ path: '/a/', html: '<a href="/x/">1</a><a href="/x/">2</a>' },
		{ path: '/b/', html: '<a href="/x/">3</a>' },
	];
	assert.deepEqual(
		findBrokenLinks(pages, '/', () => false).map((b) => b.page),
		['/a/', '/b/'],
	);
});

test('only <a> elements are links: the href is found among other attributes and in SVG (xlink:href)', () => {
	const html = [
		'<a class="card" data-x="1" href="/missing-1/">x</a>',
		'<a\n  href="/missing-2/">x</a>',
		'<svg><a xlink:href="/missing-3/"><text>n</text></a></svg>',
		'<abbr title="x" data-href="/not-a-link/">x</abbr>',
		'<div data-href="/not-a-link-either/"></div>',
	].join('');
	assert.deepEqual(
		site('/', html)
			.broken()
			.map((b) => b.href),
		['/missing-1/', '/missing-2/', '/missing-3/'],
	);
});

test('idsOf: id attributes only, entity-decoded', () => {
	const html = '<h2 id="steps">x</h2><div data-id="no" aria-describedby="no"></div><p\tid="a&amp;b" class="c"></p>';
	assert.deepEqual(idsOf(html), ['steps', 'a&b']);
});

test('findDuplicateIds: each repeated id once, however often it repeats', () => {
	const page: BuiltPage = {
		path: '/runbooks/deploy/',
		html:
			'<h2 id="steps">a</h2><div id="steps"></div><p id="steps"></p><h2 id="rollback">b</h2>' +
			'<i id="x&amp;y"></i><i id="x&#38;y"></i>',
	};
	assert.deepEqual(findDuplicateIds(page), ['steps', 'x&y']);
	assert.deepEqual(findDuplicateIds({ path: '/', html: '<h2 id="a"></h2><h2 id="b"></h2>' }), []);
});
