/**
 * Bring your own runbooks (issue #17): URL ids, link resolution (Markdown and raw HTML), rule files and runbook_url
 * edits, Docusaurus category files, the dev server's attachments, coverage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentId, idCollisions, urlSegment } from '../../src/core/sources.ts';
import { loadSiteDocuments } from '../../src/core/site-documents.ts';
import { resolveKinds } from '../../src/core/kinds.ts';
import {
	buildLinkIndex,
	checkSourceLinks,
	pageUrl,
	rawHtmlUrls,
	resolveLink,
	sourceUrlsOf,
} from '../../src/byo/links.ts';
import { findForeignSyntax, remarkSourceLinks, rewriteRawHtml } from '../../src/byo/remark-byo.ts';
import { attachmentForPath, attachmentsByUrl } from '../../src/byo/dev-attachments.ts';
import { parseRuleFile, runbookUrlFor, withRunbookUrls } from '../../src/alerts/rules.ts';
import { linkAlerts } from '../../src/alerts/alert-targets.ts';
import { excerptOf, titleFromName } from '../../src/core/normalize.ts';

test('URLs come from file names as written: lower case, spaces to dashes, index files are their folder', () => {
	assert.equal(urlSegment('KubePodCrashLooping'), 'kubepodcrashlooping');
	assert.equal(
		documentId({ folder: 'runbooks/Kubernetes', name: 'KubePodCrashLooping', index: false }),
		'runbooks/kubernetes/kubepodcrashlooping',
	);
	assert.equal(documentId({ folder: 'payments', name: 'README', index: true }), 'payments');
	assert.equal(documentId({ folder: '', name: 'Out of memory', index: false }), 'out-of-memory');
	assert.equal(
		documentId({ folder: 'search', name: 'reindex', index: false }),
		'search-docs/reindex',
		'never over the search page',
	);
	assert.equal(documentId({ folder: 'a', name: 'b', index: false }, { slug: 'c' }), 'a/c');
	assert.equal(documentId({ folder: 'a', name: 'b', index: false }, { slug: '/x/y/' }), 'x/y');
	assert.deepEqual(
		idCollisions([
			{ id: 'a', file: '/A.md' },
			{ id: 'a', file: '/a.md' },
			{ id: 'b', file: '/b.md' },
		]),
		[{ id: 'a', files: ['/A.md', '/a.md'] }],
	);
	assert.equal(titleFromName('disk-full'), 'Disk full');
	assert.equal(titleFromName('etcdNoLeader'), 'etcdNoLeader');
	assert.equal(
		excerptOf('# T\n\n!!! note\n\nFirst [line](x.md) of *prose*.\nSecond.\n\nNext.'),
		'First line of prose. Second.',
	);
});

function tree(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-byo-'));
	for (const [rel, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	}
	return dir;
}

test('links resolve relative to the file, then to the page URL (Hugo), to folders and images', () => {
	const dir = tree({
		'runbooks/kubernetes/KubePodCrashLooping.md': '# A\n',
		'runbooks/kubernetes/KubePodNotReady.md': '# B\n\n## Drain the node\n',
		'runbooks/etcd/README.md': '# etcd\n',
		'runbooks/etcd/img/Topology Map.png': 'png',
		'runbooks/kubernetes/Crash.md': '# Case twin\n',
		'runbooks/kubernetes/crash.md': '# Case twin\n',
	});
	const site = loadSiteDocuments(dir, { kinds: resolveKinds() });
	assert.match(
		site.problems.map((p) => p.message).join('\n'),
		/crash\.md and runbooks\/kubernetes\/Crash\.md would all be \/runbooks\/kubernetes\/crash\//,
	);
	const index = buildLinkIndex(site);
	const from = path.join(dir, 'runbooks/kubernetes/KubePodCrashLooping.md');
	const at = (url: string) => resolveLink(url, from, 'runbooks/kubernetes/kubepodcrashlooping', index);
	assert.deepEqual(at('./KubePodNotReady.md#drain-the-node'), {
		kind: 'page',
		id: 'runbooks/kubernetes/kubepodnotready',
		fragment: 'drain-the-node',
		href: '/runbooks/kubernetes/kubepodnotready/#drain-the-node',
	});
	assert.equal(
		(at('../KubePodNotReady/') as { href: string }).href,
		'/runbooks/kubernetes/kubepodnotready/',
		"Hugo: relative to the page's URL",
	);
	assert.equal((at('../etcd/') as { href: string }).href, '/runbooks/etcd/', 'a folder is its README');
	assert.equal((at('../etcd/img/Topology%20Map.png') as { href: string }).href, '/runbooks/etcd/img/topology-map.png');
	assert.equal(at('./KubePodNotReady.md#no-such').kind, 'anchor');
	assert.equal(at('../moved/away.md').kind, 'broken');
	assert.equal(at('https://example.com/x.md').kind, 'leave');
	assert.equal(at('/alerts/KubePodNotReady/').kind, 'leave');
	assert.equal(
		(at('/runbooks/kubernetes/KubePodNotReady') as { href: string }).href,
		'/runbooks/kubernetes/kubepodnotready/',
	);
});

test('folder defaults (_defaults.yaml) and config defaults fill what front matter does not say', () => {
	const dir = tree({
		'_defaults.yaml': 'reviewEvery: 90\ntags: [ops]\n',
		'payments/_defaults.yaml': 'owner: Payments\nservice: payments-api\ntags: [payments]\n',
		'payments/refunds.md': '---\nservice: refunds\n---\n# Refunds\n',
	});
	const doc = loadSiteDocuments(dir, { kinds: resolveKinds(), defaults: { owner: 'SRE' } }).all[0]!.normalized.data;
	assert.deepEqual(doc.owner, { team: 'Payments' });
	assert.equal(doc.service, 'refunds');
	assert.equal(doc.reviewEvery, 90);
	assert.deepEqual(doc.tags, ['ops', 'payments']);
});

test('syntax of other tools: what is rendered and what stays as text, with lines', () => {
	const found = findForeignSyntax(
		'> [!WARNING]\n> x\n\n!!! note "T"\n    y\n\n[[_TOC_]]\n\n{{< hint info >}}\nz\n{{< /hint >}}\n\n{{< figure src="a.png" >}}\n\n```\n!!! note\n```\n',
	);
	assert.deepEqual(
		found.map((f) => `${f.line} ${f.rendered ? 'rendered' : 'text'} ${f.what}`),
		[
			'1 rendered GitHub alert',
			'4 rendered MkDocs admonition',
			'7 rendered table-of-contents marker',
			'9 rendered Hugo shortcode {{< hint >}}',
			'13 text Hugo shortcode {{< figure >}}',
		],
	);
});

const RULES = `# kube-prometheus
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: rules
spec:
  groups:
    - name: apps
      rules:
        - alert: KubePodCrashLooping
          annotations:
            description: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash looping.'
            runbook_url: "https://old.example.com/runbooks/kubernetes/kubepodcrashlooping?cluster={{ $labels.cluster }}"
          expr: rate(x[5m]) > 0
          labels:
            severity: warning
        - alert: NoAnnotations
          expr: up == 0
        - alert: OnlySummary
          annotations:
            summary: Something.
          expr: up == 0
---
groups:
  - name: plain
    rules:
      - alert: PlainAlert
        expr: vector(1)
        for: 5m
`;

test('Prometheus rule files and PrometheusRule objects; runbook_url edited in place, templates kept', () => {
	const { alerts, problems } = parseRuleFile('/rules.yaml', RULES);
	assert.deepEqual(problems, []);
	assert.deepEqual(
		alerts.map((a) => `${a.line} ${a.name} ${a.severity ?? '-'}`),
		['10 KubePodCrashLooping warning', '17 NoAnnotations -', '19 OnlySummary -', '27 PlainAlert -'],
	);
	const site = 'https://ops.example.com/';
	const urls = Object.fromEntries(alerts.map((a) => [a.name, runbookUrlFor(site, a.name, a.runbookUrl)]));
	assert.equal(
		urls.KubePodCrashLooping,
		'https://ops.example.com/alerts/KubePodCrashLooping/?cluster={{ $labels.cluster }}',
	);
	const out = withRunbookUrls(RULES, alerts, urls);
	assert.match(
		out,
		/runbook_url: "https:\/\/ops\.example\.com\/alerts\/KubePodCrashLooping\/\?cluster=\{\{ \$labels\.cluster \}\}"/,
	);
	assert.match(out, /description: 'Pod \{\{ \$labels\.namespace \}\}\/\{\{ \$labels\.pod \}\} is crash looping\.'/);
	assert.match(
		out,
		/- alert: NoAnnotations\n {10}annotations:\n {12}runbook_url: https:\/\/ops\.example\.com\/alerts\/NoAnnotations\/\n {10}expr: up == 0/,
	);
	assert.match(
		out,
		/annotations:\n {12}runbook_url: https:\/\/ops\.example\.com\/alerts\/OnlySummary\/\n {12}summary: Something\./,
	);
	assert.equal(
		withRunbookUrls(out, parseRuleFile('/rules.yaml', out).alerts, urls),
		out,
		'a second run changes nothing',
	);
	assert.match(
		parseRuleFile('/helm.yaml', 'groups:\n{{- if .Values.x }}\n  - name: a\n').problems[0]!.message,
		/^not read:/,
	);
});

test('alerts link to runbooks by runbook_url, file name, heading, then alerts: list', () => {
	const docs = [
		{ id: 'runbooks/kubernetes/kubepodcrashlooping', kind: 'alert', name: 'KubePodCrashLooping', headings: [] },
		{
			id: 'runbooks/etcd/etcdnoleader',
			kind: 'alert',
			name: 'etcdNoLeader',
			headings: [{ text: 'Impact', slug: 'impact' }],
		},
		{
			id: 'runbooks/troubleshooting',
			kind: 'runbook',
			name: 'troubleshooting',
			headings: [{ text: 'ApiDown', slug: 'apidown' }],
			alerts: ['Listed'],
		},
	];
	const links = linkAlerts(
		[
			{ name: 'ByUrl', runbookUrl: 'https://runbooks.example.dev/runbooks/etcd/etcdnoleader#impact' },
			{ name: 'KubePodCrashLooping' },
			{ name: 'ApiDown' },
			{ name: 'Listed' },
			{ name: 'Nobody' },
		],
		docs,
	);
	assert.deepEqual(Object.fromEntries([...links].map(([n, t]) => [n, `${t.docId}#${t.anchor}`])), {
		ByUrl: 'runbooks/etcd/etcdnoleader#impact',
		KubePodCrashLooping: 'runbooks/kubernetes/kubepodcrashlooping#',
		ApiDown: 'runbooks/troubleshooting#apidown',
		Listed: 'runbooks/troubleshooting#',
	});
});

test('import conversion: front matter names, admonitions, shortcodes, TOC; a second pass changes nothing', async () => {
	const { convertMarkdown } = await import('../../src/byo/convert.ts');
	const source =
		'+++\ntitle = "Disk"\nweight = 3\nbookHidden = true\n+++\n\n# Disk\n\n[[_TOC_]]\n\n!!! danger "Data loss"\n    Do not delete WAL.\n\n```\n!!! note\n```\n\n{{< hint info >}}\nInner.\n{{< /hint >}}\n\nSee [x]({{< ref "other.md" >}}). {{< youtube abc >}}\n';
	const once = convertMarkdown(source);
	assert.equal(
		once.text,
		'---\ntitle: Disk\norder: 3\n---\n\n# Disk\n\n\n> [!CAUTION]\n> **Data loss**\n>\n> Do not delete WAL.\n\n```\n!!! note\n```\n\nInner.\n\nSee [x](other.md). {{< youtube abc >}}\n',
	);
	assert.deepEqual(once.unconverted, [{ line: 22, what: 'Hugo shortcode {{< youtube >}} kept as written' }]);
	assert.ok(once.changes.includes('front matter: TOML → YAML'));
	const twice = convertMarkdown(once.text);
	assert.equal(twice.text, once.text);
	assert.deepEqual(twice.changes, []);
});

/** A brought tree where raw HTML points at an image, an attachment and a page, as GitHub READMEs write it. */
function rawHtmlTree(): { dir: string; site: ReturnType<typeof loadSiteDocuments>; from: string } {
	const dir = tree({
		'databases/failover.md': '# Failover\n',
		'databases/replica-lag.md': '# Replica lag\n\n## Check the lag\n',
		'databases/checklist.txt': 'steps',
		'images/Grafana Lag.png': 'png',
	});
	return {
		dir,
		site: loadSiteDocuments(dir, { kinds: resolveKinds() }),
		from: path.join(dir, 'databases/failover.md'),
	};
}

