/**
 * `npm run bench`: builds a generated runbook corpus with the real build pipeline, cold and twice warm, and prints
 * where time and bytes go next to issue #21's targets (and the plain-Markdown figures of issue #17 with --format md).
 * Missing a target is reported, never a failure: speed belongs here, not in tests. Every run is kept as JSON with its
 * build logs, so figures can be compared across commits and machine load.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	buildCorpus,
	changedFactsYaml,
	editedText,
	FORMATS,
	writeCorpus,
	type CorpusDoc,
	type CorpusFormat,
} from './corpus.ts';
import type { ChildProcess } from 'node:child_process';
import { runMeasured, type RunResult } from './measure.ts';
import { pageWeight, stats, type PageWeight } from './output-size.ts';
import { PHASE_NOTES, PHASES, parseTimedLog, phaseTimes, type PhaseTimes } from './phases.ts';
import { folderBytes } from '../core/site-files.ts';
import { loadFacts } from '../facts/facts.ts';
import { packageRoot } from '../core/package.ts';
import { benchExtras, type Extras } from './extras.ts';
import { measureDevReload, type DevReload } from './dev-reload.ts';

const USAGE = `usage: npm run bench -- [--pages N] [--format md|mdx|mixed] [--json <file>] [--keep] [--no-search]

Generates a deterministic corpus of N runbook-shaped documents (front matter, sections, steps with shell commands,
a GFM table, task lists, links, fact references, a Mermaid flowchart in one document in ten, a card per hundred
documents; .mdx documents place <Contacts /> and <SeverityMatrix />) as a project under .opsbook/bench/, builds it
with \`opsbook build\` three times and prints one table against the targets of issue #21:
  cold         no caches, no previous output
  warm edit    after a one-line edit in one document
  warm fact    after one value of facts.yaml changes (a fact one document in ten uses)
Every run is kept: .opsbook/bench/runs/<UTC time>-<N>-<format>.json, with the three build logs beside it (each
line stamped with its arrival time in seconds).

  --pages N       documents to generate (default 1000; issue #21 measures 1000 and 10000)
  --format F      md, mdx or mixed (default mixed: two .md documents for one .mdx)
  --json <file>   also write the figures to this file
  --keep          keep the generated project after the run
  --no-search     skip timing search in Chromium
  --no-dev        skip timing page reloads under opsbook dev
  --help          show this text`;

const { values } = parseArgs({
	options: {
		pages: { type: 'string', default: '1000' },
		format: { type: 'string', default: 'mixed' },
		json: { type: 'string' },
		keep: { type: 'boolean', default: false },
		'no-search': { type: 'boolean', default: false },
		'no-dev': { type: 'boolean', default: false },
		help: { type: 'boolean', default: false },
	},
});
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const pages = Number(values.pages);
const format = values.format as CorpusFormat;
if (!Number.isInteger(pages) || pages < 10 || !FORMATS.includes(format)) {
	console.error(
		`${USAGE}\n\nbench: --pages takes a whole number of at least 10, --format one of ${FORMATS.join(', ')}`,
	);
	process.exit(2);
}

const load = () => os.loadavg().map((l) => Number(l.toFixed(2)));
const loadStart = load();
const startedAt = new Date();
const benchDir = path.join(packageRoot, '.opsbook', 'bench');
const runsDir = path.join(benchDir, 'runs');
// ISO 8601 basic format (20261127T130512Z): sorts by time and has no ':' for file systems that refuse it.
const stamp = startedAt
	.toISOString()
	.replace(/[-:]/g, '')
	.replace(/\.\d+Z$/, 'Z');
fs.mkdirSync(runsDir, { recursive: true });
let stem = path.join(runsDir, `${stamp}-${pages}-${format}`);
for (let n = 2; fs.existsSync(`${stem}.json`) || fs.existsSync(`${stem}.cold.log`); n++)
	stem = path.join(runsDir, `${stamp}-${pages}-${format}-${n}`);

// The corpus is a consumer project (astro.config.ts + content/) inside this checkout, so its config imports `opsbook`
// from here by name, as an installed site would.
const work = path.join(benchDir, `site-${pages}-${format}`);
const corpusDir = path.join(work, 'content');
const out = path.join(work, 'dist');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
fs.mkdirSync(work, { recursive: true });
fs.writeFileSync(
	path.join(work, 'astro.config.ts'),
	"import { defineConfig } from 'astro/config';\nimport { opsbook } from 'opsbook';\n\nexport default defineConfig({ integrations: [opsbook()] });\n",
);

console.log(`bench: load average ${loadStart.join(' ')} (1, 5, 15 min) on ${os.cpus().length} cores`);
console.log(`bench: generating ${pages} documents (${format}) in ${path.relative(packageRoot, corpusDir)}`);
const facts = loadFacts(path.join(packageRoot, 'content'));
const corpus = buildCorpus(facts.facts, fs.readFileSync(facts.file, 'utf8'), { pages, format });
writeCorpus(corpusDir, corpus);
const generated = corpus.docs.slice(0, pages);
// The document the first warm build edits: of the format most of the corpus has (.md unless it is all .mdx).
const edited = generated.find((d) => d.format === (format === 'mdx' ? 'mdx' : 'md') && !d.diagram)!;
const GB = 1024 ** 3;
/** Figures of the cold build's output, once measured. */
let site:
	| { html: { median: number; max: number }; weights: Record<string, PageWeight>; outputBytes: number }
	| undefined;
