import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { remarkDiagrams } from '../../src/diagrams/remark-diagrams.ts';
import { remarkFacts } from '../../src/facts/remark-facts.ts';
import { readSourceFile } from '../../src/core/content-files.ts';
import { writeCachedDiagram } from '../../src/diagrams/cache.ts';
import { RENDER_TOKEN } from '../../src/diagrams/renderer.ts';
import { scanDiagrams } from '../../src/diagrams/scan.ts';
import { DIAGRAM_THEMES, diagramKey } from '../../src/diagrams/source.ts';
import { loadFacts } from '../../src/facts/facts.ts';

const dir = path.resolve('tests/fixtures/diagrams/content');
const { facts } = loadFacts(dir);
const parts = { mermaidVersion: 'test', rendererVersion: 'test' };

test('the scan finds every diagram with its line and resolves facts as the page does', () => {
	const { requests, problems } = scanDiagrams(dir, facts);
	assert.deepEqual(problems, []);
	assert.deepEqual(
		requests.map((r) => [r.docId, r.line, r.contentLine]),
		[
			['procedures/paging', 18, 19],
			['procedures/paging', 27, 28],
			['runbooks/triage', 16, 17],
		],
	);
	assert.match(requests[2]!.source, /A\["Alert fires for Fixture API"\]/);
	assert.match(
		requests[0]!.source,
		/^flowchart LR\n {2}H\["Probe api\.staging\.fixture\.example\.com"\]/,
		'env values take the default environment; list indentation is gone',
	);
	assert.match(requests[0]!.source, /over 25 MB/);
});

test('an unknown fact inside a diagram is reported at its file line', () => {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-diagrams-scan-'));
	fs.cpSync(dir, copy, { recursive: true });
	const file = path.join(copy, 'runbooks/triage.mdx');
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{facts.service.name}', '{facts.service.nam}'));
	const { problems } = scanDiagrams(copy, facts);
	assert.equal(problems.length, 1);
	assert.equal(problems[0]!.line, 20);
	assert.match(problems[0]!.message, /unknown fact "facts\.service\.nam"; did you mean "facts\.service\.name"/);
});

test('the remark plugin finds, under the same keys, exactly what the scan pre-rendered', async () => {
	const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-diagrams-cache-'));
	const { requests } = scanDiagrams(dir, facts);
	for (const r of requests) {
		for (const theme of DIAGRAM_THEMES) {
			const model = {
				type: 'flowchart-v2',
				accTitle: `Title of ${r.docId}:${r.line}`,
				nodes: [{ id: 'D', label: 'Page', link: '/procedures/escalate/#contacts' }],
				edges: [],
			};
			// Colours differ between themes (one SVG on the page), except in the paging page's second diagram, whose
			// dark rendering is wider (two SVGs).
			const width = theme === 'dark' && r.line === 27 ? 101 : 100;
			const svg = `<svg width="${width}" id="${RENDER_TOKEN}"><style>#${RENDER_TOKEN}{fill:${theme === 'light' ? '#333' : '#ccc'};}</style><a href="/procedures/escalate/#contacts"><g id="${RENDER_TOKEN}-node"/></a></svg>`;
			writeCachedDiagram(cacheDir, { key: diagramKey(r.source, theme, parts), theme, svg, model, ms: 0 });
		}
	}
	// A cache miss would launch a browser: make that impossible, so a key mismatch fails here instead.
	const saved = process.env.OPSBOOK_CHROMIUM;
	process.env.OPSBOOK_CHROMIUM = '/nonexistent/chromium';
	try {
		const compileDoc = async (id: string) => {
			const source = readSourceFile(dir, path.join(dir, `${id}.mdx`));
			const file = new VFile({ path: source.file, value: source.body });
			return String(
				await compile(file, {
					remarkPlugins: [
						[remarkFacts, { facts: () => facts }],
						[remarkDiagrams, { cacheDir, parts, base: '/ops/' }],
					],
				}),
			);
		};
		const triage = await compileDoc('runbooks/triage');
		assert.match(triage, /Title of runbooks\/triage:16/);
		assert.match(
			triage,
			/"set:html": "<svg width=\\"100\\" id=\\"diagram-[0-9a-f]{6}-1-svg\\"><style>#diagram-[0-9a-f]{6}-1-svg\{fill:light-dark\(#333, #ccc\);\}<\/style><a href=\\"\/ops\/procedures\/escalate\/#contacts\\"><g id=\\"diagram-[0-9a-f]{6}-1-svg-node\\"/,
		);
		assert.doesNotMatch(triage, /-1-(?:light|dark)\b/);
		assert.doesNotMatch(triage, /language-mermaid/);
		const paging = await compileDoc('procedures/paging');
		const ids = [...paging.matchAll(/<svg width=\\"\d+\\" id=\\"(diagram-[0-9a-f]{6}-\d-(?:svg|light|dark))\\">/g)].map(
			(m) => m[1],
		);
		assert.equal(ids.length, 3);
		assert.equal(new Set(ids).size, 3);
		assert.match(ids.join(' '), /-1-svg .*-2-light .*-2-dark/);
	} finally {
		if (saved === undefined) delete process.env.OPSBOOK_CHROMIUM;
		else process.env.OPSBOOK_CHROMIUM = saved;
		fs.rmSync(cacheDir, { recursive: true, force: true });
	}
});
