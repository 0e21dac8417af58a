/** Bring your own runbooks (issue #17): URL ids, link resolution, rule files and runbook_url edits, coverage. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentId, idCollisions, urlSegment } from '../../src/core/sources.ts';
import { loadSiteDocuments } from '../../src/core/site-documents.ts';
import { resolveKinds } from '../../src/core/kinds.ts';
import { buildLinkIndex, resolveLink } from '../../src/byo/links.ts';
import { findForeignSyntax } from '../../src/byo/remark-byo.ts';
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
