/** The benchmark's pure parts (issue #21): the generated corpus and the phase times read from a build log. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { buildCorpus, CHANGED_FACT, changedFactsYaml, FORMATS } from '../../src/bench/corpus.ts';
import { PHASES, parseTimedLog, phaseTimes } from '../../src/bench/phases.ts';
import { runMeasured, timedLine } from '../../src/bench/measure.ts';
import { loadFacts } from '../../src/facts/facts.ts';

const loaded = loadFacts(path.resolve('content'));
const factsYaml = fs.readFileSync(loaded.file, 'utf8');
const corpus = (format: (typeof FORMATS)[number], pages = 120) =>
	buildCorpus(loaded.facts, factsYaml, { pages, format });

for (const format of FORMATS) {
	test(`the ${format} corpus is the same on every run`, () => {
		const a = corpus(format);
		const b = corpus(format);
		assert.deepEqual([...a.files], [...b.files]);
		assert.deepEqual(a.docs, b.docs);
	});
}

test('each format has the requested mix of .md and .mdx', () => {
	const generated = (format: (typeof FORMATS)[number]) => corpus(format, 300).docs.slice(0, 300);
	assert.ok(generated('md').every((d) => d.format === 'md' && d.file.endsWith('.md')));
	assert.ok(generated('mdx').every((d) => d.format === 'mdx' && d.file.endsWith('.mdx')));
	const mixed = generated('mixed');
	assert.equal(mixed.filter((d) => d.format === 'md').length, 200);
	assert.equal(mixed.filter((d) => d.format === 'mdx').length, 100);
	// Diagrams, task lists and the changed fact fall in both formats, so neither path goes unmeasured.
	for (const format of ['md', 'mdx'] as const) {
		const docs = mixed.filter((d) => d.format === format);
		assert.ok(docs.some((d) => d.diagram) && docs.some((d) => d.taskList) && docs.some((d) => d.usesChangedFact));
	}
	// A page with a diagram and no checklist exists, so the JS a diagram page loads is measured on its own.
	assert.ok(mixed.some((d) => d.diagram && !d.taskList));
	assert.equal(mixed.filter((d) => d.taskList).length, 225);
});

test('documents have the runbook shape, and only .mdx places components', () => {
	const c = corpus('mixed', 300);
	assert.equal(c.diagrams, 30);
	assert.equal(c.docs.filter((d) => d.diagram).length, 30);
	for (const doc of c.docs.slice(0, 300)) {
		const text = c.files.get(doc.file)!;
		assert.match(text, /^---\ntitle: .+\n[\s\S]*\nkind: \w+\n[\s\S]*\n---\n/);
		assert.match(text, /\n## /);
		assert.match(text, /```bash\n/);
		assert.match(text, /\| --- \| --- \| --- \|/);
		assert.match(text, /\{facts\.limits\.\w+\}/);
		assert.match(text, /\]\(\/[a-z]+\/generated-\d+\/\)/);
		assert.equal(/- \[ \] /.test(text), doc.taskList, doc.file);
		assert.equal(text.includes('```mermaid'), doc.diagram, doc.file);
		assert.equal(text.includes(`{facts.${CHANGED_FACT.join('.')}}`), doc.usesChangedFact, doc.file);
		assert.equal(/<(Contacts|SeverityMatrix)\b/.test(text), doc.format === 'mdx', doc.file);
	}
	assert.ok(c.docs.some((d) => d.components.includes('SeverityMatrix')));
	assert.equal(c.cards.length, 3);
	for (const card of c.cards)
		assert.match(c.files.get(`cards/${card}.mdx`)!, /\nsummarises: runbooks\/generated-\d+\n/);
});

test('the fact change edits one value and nothing else', () => {
	const c = corpus('md');
	const before = c.files.get('facts.yaml')!;
	const after = changedFactsYaml(before, c);
	assert.equal(parseDocument(after).getIn([...CHANGED_FACT]), c.changedFact.value + 1);
	const differing = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
	assert.equal(differing.length, 1);
	assert.equal(c.docs.filter((d) => d.usesChangedFact).length, 12);
});

/** A cold build's log as measure.ts keeps it, trimmed to the lines that mark phases. */
const SAMPLE = [
	[0.61, '13:00:42 [build] Waiting for integration "opsbook", hook "astro:config:setup"...'],
	[
		9.2,
		'13:00:49 [opsbook:content-check] 61 documents passed the content checks in 6.1 s (1202 commands checked in 5788 ms)',
	],
	[18.45, '13:00:58 [opsbook:diagrams] diagrams: 6 rendered, 0 from cache (browser start 6.8 s, 197 ms per diagram)'],
	[21.0, '13:01:01 [content] Syncing content'],
	[22.5, '13:01:02 [content] Synced content'],
	[22.9, '13:01:02 [build] ✓ Completed in 31.00s.'],
	[23.0, '13:01:02 [build] Building static entrypoints...'],
	[41.8, '13:01:20 [vite] ✓ built in 18.78s'],
	[42.3, ' generating static routes '],
	[42.4, '13:01:21   ├─ /404.html (+114ms) '],
	[45.5, '13:01:24 ✓ Completed in 3.23s.'],
	[45.6, '13:01:24 [build] ✓ Completed in 22.62s.'],
	[46.1, '13:01:24 [opsbook:link-check] 99 pages: every internal link and anchor resolves'],
	[47.8, '13:01:26 [opsbook:search-index] search index: 61 pages, 388 KB, in 1618 ms'],
	[48.0, '13:01:26 [opsbook:cards] card PDFs: printing 3 cards'],
	[52.0, '13:01:30 [opsbook:cards] card PDFs: 6 PDFs (3 cards × 2 sizes, 2 sheets) in cards/pdf/ (4.0 s)'],
	[57.0, '13:01:34 [opsbook:offline] offline: precache 197 files, 2.1 MB'],
	[57.1, '13:01:34 [opsbook:coverage] 61 documents, 61 complete for the strict profile (profile: default)'],
	[57.2, '13:01:34 [build] Complete!'],
	[57.9, ''],
	[57.9, 'Site built in .opsbook/bench/site-60/dist/ (56.4 s). Preview it with: opsbook preview'],
] as const;

