/** Search results: Pagefind's data as the UI shows it, HTML safety, the search page address. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHitFromPagefind, type PagefindResultData } from '../../src/search/client/search-results.ts';
import {
	escapeHtml,
	filterOptionsHtml,
	resultsHtml,
	safeExcerpt,
	summaryText,
} from '../../src/search/client/search-render.ts';
import { parseSearchParams, searchPageHref, searchQueryString } from '../../src/search/client/search-url.ts';
import { SEARCH_FILTERS, searchFilterPairs } from '../../src/search/filters.ts';
import { bodyWeight } from '../../src/search/weights.ts';

const at = (score: number, location: number) => ({ weight: 1, balanced_score: score, location });

const data: PagefindResultData = {
	url: '/runbooks/troubleshooting/',
	excerpt: 'page excerpt',
	meta: { title: 'Troubleshooting' },
	filters: { kind: ['runbook'], tags: ['alerts', 'triage'] },
	sub_results: [
		{
			title: 'Troubleshooting',
			url: '/runbooks/troubleshooting/',
			excerpt: 'intro <mark>x</mark>',
			weighted_locations: [at(10, 3)],
		},
		{
			title: 'Pods',
			url: '/runbooks/troubleshooting/#pods',
			excerpt: 'pods <mark>x</mark>',
			weighted_locations: [at(10, 40)],
		},
		{
			title: 'UploadsApiHighErrorRate',
			url: '/runbooks/troubleshooting/#uploadsapihigherrorrate',
			excerpt: '<mark>x</mark>',
			weighted_locations: [at(500, 90), at(10, 95)],
		},
		{ title: 'Disk', url: '/runbooks/troubleshooting/#disk', excerpt: 'disk', weighted_locations: [at(1, 120)] },
	],
};

test('sections are ranked by weighted hits, a heading naming the term first, and cut to the limit', () => {
	const hit = pageHitFromPagefind(data, 3);
	assert.equal(hit.title, 'Troubleshooting');
	assert.deepEqual(
		hit.sections.map((s) => s.url),
		[
			'/runbooks/troubleshooting/#uploadsapihigherrorrate',
			'/runbooks/troubleshooting/',
			'/runbooks/troubleshooting/#pods',
		],
	);
	assert.equal(hit.sections[0]!.title, 'UploadsApiHighErrorRate');
	assert.deepEqual(hit.filters.tags, ['alerts', 'triage']);
});

test('a page without sections still yields one result, the page itself', () => {
	const hit = pageHitFromPagefind({ url: '/a/', excerpt: 'e', meta: {} }, 3);
	assert.deepEqual(hit.sections, [{ url: '/a/', title: '/a/', excerpt: 'e' }]);
});

test('result HTML escapes titles and URLs and keeps only <mark> from excerpts', () => {
	const html = resultsHtml(
		[
			{
				url: '/p/',
				title: 'A <b>title</b>',
				filters: { kind: ['runbook'] },
				sections: [
					{ url: '/p/', title: 'A <b>title</b>', excerpt: '<img src=x onerror=alert(1)> &lt;ok&gt; <mark>hit</mark>' },
					{ url: '/p/#s"x', title: 'Step & <i>go</i>', excerpt: 'plain' },
				],
			},
		],
		'lb',
	);
	assert.ok(!html.includes('<b>') && !html.includes('<img') && !html.includes('<i>'));
	assert.ok(html.includes('<mark>hit</mark>'));
	assert.ok(html.includes('&lt;ok&gt;'), 'entities Pagefind already escaped stay as they are');
	assert.ok(html.includes('href="/p/#s&quot;x"'));
	assert.match(html, /id="lb-0"[^>]*>.*Overview/);
	assert.match(html, /id="lb-1"[^>]*>.*Step &amp; &lt;i&gt;go/);
	assert.match(html, /role="group"[^>]*aria-labelledby="lb-g0"/);
	assert.equal(escapeHtml(`<a href="x">'`), '&lt;a href=&quot;x&quot;&gt;&#39;');
	assert.equal(safeExcerpt('a</mark>b<mark>'), 'a</mark>b<mark>');
});

test('the summary says how many documents match and how many are shown', () => {
	assert.equal(summaryText('rollback', 0, 0, false), 'No results for “rollback”.');
	assert.equal(summaryText('rollback', 1, 1, false), '1 document matches “rollback”.');
	assert.equal(summaryText('db', 12, 8, true), '12 documents match “db” with these filters, showing the first 8.');
	assert.equal(summaryText('', 3, 3, true), '3 documents match the chosen filters.');
});

test('filter choices list every value with the count the current query gives, and keep the chosen one', () => {
	const html = filterOptionsHtml(['playbook', 'runbook'], { playbook: 0, runbook: 4 }, 'playbook');
	assert.equal(
		html,
		'<option value="">Any</option><option value="playbook" selected>playbook (0)</option><option value="runbook">runbook (4)</option>',
	);
	assert.equal(
		filterOptionsHtml(['a'], undefined, undefined, 'All kinds'),
		'<option value="" selected>All kinds</option><option value="a">a</option>',
	);
});

test('the search page address carries the query and the filters, and reads them back', () => {
	const keys = SEARCH_FILTERS.map((f) => f.key);
	const state = { query: ' rollback now ', filters: { status: 'active', kind: 'runbook' } };
	assert.equal(searchQueryString(state, keys), '?q=rollback+now&kind=runbook&status=active');
	assert.equal(searchPageHref('/ops', state, keys), '/ops/search/?q=rollback+now&kind=runbook&status=active');
	assert.equal(searchPageHref('/', { query: '', filters: {} }, keys), '/search/');
	assert.deepEqual(parseSearchParams(new URLSearchParams('q=db&kind=runbook&severity=&other=x'), keys), {
		query: 'db',
		filters: { kind: 'runbook' },
	});
});

test('documents carry one filter value per metadata value; no severity means no severity filter', () => {
	assert.deepEqual(
		searchFilterPairs({ kind: 'runbook', service: 'uploads-api', tags: ['deploy', 'rollback'], status: 'active' }),
		[
			['kind', 'runbook'],
			['service', 'uploads-api'],
			['tags', 'deploy'],
			['tags', 'rollback'],
			['status', 'active'],
		],
	);
	assert.deepEqual(
		searchFilterPairs({ kind: 'playbook', severity: 'SEV1', service: 's', tags: [], status: 'draft' })[1],
		['severity', 'SEV1'],
	);
});

test('training bodies weigh less than the documents acted on in an incident; other kinds keep the default', () => {
	assert.equal(bodyWeight('training'), '0.6');
	for (const kind of ['runbook', 'playbook', 'procedure', 'template']) assert.equal(bodyWeight(kind), undefined);
});