test('raw HTML <img src> and <a href> resolve like Markdown images and links, rewritten where they are written', () => {
	const { site, from } = rawHtmlTree();
	const index = buildLinkIndex(site);
	const resolve = (url: string) => resolveLink(url, from, 'databases/failover', index);
	const rewrite = (html: string, base = '/') => rewriteRawHtml(html, resolve, base);
	// The same function answers for both: a Markdown image to the same file gets the same URL.
	assert.equal(pageUrl(resolve('../images/Grafana%20Lag.png'), true, '/ops/'), '/ops/images/grafana-lag.png');
	assert.equal(
		rewrite('<p align="center">\n  <img src="../images/Grafana Lag.png" width="600" alt="Lag">\n</p>', '/ops/'),
		'<p align="center">\n  <img src="/ops/images/grafana-lag.png" width="600" alt="Lag">\n</p>',
	);
	// Quoting and entities as a browser reads them; hrefs get the base later (rehypeBaseLinks), as Markdown's do.
	assert.equal(
		rewrite("<img width=600 src='../images/Grafana&#32;Lag.png'>"),
		'<img width=600 src="/images/grafana-lag.png">',
	);
	assert.equal(rewrite('<a href=checklist.txt>steps</a>'), '<a href="/databases/checklist.txt">steps</a>');
	assert.equal(
		rewrite('<a href="./replica-lag.md#check-the-lag">lag</a>'),
		'<a href="/databases/replica-lag/#check-the-lag">lag</a>',
	);
	// Absolute URLs and data: stay as written (the sanitiser decides about data:); so does HTML without URLs.
	for (const kept of [
		'<img src="https://grafana.example.com/x.png">',
		'<img src="data:image/png;base64,iVBORw0KGgo=">',
		'<a href="mailto:dba@example.com">DBA</a>',
		'<details>\n<summary>More</summary>',
		'<!-- <img src="../images/Grafana Lag.png"> -->',
	])
		assert.equal(rewrite(kept), kept);
	// A dead link keeps its text and names its target; a dead image keeps its URL, as in Markdown.
	assert.equal(rewrite('<a href="../moved.md">old</a>'), '<a title="Link target not found: ../moved.md">old</a>');
	assert.equal(rewrite('<a title="Old" href="../moved.md">old</a>'), '<a title="Old">old</a>');
	assert.equal(rewrite('<img src="../images/gone.png">'), '<img src="../images/gone.png">');
	assert.deepEqual(
		rawHtmlUrls('<p>\n<img\n  src="a.png">\n<a href="b.pdf">b</a></p>').map((u) => `${u.line} ${u.tag} ${u.url}`),
		['3 img a.png', '4 a b.pdf'],
	);
});