let extras: Extras = {};
let devReload: DevReload | undefined;

interface Build extends RunResult {
	phases: PhaseTimes;
	load: { start: number[]; end: number[] };
	diagrams: { rendered: number; cached: number; browserStartS?: number; msPerDiagram?: number } | null;
}
const BUILDS = ['cold', 'warm-edit', 'warm-fact'] as const;
type BuildName = (typeof BUILDS)[number];
const builds: Partial<Record<BuildName, Build>> = {};

// Ctrl-C (or a SIGTERM to this process) stops the build under way, which cleans up after itself, and still prints
// and keeps what the finished builds measured: on a busy machine a run may have to be cut short.
let current: ChildProcess | undefined;
let stopped: string | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		stopped ??= `${signal} during ${current ? 'a build' : 'the measurements'}`;
		if (current?.exitCode === null) current.kill('SIGTERM');
		else finish(130);
	});
}

async function build(name: BuildName): Promise<Build | undefined> {
	console.log(`bench: ${name} build ...`);
	const start = load();
	const run = await runMeasured(
		process.execPath,
		[path.join(packageRoot, 'bin', 'opsbook.js'), 'build', '--root', work],
		env,
		(child) => (current = child),
	);
	current = undefined;
	// Written at once: a failed or stopped run still leaves its logs.
	fs.writeFileSync(`${stem}.${name}.log`, run.timedOutput);
	if (stopped) {
		stopped = `${stopped.split(' during')[0]} during the ${name} build`;
		return undefined;
	}
	if (run.status !== 0) {
		console.error(run.output.slice(-4000));
		throw new Error(`bench: the ${name} build failed (output above; log: ${stem}.${name}.log)`);
	}
	const d = /diagrams: (\d+) rendered, (\d+) from cache(?: \(browser start ([\d.]+) s, (\d+) ms per diagram)?/.exec(
		run.output,
	);
	const result: Build = {
		...run,
		phases: phaseTimes(parseTimedLog(run.timedOutput), run.wallMs),
		load: { start, end: load() },
		diagrams: d
			? {
					rendered: Number(d[1]),
					cached: Number(d[2]),
					...(d[3] ? { browserStartS: Number(d[3]), msPerDiagram: Number(d[4]) } : {}),
				}
			: null,
	};
	builds[name] = result;
	return result;
}

// Cold: no Astro cache, no diagram cache, no previous output.
for (const dir of ['.opsbook', '.astro', 'dist']) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
const cold = await build('cold');
if (!cold) finish(130);

// Bytes and search, measured on the cold build's output (the warm builds change one sentence and one value): every
// document page, and what each kind of page loads up front.
const pageFile = (id: string) => path.join(out, id, 'index.html');
const docPages = corpus.docs.map((d) => pageFile(d.id)).filter((f) => fs.existsSync(f));
const html = stats(docPages.map((f) => fs.statSync(f).size));
const pick = (label: string, doc: CorpusDoc | undefined) =>
	doc ? ([[`${label} (${doc.format}, ${doc.id})`, pageFile(doc.id)]] as const) : [];
// Each document kind alone where the corpus has one (a diagram without a task list), so the table shows what adds JS.
const alone = (want: (d: CorpusDoc) => boolean, ...without: Array<(d: CorpusDoc) => boolean>) =>
	generated.find((d) => want(d) && !without.some((w) => w(d))) ?? generated.find(want);
const [diagram, taskList, components] = [
	(d: CorpusDoc) => d.diagram,
	(d: CorpusDoc) => d.taskList,
	(d: CorpusDoc) => d.components.length > 0,
];
const samples: Array<readonly [string, string]> = [
	...pick(
		'plain document',
		alone((d) => !diagram(d) && !taskList(d), components),
	),
	...pick('document with components', alone(components, diagram, taskList)),
	...pick('document with a diagram', alone(diagram, taskList, components)),
	...pick('document with a task list', alone(taskList, diagram, components)),
	['home', path.join(out, 'index.html')],
	['search page', path.join(out, 'search', 'index.html')],
	...(corpus.cards[0] ? [['card', path.join(out, 'cards', corpus.cards[0], 'index.html')] as const] : []),
];
const weights: Record<string, PageWeight> = {};
for (const [label, file] of samples) if (fs.existsSync(file)) weights[label] = pageWeight(out, file);
site = { html, weights, outputBytes: folderBytes(out) };
extras = await benchExtras(out, { search: !values['no-search'] });

// Warm 1: one line added to one document.
if (!stopped) {
	const editedFile = path.join(corpusDir, edited.file);
	fs.writeFileSync(editedFile, editedText(fs.readFileSync(editedFile, 'utf8')));
	await build('warm-edit');
}
// Warm 2: one value of facts.yaml changed; the documents that use it are listed in the JSON.
if (!stopped) {
	const factsFile = path.join(corpusDir, 'facts.yaml');
	fs.writeFileSync(factsFile, changedFactsYaml(fs.readFileSync(factsFile, 'utf8'), corpus));
	await build('warm-fact');
}
// Authoring: a document saved under `opsbook dev`, to its new line on the page.
if (!stopped && !values['no-dev']) {
	console.log('bench: opsbook dev, page reload after a save ...');
	try {
		devReload = await measureDevReload(work, path.join(corpusDir, edited.file), edited.id);
	} catch (error) {
		console.error(`bench: the dev reload could not be measured: ${(error as Error).message.slice(0, 2000)}`);
	}
}
finish(stopped ? 130 : 0);

/** Prints the table of what was measured, keeps the JSON, and exits. */
function finish(code: number): never {
	const loadEnd = load();
	const results = report(loadEnd);
	// Kept, never overwritten: the stem is new for every run.
	const json = `${JSON.stringify(results, null, 2)}\n`;
	fs.writeFileSync(`${stem}.json`, json, { flag: 'wx' });
	console.log(`\nbench: figures written to ${path.relative(packageRoot, stem)}.json (logs beside it)`);
	if (values.json) {
		fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
		fs.writeFileSync(values.json, json);
		console.log(`bench: and to ${values.json}`);
	}
	if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
	process.exit(code);
}

function report(loadEnd: number[]) {
	const cold = builds.cold;
	const warmEdit = builds['warm-edit'];
	const warmFact = builds['warm-fact'];
	const ran = BUILDS.flatMap((name) => (builds[name] ? [builds[name]] : []));

	// Targets: issue #21 "Done when". Its cold target is for 1000 documents; above that, growth must stay linear (at
	// most 11x the 1000-document time at 10,000), measured against the newest kept 1000-document run of the format.
	const reference = pages > 1000 ? newestRun(1000, format) : undefined;
	const coldTarget =
		pages <= 1000
			? { ms: 25_000, text: '≤ 25 s' }
			: reference
				? {
						ms: ((reference.ms * pages) / 1000) * 1.1,
						text: `≤ ${((1.1 * pages) / 1000).toFixed(0)}× 1000-doc run (${s(reference.ms)})`,
					}
				: { ms: 25_000 * 1.1 * (pages / 1000), text: `≤ ${s(25_000 * 1.1 * (pages / 1000))}` };
	const rssTarget = pages <= 1000 ? 1.5 * GB : 3 * GB;
	const peakRss = Math.max(0, ...ran.map((b) => b.peakRssBytes));

	interface Row {
		figure: string;
		value: string;
		target: string;
		ok?: boolean;
	}
	const table: Row[] = [];
	const row = (figure: string, value: string, target = '', ok?: boolean) =>
		table.push({ figure, value, target, ...(ok === undefined ? {} : { ok }) });
	const three = (f: (b: Build) => string) => BUILDS.map((n) => (builds[n] ? f(builds[n]) : 'not run')).join(' / ');
	const warm = (b: Build | undefined, label: string, factor: number) =>
		b && cold
			? row(
					label,
					`${s(b.wallMs)} (${(b.wallMs / cold.wallMs).toFixed(2)}× cold)`,
					`≤ ${factor}× cold`,
					b.wallMs <= factor * cold.wallMs,
				)
			: row(label, 'not run', `≤ ${factor}× cold`);

	if (cold) {
		row('cold build, wall', s(cold.wallMs), coldTarget.text, cold.wallMs <= coldTarget.ms);
		row('cold build, CPU (user + system)', s(cold.cpuMs));
	} else row('cold build, wall', 'not run', coldTarget.text);
	warm(warmEdit, 'warm after one-line edit, wall', 0.2);
	warm(warmFact, 'warm after fact change, wall', 0.5);
	row('CPU, warm edit / warm fact', [warmEdit, warmFact].map((b) => (b ? s(b.cpuMs) : 'not run')).join(' / '));
	if (ran.length) {
		row(
			'peak tree RSS, cold / edit / fact',
			three((b) => gb(b.peakRssBytes)),
			`≤ ${gb(rssTarget)}`,
			peakRss <= rssTarget,
		);
		// PSS counts each shared page once (src/bench/measure.ts): what the build takes from the machine.
		const peakPss = Math.max(0, ...ran.map((b) => b.peakPss.pssBytes));
		row(
			'peak tree PSS, cold / edit / fact',
			three((b) => gb(b.peakPss.pssBytes)),
			`≤ ${gb(rssTarget)}`,
			peakPss <= rssTarget,
		);
		if (cold) {
			const programs = Object.entries(cold.peakPss.byProgram).filter(([, bytes]) => bytes >= 20 * 1024 ** 2);
			row('  cold PSS peak, by program', programs.map(([name, bytes]) => `${name} ${gb(bytes)}`).join(', '));
		}
		for (const phase of PHASES)
			row(
				`phase: ${phase}`,
				three((b) => (b.phases[phase] === null ? '–' : s(b.phases[phase]!))),
			);
	}
	// "N documents passed the content checks in S s (B commands checked in M ms)": the parsers' cost (issue #18).
	const commandLine = cold && /\((\d+) commands checked in (\d+) ms[;)]/.exec(cold.output);
	if (commandLine) {
		const [blocks, ms] = [Number(commandLine[1]), Number(commandLine[2])];
		row('command checks (parsers), cold', `${blocks} blocks in ${s(ms)} (${(ms / blocks).toFixed(2)} ms each)`);
	}
	if (ran.length) {
		const warmRuns = [warmEdit, warmFact].filter((b) => b !== undefined);
		row(
			'diagrams rendered, cold / edit / fact',
			three((b) => String(b.diagrams?.rendered ?? '–')),
			'warm: 0',
			warmRuns.length ? warmRuns.every((b) => b.diagrams?.rendered === 0) : undefined,
		);
	}
	if (cold?.diagrams?.msPerDiagram !== undefined)
		row(
			'time per diagram, cold (browser up)',
			`${cold.diagrams.msPerDiagram} ms (browser start ${cold.diagrams.browserStartS} s)`,
			'≤ 50 ms (#12)',
			cold.diagrams.msPerDiagram <= 50,
		);
	if (site) {
		const { html, weights, outputBytes } = site;
		row('page HTML, median / max', `${kb(html.median)} / ${kb(html.max)}`, 'max < 40 KB (#12)', html.max < 40 * 1024);
		for (const [label, w] of Object.entries(weights))
			row(`JS + CSS gzip: ${label}`, `${kb(w.jsGzip)} + ${kb(w.cssGzip)}`);
		const heaviest = (key: 'jsGzip' | 'cssGzip') =>
			Object.entries(weights).reduce<[string, number]>((a, [l, w]) => (w[key] > a[1] ? [l, w[key]] : a), ['', 0]);
		const [jsMaxPage, jsMax] = heaviest('jsGzip');
		const [cssMaxPage, cssMax] = heaviest('cssGzip');
		row(
			'JS per page, gzip, max of the above',
			`${kb(jsMax)} (${jsMaxPage.split(' (')[0]})`,
			'≤ 4 KB',
			jsMax <= 4 * 1024,
		);
		row(
			'CSS per page, gzip, max of the above',
			`${kb(cssMax)} (${cssMaxPage.split(' (')[0]})`,
			'< 10 KB (#12)',
			cssMax < 10 * 1024,
		);
		row('total output', mb(outputBytes));
	}
	if (extras.searchIndexBytes !== undefined) row('search index', mb(extras.searchIndexBytes));
	if (extras.precacheBytes !== undefined)
		row(
			'offline precache',
			`${mb(extras.precacheBytes)}, ${extras.precacheFiles} files`,
			'≤ 30 MB',
			extras.precacheBytes <= 30 * 1024 ** 2,
		);
	if (devReload) {
		const sorted = [...devReload.reloadsMs].sort((a, b) => a - b);
		const median = sorted[Math.floor(sorted.length / 2)]!;
		row(
			'opsbook dev: save to page updated, median (runs)',
			`${ms(median)} (${devReload.reloadsMs.map(ms).join(', ')})`,
			'≤ 1 s (#20)',
			median <= 1000,
		);
		row('opsbook dev: start to first page', s(devReload.startMs));
	}
	if (extras.searchColdMs !== undefined)
		row('search, first result, cold', ms(extras.searchColdMs), '≤ 300 ms', extras.searchColdMs <= 300);
	if (extras.searchColdNoWorkerMs !== undefined)
		row('  the same, no service worker precaching meanwhile', ms(extras.searchColdNoWorkerMs));
	if (extras.searchWarmMs !== undefined)
		row('search, first result, warm', ms(extras.searchWarmMs), '≤ 100 ms', extras.searchWarmMs <= 100);

	const changedFact = {
		key: corpus.changedFact.path.join('.'),
		from: corpus.changedFact.value,
		to: corpus.changedFact.value + 1,
		usedBy: corpus.docs.filter((d) => d.usesChangedFact).length,
	};
	const results = {
		date: startedAt.toISOString(),
		pages,
		format,
		...(stopped ? { stopped } : {}),
		machine: {
			cpus: os.cpus().length,
			model: os.cpus()[0]?.model ?? 'unknown',
			memoryGB: Math.round(os.totalmem() / GB),
			node: process.version,
		},
		// Other work on the machine moves every figure: the load average when the run started and ended.
		load: { start: loadStart, end: loadEnd },
		corpus: {
			documents: corpus.docs.length,
			md: corpus.counts.md,
			mdx: corpus.counts.mdx,
			diagrams: corpus.diagrams,
			taskLists: corpus.docs.filter((d) => d.taskList).length,
			cards: corpus.cards.length,
			editedDocument: edited.file,
			changedFact,
		},
		builds: Object.fromEntries(
			BUILDS.flatMap((name) => {
				const b = builds[name];
				if (!b) return [];
				const phasesMs = Object.fromEntries(
					PHASES.map((p) => [p, b.phases[p] === null ? null : Math.round(b.phases[p]!)]),
				);
				return [
					[
						name,
						{
							wallMs: Math.round(b.wallMs),
							cpuMs: Math.round(b.cpuMs),
							peakRssBytes: b.peakRssBytes,
							peakPss: b.peakPss,
							load: b.load,
							diagrams: b.diagrams,
							phasesMs,
							log: path.relative(packageRoot, `${stem}.${name}.log`),
						},
					],
				];
			}),
		),
		phaseNotes: PHASE_NOTES,
		commandChecks: commandLine ? { blocks: Number(commandLine[1]), ms: Number(commandLine[2]) } : null,
		...(site ? { pageHtmlBytes: site.html, pageLoads: site.weights, outputBytes: site.outputBytes } : {}),
		...extras,
		...(devReload ? { devReload } : {}),
		table,
	};

	const width = (key: 'figure' | 'value' | 'target') => Math.max(key.length, ...table.map((r) => r[key].length));
	const [wf, wv, wt] = [width('figure'), width('value'), width('target')];
	const line = (f: string, v: string, t: string, o: string) =>
		`| ${f.padEnd(wf)} | ${v.padEnd(wv)} | ${t.padEnd(wt)} | ${o.padEnd(6)} |`;
	const { md, mdx } = corpus.counts;
	const { machine } = results;
	console.log(
		[
			'',
			`Opsbook benchmark, ${results.date}: ${pages} documents + alert entries (${format}: ${md} .md, ${mdx} .mdx), ` +
				`${corpus.diagrams} diagrams, ${corpus.cards.length} cards`,
			`${machine.cpus} cores (${machine.model}), ${machine.memoryGB} GB, Node ${process.version}; ` +
				`load average (1, 5, 15 min) ${loadStart.join(' ')} at start, ${loadEnd.join(' ')} at end`,
			`warm edit: one line added to ${edited.file}; ` +
				`warm fact: ${changedFact.key} ${changedFact.from} → ${changedFact.to} (used by ${changedFact.usedBy} documents)`,
			...(stopped ? [`STOPPED (${stopped}): the builds after it did not run`] : []),
			'',
			line('figure', 'value', 'target', ''),
			line('-'.repeat(wf), '-'.repeat(wv), '-'.repeat(wt), '------'),
			...table.map((r) => line(r.figure, r.value, r.target, r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED')),
			'',
			'phases (cold / warm edit / warm fact), from the build logs:',
			...PHASES.map((p) => `  ${p}: ${PHASE_NOTES[p]}`),
		].join('\n'),
	);
	return results;
}

/** The newest kept run of `pages` documents in `format`: its cold wall time. */
function newestRun(runPages: number, runFormat: CorpusFormat): { ms: number; file: string } | undefined {
	const suffix = `-${runPages}-${runFormat}.json`;
	const kept = fs
		.readdirSync(runsDir)
		.filter((f) => f.endsWith(suffix))
		.sort();
	for (const file of kept.reverse()) {
		try {
			const run = JSON.parse(fs.readFileSync(path.join(runsDir, file), 'utf8')) as {
				builds?: { cold?: { wallMs?: number } };
			};
			const ms = run.builds?.cold?.wallMs;
			if (typeof ms === 'number') return { ms, file };
		} catch {
			// A run cut short mid-write: try the one before.
		}
	}
	return undefined;
}

function s(value: number): string {
	return `${(value / 1000).toFixed(1)} s`;
}
function ms(value: number): string {
	return `${Math.round(value)} ms`;
}
function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}
function mb(bytes: number): string {
	return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
function gb(bytes: number): string {
	return `${(bytes / GB).toFixed(2)} GB`;
}