test('phase times come from the lines that end each step, and add up to the wall time', () => {
	const log = SAMPLE.map(([s, text]) => timedLine(s * 1000, text)).join('\n');
	const times = phaseTimes(parseTimedLog(log), 58_000);
	const expected = {
		'cli start': 1500,
		'astro start': 1600,
		'content check': 6100,
		diagrams: 9250,
		'content sync': 1500,
		bundle: 19_300,
		render: 3200,
		'link check': 500,
		'search index': 1700,
		'card PDFs': 4200,
		offline: 5000,
		write: 700,
	};
	for (const [phase, ms] of Object.entries(expected))
		assert.ok(
			Math.abs(times[phase as keyof typeof times]! - ms) < 1,
			`${phase}: ${times[phase as keyof typeof times]}`,
		);
	const sum = PHASES.reduce((total, p) => total + (times[p] ?? 0), 0);
	assert.ok(Math.abs(sum - 58_000) < 1);
});

test('a step missing from the log has no time, and the next step starts where the last one logged ended', () => {
	const log = SAMPLE.filter(([, text]) => !text.includes('opsbook:search-index'))
		.map(([s, text]) => timedLine(s * 1000, text))
		.join('\n');
	const times = phaseTimes(parseTimedLog(log));
	assert.equal(times['search index'], null);
	assert.ok(Math.abs(times['card PDFs']! - 5900) < 1);
});

test('a plain Astro log is read at the whole seconds it stamps', () => {
	const lines = parseTimedLog(SAMPLE.map(([, text]) => text).join('\n'));
	assert.equal(lines[0]!.ms, 0);
	assert.equal(lines.find((l) => l.text.includes('Synced content'))!.ms, 20_000);
	// Unstamped lines take the time of the line before.
	assert.equal(lines.find((l) => l.text.startsWith('Site built'))!.ms, 52_000);
	const times = phaseTimes(lines);
	assert.equal(times.diagrams, 9000);
	assert.equal(times.render, 4000);
});

test('page generation past a minute ("1m 53s", at 10,000 documents) still ends the render phase', () => {
	const log = SAMPLE.map(([s, text]) =>
		timedLine(s * 1000, text === '13:01:24 ✓ Completed in 3.23s.' ? '13:01:24 ✓ Completed in 1m 53s.' : text),
	).join('\n');
	const times = phaseTimes(parseTimedLog(log), 58_000);
	assert.ok(Math.abs(times.render! - 3200) < 1, `render: ${times.render}`);
	assert.ok(Math.abs(times['search index']! - 1700) < 1, `search index: ${times['search index']}`);
});

test('a measured run reports the memory of its process tree, as RSS and as PSS by program', async () => {
	// A child that holds 64 MB for a moment, and starts a grandchild: both are in the tree.
	const script =
		"const b = Buffer.alloc(64 * 1024 * 1024, 1); require('node:child_process').spawnSync(process.execPath, " +
		"['-e', 'setTimeout(() => {}, 1200)']); console.log(b[0]);";
	const run = await runMeasured(process.execPath, ['-e', script], process.env);
	assert.equal(run.status, 0);
	assert.match(run.output, /^1$/m);
	assert.ok(run.peakRssBytes > 64 * 1024 ** 2, `RSS ${run.peakRssBytes}`);
	assert.ok(run.peakPss.pssBytes > 64 * 1024 ** 2, `PSS ${run.peakPss.pssBytes}`);
	assert.ok(run.peakPss.pssBytes <= run.peakRssBytes, 'PSS never exceeds the RSS sum');
	const node = Object.entries(run.peakPss.byProgram).filter(([name]) => name === 'node');
	assert.equal(node.length, 1, `programs: ${Object.keys(run.peakPss.byProgram).join(', ')}`);
});