test('raw HTML through the page pipeline: the image shows, data: goes by the sanitiser, dead ones are reported', async () => {
	const { unified } = await import('unified');
	const { default: remarkParse } = await import('remark-parse');
	const { default: remarkRehype } = await import('remark-rehype');
	const { default: rehypeStringify } = await import('rehype-stringify');
	const { rehypeSanitize } = await import('../../src/core/sanitize.ts');
	const { dir, site, from } = rawHtmlTree();
	const index = buildLinkIndex(site);
	const body =
		'# Failover\n\nIntro.\n\n<p align="center">\n  <img src="../images/Grafana Lag.png" width="600">\n</p>\n\n' +
		'Print the <a href="checklist.txt">checklist</a>. <img src="data:image/png;base64,AAAA" alt="inline">\n\n' +
		'<img src="../images/missing.png" alt="gone">\n';
	const html = String(
		await unified()
			.use(remarkParse)
			.use(remarkSourceLinks, { index: () => index, base: '/ops/' })
			.use(remarkRehype, { allowDangerousHtml: true })
			.use(rehypeSanitize)
			.use(rehypeStringify)
			.process({ path: from, value: body }),
	);
	assert.match(html, /<img src="\/ops\/images\/grafana-lag\.png" width="600">/);
	assert.match(html, /<a href="\/databases\/checklist\.txt">checklist<\/a>/);
	assert.match(html, /<img alt="inline">/, 'data: images are the sanitiser policy: dropped');
	// The content check reads the same URLs, with the line each is written on.
	const { parseDocument } = await import('../../src/commands/index.ts');
	const report = checkSourceLinks([{ file: from, urls: sourceUrlsOf(parseDocument(body).tree) }], index);
	assert.equal(report.images, 2);
	assert.deepEqual(
		report.problems.map((p) => `${path.relative(dir, p.file)}:${p.line} ${p.field} ${p.message}`),
		['databases/failover.md:11 image "../images/missing.png": no such page or file'],
	);
	// MDX: a lower-case <img> is HTML too.
	const mdx = parseDocument('# T\n\n<img src="../images/Grafana Lag.png" width={600} />\n', { mdx: true }).tree;
	assert.deepEqual(sourceUrlsOf(mdx), [{ url: '../images/Grafana Lag.png', image: true, line: 3 }]);
	remarkSourceLinks({ index: () => index, base: '/' })(mdx, { path: from } as never);
	assert.match(JSON.stringify(mdx), /"name":"src","value":"\/images\/grafana-lag\.png"/);
});

