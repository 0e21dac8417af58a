/**
 * Makes sure every requested diagram is in the cache, in both themes: looks each rendering up by key, and renders only
 * the missing ones, in batches, in one browser that is launched only if something is missing (a site without
 * diagrams, or with a warm cache, builds without a browser). Invalid diagrams are collected and reported together,
 * each with the file and line of its block and Mermaid's own message; the valid ones are cached anyway.
 */
import { BrowserNotFoundError } from '../core/browser.ts';
import { ContentError, type ContentProblem } from '../core/errors.ts';
import { hasCachedDiagram, writeCachedDiagram } from './cache.ts';
import { openRenderer, type DiagramRenderer, type FailedDiagram } from './renderer.ts';
import type { DiagramRequest } from './scan.ts';
import { DIAGRAM_THEMES, diagramKey, type DiagramTheme, type KeyParts } from './source.ts';
import { displayPath } from '../core/paths.ts';

/** Diagrams per round trip to the page: large enough to amortise the call, small enough to report progress. */
export const BATCH_SIZE = 25;

export interface PrerenderStats {
	/** Distinct diagrams with at least one variant rendered now. */
	rendered: number;
	/** Distinct diagrams whose variants all came from the cache. */
	cached: number;
	/** Browser launch and Mermaid load, in ms (0 when no browser was needed). */
	startMs: number;
	/** Rendering wall time after start-up, in ms. */
	renderMs: number;
}

export interface PrerenderOptions {
	cacheDir: string;
	parts: KeyParts;
	/** Reuse a renderer (on-demand rendering in `astro dev`); by default one is opened and closed here. */
	renderer?: () => Promise<DiagramRenderer>;
	batchSize?: number;
}

interface Job {
	source: string;
	theme: DiagramTheme;
	key: string;
}

export async function prerenderDiagrams(
	requests: Pick<DiagramRequest, 'source' | 'file' | 'line' | 'contentLine'>[],
	options: PrerenderOptions,
): Promise<PrerenderStats> {
	const sources = [...new Set(requests.map((r) => r.source))];
	const missing: Job[] = [];
	for (const source of sources) {
		for (const theme of DIAGRAM_THEMES) {
			const key = diagramKey(source, theme, options.parts);
			if (!hasCachedDiagram(options.cacheDir, key)) missing.push({ source, theme, key });
		}
	}
	const renderedSources = new Set(missing.map((j) => j.source));
	const stats: PrerenderStats = {
		rendered: renderedSources.size,
		cached: sources.length - renderedSources.size,
		startMs: 0,
		renderMs: 0,
	};
	if (!missing.length) return stats;

	const started = performance.now();
	let renderer: DiagramRenderer;
	try {
		renderer = await (options.renderer ?? openRenderer)();
	} catch (error) {
		if (!(error instanceof BrowserNotFoundError)) throw error;
		const first = requests.find((r) => renderedSources.has(r.source))!;
		error.message = `${renderedSources.size} diagram(s) are not in the cache and need a browser to render (first: ${displayPath(first.file)}:${first.line}).\n${error.message}`;
		throw error;
	}
	stats.startMs = performance.now() - started;

	const failures = new Map<string, FailedDiagram>();
	try {
		const size = options.batchSize ?? BATCH_SIZE;
		const byTheme = (theme: DiagramTheme) => missing.filter((j) => j.theme === theme);
		const renderStarted = performance.now();
		// Light and dark render on their own pages at the same time: two cores, two renderer threads.
		await Promise.all(
			DIAGRAM_THEMES.map(async (theme) => {
				const jobs = byTheme(theme);
				for (let i = 0; i < jobs.length; i += size) {
					const batch = jobs.slice(i, i + size);
					const outcomes = await renderer.render(
						batch.map((j) => j.source),
						theme,
					);
					outcomes.forEach((outcome, n) => {
						const job = batch[n]!;
						if (outcome.ok)
							writeCachedDiagram(options.cacheDir, {
								key: job.key,
								theme,
								svg: outcome.svg,
								...(outcome.model ? { model: outcome.model } : {}),
								ms: Math.round(outcome.ms),
							});
						else failures.set(job.source, outcome);
					});
				}
			}),
		);
		stats.renderMs = performance.now() - renderStarted;
	} finally {
		if (!options.renderer) await renderer.close();
	}

	if (failures.size) {
		const problems: ContentProblem[] = requests
			.filter((r) => failures.has(r.source))
			.map((r) => {
				const failure = failures.get(r.source)!;
				const at =
					failure.line !== undefined
						? ` (diagram line ${failure.line} is file line ${r.contentLine + failure.line - 1})`
						: '';
				return {
					file: r.file,
					line: r.line,
					field: 'diagram',
					message: `Mermaid could not render this diagram${at}:\n${indent(failure.message)}`,
				};
			});
		throw new ContentError(problems);
	}
	return stats;
}

export function formatStats(stats: PrerenderStats): string {
	const timing = stats.rendered
		? ` (browser start ${(stats.startMs / 1000).toFixed(1)} s, ${Math.round(stats.renderMs / stats.rendered)} ms per diagram, light and dark)`
		: '';
	return `diagrams: ${stats.rendered} rendered, ${stats.cached} from cache${timing}`;
}

function indent(text: string): string {
	return text
		.trim()
		.split('\n')
		.map((l) => `      ${l}`)
		.join('\n');
}
