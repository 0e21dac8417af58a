/**
 * Builds the Pagefind search index as the last step of `astro build`, so `npm run build` is the only command: the
 * finished HTML is indexed and the index is written to <out>/pagefind/, served from the site's own origin.
 *
 * What gets indexed is decided by the pages: document pages mark their article `data-pagefind-body` (pages without
 * it are not indexed) and mark chrome `data-pagefind-ignore`; filters and weights are attributes there too
 * (src/shell/routes/[...id].astro). Each page goes to Pagefind through addHTMLFile rather than addDirectory, because the
 * indexer's copy needs two adjustments Pagefind cannot be configured to make (src/search/search-html.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
// Importing starts nothing: Pagefind's indexing binary is spawned on the first createIndex() call.
import * as pagefind from 'pagefind';
import { alertTargets, type DocHeadings } from '../alerts/alert-targets.ts';
import { SEARCH_BUNDLE_DIR } from '../core/search-bundle.ts';
import { builtFiles, folderBytes, pagePathOf } from '../core/site-files.ts';
import { indexableHtml, pageOutline } from './search-html.ts';

/** Pages read (and sent to the indexer) at once: keeps its input queue full without holding every page in memory. */
const CONCURRENCY = 8;

/** Writes the Pagefind index of the built site in `site` into <site>/pagefind/. */
export async function writeSearchIndex(
	site: string,
	alertNames: string[],
	logger: AstroIntegrationLogger,
): Promise<void> {
	const started = performance.now();
	const outputPath = path.join(site, SEARCH_BUNDLE_DIR);
	try {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
		if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
		// First pass: which pages are documents, and where each alert's entry is (as the alert routes decide).
		const documents: Array<{ file: string; url: string }> = [];
		const outlines: DocHeadings[] = [];
		await eachConcurrently(builtFiles(site, { ext: '.html' }), async (relative) => {
			const file = path.join(site, relative);
			const html = await fs.promises.readFile(file, 'utf8');
			if (!html.includes('data-pagefind-body')) return;
			// Root-relative: Pagefind's index stores URLs without the base; the client prefixes it (baseUrl).
			const url = pagePathOf(relative);
			documents.push({ file, url });
			outlines.push({ id: url, ...pageOutline(html) });
		});
		const entries = new Map<string, string[]>();
		for (const target of alertTargets(alertNames, outlines).values()) {
			entries.set(target.docId, [...(entries.get(target.docId) ?? []), target.anchor]);
		}
		// Second pass: index each document (read again rather than held: 1000 pages would pin their HTML in memory).
		await eachConcurrently(documents, async ({ file, url }) => {
			const html = await fs.promises.readFile(file, 'utf8');
			const added = await index.addHTMLFile({
				url,
				content: indexableHtml(html, { alertEntries: entries.get(url) ?? [] }),
			});
			if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
		});
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
		removeUnusedUi(outputPath);
		const pages = indexedPageCount(outputPath);
		if (pages === 0) logger.warn('search index is empty: no page carries data-pagefind-body');
		const kb = (folderBytes(outputPath) / 1024).toFixed(0);
		logger.info(`search index: ${pages} pages, ${kb} KB, in ${Math.round(performance.now() - started)} ms`);
	} finally {
		await pagefind.close();
	}
}

/** Runs `task` over `items`, CONCURRENCY at a time; the first failure rejects. */
async function eachConcurrently<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < items.length) await task(items[next++]!);
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

/**
 * Pagefind always writes its ready-made UIs (about 0.5 MB). Opsbook renders results itself (src/search/client/search-ui.ts),
 * so they would only be dead weight in the output and in the offline precache.
 */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

function removeUnusedUi(outputPath: string): void {
	for (const name of builtFiles(outputPath)) if (UNUSED_UI.test(name)) fs.rmSync(path.join(outputPath, name));
}

function indexedPageCount(outputPath: string): number {
	const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
