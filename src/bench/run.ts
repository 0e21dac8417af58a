/**
 * `npm run bench -- --pages N`: builds a generated N-page runbook corpus (default 1000, one document in ten with a
 * Mermaid flowchart) with the real build pipeline and prints where time and bytes go. Figures are also written as
 * JSON (default .opsbook/bench/results.json). Targets (issue #12) are printed next to each figure; missing one is
 * reported, never a failure: speed belongs here, not in tests.
 *
 *   npm run bench -- [--pages 1000] [--json file] [--keep] [--no-search]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { runMeasured, type RunResult } from './measure.ts';
import { pageWeight, stats } from './output-size.ts';
import { folderBytes } from '../core/site-files.ts';
import { loadFacts } from '../facts/facts.ts';
import { packageRoot } from '../core/package.ts';
import { benchExtras } from './extras.ts';

const { values } = parseArgs({
	options: {
		pages: { type: 'string', default: '1000' },
		json: { type: 'string', default: path.join(packageRoot, '.opsbook', 'bench', 'results.json') },
		keep: { type: 'boolean', default: false },
		'no-search': { type: 'boolean', default: false },
	},
});
const pages = Number(values.pages);
// The corpus is a consumer project (astro.config.ts + content/) inside this checkout, so its config imports `opsbook`
// from here by name, as an installed site would.
const work = path.join(packageRoot, '.opsbook', 'bench', `site-${pages}`);
const corpusDir = path.join(work, 'content');
const out = path.join(work, 'dist');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
fs.mkdirSync(work, { recursive: true });
fs.writeFileSync(
	path.join(work, 'astro.config.ts'),
	"import { defineConfig } from 'astro/config';\nimport { opsbook } from 'opsbook';\n\nexport default defineConfig({ integrations: [opsbook()] });\n",
);

console.log(`bench: generating ${pages} documents in ${corpusDir}`);
const facts = loadFacts(path.join(packageRoot, 'content'));
const corpus = generateCorpus(corpusDir, facts.facts, fs.readFileSync(facts.file, 'utf8'), { pages });

const build = (): Promise<RunResult> =>
	runMeasured(process.execPath, [path.join(packageRoot, 'bin', 'opsbook.js'), 'build', '--root', work], env);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// Cold: no Astro cache, no diagram cache, no previous output.
fs.rmSync(path.join(work, '.opsbook'), { recursive: true, force: true });
fs.rmSync(path.join(work, '.astro'), { recursive: true, force: true });
fs.rmSync(out, { recursive: true, force: true });
console.log('bench: cold build ...');
const cold = await build();
if (cold.status !== 0) {
	console.error(cold.output.slice(-4000));
	throw new Error('bench: the cold build failed (output above)');
}
// "N documents passed the content checks (B commands checked in M ms)": the parsers' cost (issue #18).
const commandLine = /\((\d+) commands checked in (\d+) ms\)/.exec(cold.output);
const diagramLine =
	/diagrams: (\d+) rendered, (\d+) from cache(?: \(browser start ([\d.]+) s, (\d+) ms per diagram)?/.exec(cold.output);

// Warm: the same corpus with a one-line edit in one document.
const edited = path.join(corpusDir, `${corpus.ids[1]}.mdx`);
fs.appendFileSync(edited, '\nOne more line for the warm rebuild.\n');
console.log('bench: warm rebuild after a one-line edit ...');
const warm = await build();
if (warm.status !== 0) throw new Error(`bench: the warm rebuild failed\n${warm.output.slice(-4000)}`);
const warmDiagrams = /diagrams: (\d+) rendered, (\d+) from cache/.exec(warm.output);

const docPages = corpus.ids.map((id) => path.join(out, id, 'index.html')).filter((f) => fs.existsSync(f));
const html = stats(docPages.map((f) => fs.statSync(f).size));
const plain = pageWeight(out, path.join(out, corpus.ids[1]!, 'index.html'));
const withDiagram = pageWeight(out, path.join(out, corpus.ids[0]!, 'index.html'));
const extras = await benchExtras(out, { search: !values['no-search'] });

const results = {
	date: new Date().toISOString(),
	machine: {
		cpus: os.cpus().length,
		model: os.cpus()[0]?.model ?? 'unknown',
		memoryGB: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
	},
	pages,
	diagrams: corpus.diagrams,
	coldBuild: { wallMs: Math.round(cold.wallMs), cpuMs: Math.round(cold.cpuMs), peakRssBytes: cold.peakRssBytes },
	commandChecks: commandLine ? { blocks: Number(commandLine[1]), ms: Number(commandLine[2]) } : null,
	diagramsCold: diagramLine
		? {
				rendered: Number(diagramLine[1]),
				cached: Number(diagramLine[2]),
				browserStartS: Number(diagramLine[3] ?? 0),
				msPerDiagram: Number(diagramLine[4] ?? 0),
			}
		: null,
	warmBuild: {
		wallMs: Math.round(warm.wallMs),
		cpuMs: Math.round(warm.cpuMs),
		peakRssBytes: warm.peakRssBytes,
		diagramsRendered: warmDiagrams ? Number(warmDiagrams[1]) : null,
	},
	pageHtmlBytes: html,
	pageLoads: { plain, withDiagram },
	outputBytes: folderBytes(out),
	...extras,
};

const row = (name: string, value: string, target = '', ok?: boolean) =>
	console.log(
		`| ${name.padEnd(38)} | ${value.padEnd(26)} | ${target.padEnd(12)} | ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'} |`,
	);
console.log(
	`\nOpsbook benchmark: ${pages} documents, ${corpus.diagrams} diagrams; ${results.machine.cpus} cores (${results.machine.model}), Node ${process.version}\n`,
);
console.log('| figure                                 | value                      | target       |        |');
console.log('| -------------------------------------- | -------------------------- | ------------ | ------ |');
row('cold build, wall', s(cold.wallMs), '< 30 s', cold.wallMs < 30_000);
row('cold build, CPU (user + system)', s(cold.cpuMs));
row('peak memory, whole process tree', mb(cold.peakRssBytes), '< 1.5 GB', cold.peakRssBytes < 1.5 * 1024 ** 3);
if (results.commandChecks) {
	const { blocks, ms } = results.commandChecks;
	row('command checks (parsers), cold', `${blocks} blocks in ${s(ms)} (${(ms / blocks).toFixed(2)} ms each)`);
}
if (results.diagramsCold) {
	row('diagrams rendered (cold)', `${results.diagramsCold.rendered} (${results.diagramsCold.cached} cached)`);
	row(
		'time per diagram, cold (browser up)',
		`${results.diagramsCold.msPerDiagram} ms`,
		'<= 50 ms',
		results.diagramsCold.msPerDiagram <= 50,
	);
	row('browser start', `${results.diagramsCold.browserStartS} s`);
}
row(
	'warm rebuild after one-line edit',
	`${s(warm.wallMs)} (${(warm.wallMs / cold.wallMs).toFixed(2)}x cold)`,
	'< 0.3x cold',
	warm.wallMs < 0.3 * cold.wallMs,
);
row(
	'diagrams rendered (warm)',
	String(results.warmBuild.diagramsRendered ?? 'n/a'),
	'0',
	results.warmBuild.diagramsRendered === 0,
);
row('page HTML, median / max', `${kb(html.median)} / ${kb(html.max)}`, '< 40 KB', html.max < 40 * 1024);
row('JS a page loads, raw / gzip', `${kb(plain.jsRaw)} / ${kb(plain.jsGzip)}`, '< 4 KB gz', plain.jsGzip < 4 * 1024);
row(
	'CSS a page loads, raw / gzip',
	`${kb(plain.cssRaw)} / ${kb(plain.cssGzip)}`,
	'< 10 KB gz',
	plain.cssGzip < 10 * 1024,
);
row('JS + CSS, page with a diagram, gzip', `${kb(withDiagram.jsGzip)} + ${kb(withDiagram.cssGzip)}`);
row('total output', mb(results.outputBytes));
if (extras.searchIndexBytes !== undefined) row('search index', mb(extras.searchIndexBytes));
if (extras.precacheBytes !== undefined)
	row('offline precache', mb(extras.precacheBytes), '< 30 MB', extras.precacheBytes < 30 * 1024 ** 2);
if (extras.searchColdMs !== undefined) row('first search result, cold', `${Math.round(extras.searchColdMs)} ms`);
if (extras.searchWarmMs !== undefined)
	row('first search result, warm', `${Math.round(extras.searchWarmMs)} ms`, '<= 100 ms', extras.searchWarmMs <= 100);

fs.mkdirSync(path.dirname(values.json), { recursive: true });
fs.writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
// The build logs carry a timestamp per phase: where the time went.
fs.writeFileSync(values.json.replace(/\.json$/, '.cold.log'), cold.output);
fs.writeFileSync(values.json.replace(/\.json$/, '.warm.log'), warm.output);
console.log(`\nbench: figures written to ${values.json}`);
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
