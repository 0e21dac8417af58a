/**
 * Build-time diagrams, step 1 and 3 of 3 (step 2 is src/markdown/remark-diagrams.ts):
 *   - astro:config:setup (after the content check): find every ```mermaid block, resolve its facts, and render the
 *     ones not in the cache, in one browser, in batches. Logs "diagrams: N rendered, M from cache".
 *   - astro:build:done: write each diagram as a standalone SVG file (<out>/diagrams/<key>-<theme>.svg), the target of
 *     the "Open full size" links, with `#anchor` links pointing back at the page the diagram is on (`astro dev`
 *     serves the same files from the cache).
 * `astro sync`/`astro check` render nothing: they never produce pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError } from '../utils/content-error.ts';
import { diagramCacheDir, readCachedDiagram, type CachedDiagram } from '../utils/diagram-cache.ts';
import { STANDALONE_DIR, standaloneName } from '../utils/diagram-markup.ts';
import { formatStats, prerenderDiagrams } from '../utils/diagram-prerender.ts';
import { keyParts, RENDER_TOKEN } from '../utils/diagram-renderer.ts';
import { scanDiagrams, type DiagramRequest } from '../utils/diagram-scan.ts';
import { DIAGRAM_THEMES, diagramKey } from '../utils/diagram-source.ts';
import { finaliseSvg } from '../utils/diagram-svg.ts';
import { loadFacts } from '../utils/facts.ts';
import { contentDir } from '../utils/project-paths.ts';
import { basePath, prefixBase } from '../utils/base-path.ts';

/** Standalone files have no page behind them: give the dark one its own background so it stays readable. */
const STANDALONE_BACKGROUND = { light: '#ffffff', dark: '#0f1115' } as const;

export function diagrams(): AstroIntegration {
	let requests: DiagramRequest[] = [];
	return {
		name: 'opsbook:diagrams',
		hooks: {
			'astro:config:setup': async ({ command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const dir = contentDir();
				const scan = scanDiagrams(dir, loadFacts(dir).facts);
				if (scan.problems.length) throw new ContentError(scan.problems);
				requests = scan.requests;
				const stats = await prerenderDiagrams(requests, { cacheDir: diagramCacheDir(), parts: keyParts() });
				logger.info(formatStats(stats));
			},
			// `astro dev`: the full-size links work too, served straight from the cache.
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((req, res, next) => {
					const match = /\/diagrams\/([0-9a-f]{16})-(light|dark)\.svg$/.exec(req.url?.split('?')[0] ?? '');
					const cache = diagramCacheDir();
					const name = match && fs.existsSync(cache) ? fs.readdirSync(cache).find((f) => f.startsWith(match[1]!) && f.endsWith('.json')) : undefined;
					const entry = name ? readCachedDiagram(cache, name.slice(0, -'.json'.length)) : undefined;
					if (!entry) return next();
					res.setHeader('content-type', 'image/svg+xml');
					res.end(standaloneSvg(entry, basePath()));
				});
			},
			'astro:build:done': ({ dir, logger }) => {
				const written = writeStandaloneFiles(requests, fileURLToPath(dir));
				if (written) logger.info(`diagrams: ${written} standalone SVG files in ${STANDALONE_DIR}/`);
			},
		},
	};
}

/** One file per rendering; a diagram used on several pages resolves its `#anchor` links against the first. */
function writeStandaloneFiles(requests: DiagramRequest[], outDir: string): number {
	const base = basePath();
	const cache = diagramCacheDir();
	const parts = keyParts();
	const folder = path.join(outDir, STANDALONE_DIR);
	const done = new Set<string>();
	let written = 0;
	for (const request of requests) {
		for (const theme of DIAGRAM_THEMES) {
			const key = diagramKey(request.source, theme, parts);
			if (done.has(key)) continue;
			done.add(key);
			const entry = readCachedDiagram(cache, key);
			if (!entry) continue;
			fs.mkdirSync(folder, { recursive: true });
			fs.writeFileSync(path.join(folder, standaloneName(key, theme)), standaloneSvg(entry, base, prefixBase(`/${request.docId}/`, base)));
			written++;
		}
	}
	return written;
}

/** A diagram as a file of its own: XML prolog, its own background, `#anchor` links pointing at its page. */
function standaloneSvg(entry: CachedDiagram, base: string, page?: string): string {
	const svg = finaliseSvg(entry.svg, {
		token: RENDER_TOKEN,
		id: `diagram-${entry.theme}`,
		base,
		...(page ? { anchorsOn: page } : {}),
		rootStyle: `background-color: ${STANDALONE_BACKGROUND[entry.theme]}`,
	});
	return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