test('Docusaurus _category_.json / .yml: label and position name and place the folder; a bad file is named with its line', async () => {
	const { sectionTrees } = await import('../../src/core/nav.ts');
	const dir = tree({
		'databases/_category_.json':
			'{\n  "label": "Database runbooks",\n  "position": 2,\n  "link": { "type": "generated-index" },\n  "collapsed": false\n}\n',
		'databases/failover.md': '# Failover\n',
		'databases/postgres/_category_.yml': 'label: Postgres\nposition: 1\n',
		'databases/postgres/vacuum.md': '# Vacuum\n',
		'databases/aaa.md': '---\nsidebar_position: 1.5\n---\n# Aaa\n',
		'network/_category_.yaml': 'label: Networking and DNS\nposition: 1\n',
		'network/dns.md': '# DNS\n',
		'zzz/_category_.json': '{\n  "label": "Broken",\n  "position": 3\n  "collapsed": true\n}\n',
		'zzz/page.md': '# Page\n',
		'storage/_category_.json': '{ "label": 7, "position": "first" }',
		'storage/disks.md': '# Disks\n',
	});
	const site = loadSiteDocuments(dir, { kinds: resolveKinds() });
	assert.deepEqual(site.inventory.unread, [], 'category files are read, not left over');
	assert.deepEqual(
		site.problems.map((p) => `${path.relative(dir, p.file)}:${p.line}${p.field ? ` ${p.field}:` : ''} ${p.message}`),
		[
			"storage/_category_.json:1 label: expected the folder's name as text: ignored",
			'storage/_category_.json:1 position: expected a number: ignored',
			"zzz/_category_.json:4 JSON syntax: Expected ',' or '}' after property value",
		],
	);
	const vacuum = site.all.find((d) => d.id === 'databases/postgres/vacuum')!;
	assert.deepEqual(vacuum.normalized.data.source.categories, [
		{ folder: 'databases', label: 'Database runbooks', order: 2 },
		{ folder: 'databases/postgres', label: 'Postgres', order: 1 },
	]);
	assert.equal(site.all.find((d) => d.id === 'zzz/page')!.normalized.data.source.categories, undefined);
	// As docs.ts hands them to the navigation.
	const docs = site.all.map((d) => ({
		id: d.id,
		title: d.normalized.data.title,
		order: d.normalized.data.order,
		kind: d.normalized.data.kind,
		folder: d.normalized.data.source.folder,
		path: d.normalized.data.source.path,
		index: d.normalized.data.source.index,
	}));
	const categories = Object.fromEntries(
		site.all.flatMap((d) => d.normalized.data.source.categories ?? []).map(({ folder, ...c }) => [folder, c]),
	);
	// Kinds' folders come first, but a category position places its folder where it says (databases after network).
	const trees = sectionTrees(docs, { sectionOrder: ['storage', 'databases'], categories });
	assert.deepEqual(
		trees.map((t) => t.label),
		['Storage', 'Networking and DNS', 'Database runbooks', 'Zzz'],
	);
	assert.deepEqual(
		trees[2]!.entries.map((e) => `${'  '.repeat(e.depth)}${e.title}`),
		['Postgres', '  Vacuum', 'Aaa', 'Failover'],
	);
});

test('the dev server serves attachments of the inventory by their URL, and nothing else', () => {
	const { site } = rawHtmlTree();
	const byUrl = attachmentsByUrl(site.inventory.attachments);
	const file = (p: string, base = '/') => attachmentForPath(p, base, byUrl);
	assert.equal(path.basename(file('/images/grafana-lag.png')!), 'Grafana Lag.png');
	assert.equal(path.basename(file('/ops/databases/checklist.txt', '/ops/')!), 'checklist.txt');
	assert.equal(file('/images/grafana-lag.png', '/ops/'), undefined, 'outside the base');
	for (const p of [
		'/databases/failover.md',
		'/images/%2e%2e/databases/failover.md',
		'/..%2f..%2fetc%2fpasswd',
		'/%E0%A4%A',
	])
		assert.equal(file(p), undefined, p);
});
