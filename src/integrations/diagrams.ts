/**
 * Build-time diagrams, step 1 of 2 (step 2 is src/markdown/remark-diagrams.ts): at astro:config:setup (after the
 * content check), find every ```mermaid block, resolve its facts, and render the ones not in the cache, in one browser,
 * in batches. Logs "diagrams: N rendered, M from cache". Nothing is written beside the pages: each diagram lives inline
 * in its page, and "Open full size" shows that same SVG full-viewport (src/utils/diagram-markup.ts).
 * `astro sync`/`astro check` render nothing: they never produce pages.
 */
import type { AstroIntegration } from 'astro';
import { ContentError } from '../utils/content-error.ts';
import { diagramCacheDir } from '../utils/diagram-cache.ts';
import { formatStats, prerenderDiagrams } from '../utils/diagram-prerender.ts';
import { keyParts } from '../utils/diagram-renderer.ts';
import { scanDiagrams } from '../utils/diagram-scan.ts';
import { loadFacts } from '../utils/facts.ts';
import { contentDir } from '../utils/project-paths.ts';

export function diagrams(): AstroIntegration {
	return {
		name: 'opsbook:diagrams',
		hooks: {
			'astro:config:setup': async ({ command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const dir = contentDir();
				const scan = scanDiagrams(dir, loadFacts(dir).facts);
				if (scan.problems.length) throw new ContentError(scan.problems);
				const stats = await prerenderDiagrams(scan.requests, { cacheDir: diagramCacheDir(), parts: keyParts() });
				logger.info(formatStats(stats));
			},
		},
	};
}
