/**
 * `npm run bench:diagrams`: time per diagram for 100 generated flowcharts, cold (empty cache: rendered in the browser,
 * light and dark) and warm (every rendering cached: what a rebuild with unchanged diagrams pays, plus the remark
 * plugin's cache reads). Uses the build's own modules and a throw-away cache folder. Targets (issue #6): at most
 * 50 ms per diagram cold once the browser is up, near zero warm.
 *
 *   node src/bench/diagrams.ts [count]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCachedDiagram } from '../diagrams/cache.ts';
import { prerenderDiagrams } from '../diagrams/prerender.ts';
import { keyParts, openRenderer } from '../diagrams/renderer.ts';
import { DIAGRAM_THEMES, diagramKey, normaliseDiagramSource } from '../diagrams/source.ts';

const count = Number(process.argv[2] ?? 100);

/** A decision flowchart shaped like the runbooks' ones: 9 nodes, labelled branches, a click link. */
function flowchart(i: number): string {
	return normaliseDiagramSource(
		[
			'flowchart TD',
			`  accTitle: Generated decision ${i}`,
			`  accDescr: Benchmark flowchart number ${i}.`,
			`  A["Alert ${i} fires"] --> B{"Error rate above ${i % 10}%?"}`,
			'  B -- yes --> C["Roll back the release"]',
			`  B -- no --> D{"Latency p99 above ${(i % 5) + 1} s?"}`,
			'  D -- yes --> E["Scale out the API"]',
			'  D -- no --> F["Check the scanner queue"]',
			'  C --> G["Verify and record"]',
			'  E --> G',
			'  F --> H{"Backlog growing?"}',
			'  H -- yes --> I["Page the incident commander"]',
			'  H -- no --> G',
			'  click C "/runbooks/rollback/#steps"',
			'  click I "#escalation"',
		].join('\n'),
	);
}

/**
 * CPU time (ms) used so far by this process's descendants (the browser): on a busy machine wall time mostly measures
 * the other load, CPU time what rendering costs. Linux only (/proc); elsewhere undefined.
 */
function childCpuMs(): number | undefined {
	if (process.platform !== 'linux') return undefined;
	const tick = 10; // USER_HZ is 100 on Linux: one clock tick is 10 ms.
	const parents = new Map<number, number>();
	const cpu = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the command (which may contain spaces) start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parents.set(Number(entry), Number(fields[1]));
			cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * tick);
		} catch {
			// The process ended while we looked.
		}
	}
	const isDescendant = (pid: number): boolean => {
		for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
		return false;
	};
	let total = 0;
	for (const [pid, ms] of cpu) if (isDescendant(pid)) total += ms;
	return total;
}

const requests = Array.from({ length: count }, (_, i) => ({
	source: flowchart(i),
	file: `bench/diagram-${i}.mdx`,
	line: 1,
	contentLine: 2,
}));
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-bench-diagrams-'));
const parts = keyParts();
const ms = (n: number) => `${n.toFixed(1)} ms`;

try {
	console.log(
		`${count} flowcharts, Mermaid ${parts.mermaidVersion}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
	);

	// The renderer is opened here (not inside prerenderDiagrams) to read the browser's CPU time around rendering only.
	const startCpu = childCpuMs();
	const opened = performance.now();
	const renderer = await openRenderer();
	const openMs = performance.now() - opened;
	const renderCpu = childCpuMs();
	let cold: Awaited<ReturnType<typeof prerenderDiagrams>>;
	let endCpu: number | undefined;
	try {
		cold = await prerenderDiagrams(requests, { cacheDir, parts, renderer: () => Promise.resolve(renderer) });
		endCpu = childCpuMs();
	} finally {
		await renderer.close();
	}
	console.log(
		`cold: browser start + Mermaid load ${ms(openMs)}${startCpu !== undefined ? ` (${ms(renderCpu! - startCpu)} CPU)` : ''}; ${cold.rendered} rendered in ${ms(cold.renderMs)}`,
	);
	console.log(
		`cold: ${ms(cold.renderMs / count)} per diagram wall time (light and dark rendered in parallel on two pages)`,
	);
	if (renderCpu !== undefined && endCpu !== undefined) {
		const cpu = endCpu - renderCpu;
		// With the two variants on two pages, an otherwise idle 2-core machine needs about the per-variant CPU time per diagram.
		console.log(
			`cold: ${ms(cpu / count)} browser CPU per diagram, ${ms(cpu / count / DIAGRAM_THEMES.length)} per variant (about the wall time per diagram on an idle 2-core machine)`,
		);
	}

	const started = performance.now();
	const warm = await prerenderDiagrams(requests, { cacheDir, parts });
	const checkMs = performance.now() - started;
	const readStarted = performance.now();
	for (const r of requests)
		for (const theme of DIAGRAM_THEMES)
			if (!readCachedDiagram(cacheDir, diagramKey(r.source, theme, parts))) throw new Error('cache miss on a warm run');
	const readMs = performance.now() - readStarted;
	console.log(
		`warm: ${warm.rendered} rendered, ${warm.cached} from cache; cache check ${ms(checkMs / count)} per diagram, page lookup (both variants read) ${ms(readMs / count)} per diagram`,
	);
	console.log(`target: <= 50 ms per diagram cold: ${cold.renderMs / count <= 50 ? 'met' : 'NOT met'}`);
} finally {
	fs.rmSync(cacheDir, { recursive: true, force: true });
}
