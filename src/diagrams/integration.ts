/**
 * Build-time diagrams, step 1 of 2 (step 2 is src/diagrams/remark-diagrams.ts): when Astro starts (after the content
 * check), find every ```mermaid block, resolve its facts, and render the ones not in the cache, in one browser, in
 * batches. Logs "diagrams: N rendered, M from cache". Nothing is written beside the pages: each diagram lives inline in
 * its page, and "Open full size" shows that same SVG full-viewport (src/diagrams/markup.ts).
 * `astro sync`/`astro check` render nothing: they never produce pages.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { ContentError } from '../core/errors.ts';
import type { Facts } from '../facts/schema.ts';
import { diagramCacheDir } from './cache.ts';
import { formatStats, prerenderDiagrams } from './prerender.ts';
import { keyParts } from './renderer.ts';
import { scanDiagrams } from './scan.ts';

export async function diagramsSetup(site: ResolvedConfig, facts: Facts, logger: AstroIntegrationLogger): Promise<void> {
	const scan = scanDiagrams(site.contentDir, facts);
	if (scan.problems.length) throw new ContentError(scan.problems);
	const stats = await prerenderDiagrams(scan.requests, { cacheDir: diagramCacheDir(site.cacheDir), parts: keyParts() });
	logger.info(formatStats(stats));
}
