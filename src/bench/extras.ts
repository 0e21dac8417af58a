/**
 * Figures that come from other features' output: the search index size and time to first result (Playwright, in
 * the shared browser), and the offline precache size the build records in offline-manifest.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { folderBytes } from '../core/site-files.ts';
import { SEARCH_BUNDLE_DIR } from '../core/search-bundle.ts';
import { measureSearchTiming } from '../search/timing.ts';
import { OFFLINE_MANIFEST_FILE, type OfflineManifest } from '../offline/offline-files.ts';
import { startStaticServer } from '../core/static-server.ts';

export interface Extras {
	searchIndexBytes?: number;
	precacheBytes?: number;
	precacheGzipBytes?: number;
	precacheFiles?: number;
	searchColdMs?: number;
	searchWarmMs?: number;
	/** Cold again, with no service worker precaching the site meanwhile (a first visit's competition left out). */
	searchColdNoWorkerMs?: number;
}

export async function benchExtras(out: string, options: { search: boolean; query?: string }): Promise<Extras> {
	const extras: Extras = { searchIndexBytes: folderBytes(path.join(out, SEARCH_BUNDLE_DIR)) };
	const manifest = path.join(out, OFFLINE_MANIFEST_FILE);
	if (fs.existsSync(manifest)) {
		const m = JSON.parse(fs.readFileSync(manifest, 'utf8')) as OfflineManifest;
		Object.assign(extras, { precacheBytes: m.bytes, precacheGzipBytes: m.gzipBytes, precacheFiles: m.files });
	}
	if (options.search) {
		const server = await startStaticServer(out);
		try {
			const timing = await measureSearchTiming(server.url, options.query ?? 'rollout', { runs: 5 });
			const query = options.query ?? 'rollout';
			const alone = await measureSearchTiming(server.url, query, { runs: 5, blockServiceWorker: true });
			Object.assign(extras, {
				searchColdMs: timing.coldMedianMs,
				searchWarmMs: timing.warmMedianMs,
				searchColdNoWorkerMs: alone.coldMedianMs,
			});
		} finally {
			await server.close();
		}
	}
	return extras;
}
