/**
 * Writes <out>/sw.js with Workbox's generateSW: one precache of the whole finished site (every page with its inline
 * diagrams, asset, PDF and the Pagefind index), so after one visit everything works with no network.
 *
 * Never a mix of builds. Each entry carries a revision (an MD5 of the file; Astro's fingerprinted /_astro/ files are
 * their own revision), so any change to the site changes sw.js and the browser installs a new worker. That worker
 * downloads the changed entries while the current one keeps serving the pages it precached, then it waits (no
 * skipWaiting) until the reader accepts "New version available — Reload" (src/offline/client/offline-status.ts), which tells
 * it to take over (message SKIP_WAITING) and reloads every open page. A worker whose download fails never activates.
 *
 * Requests to the precache ignore every query parameter: Pagefind asks for `pagefind-entry.json?ts=…`, the search
 * page is `search/?q=…`. A navigation outside the precache goes to the network, and when that fails the offline
 * page answers (src/offline/routes/offline.astro).
 */
import path from 'node:path';
import { generateSW } from 'workbox-build';
import {
	CACHE_PREFIX,
	OFFLINE_MANIFEST_FILE,
	OFFLINE_PAGE,
	OFFLINE_ZIP_FILE,
	SERVICE_WORKER_FILE,
} from './offline-files.ts';

export interface PrecacheEntry {
	/** Absolute path on the site, with the base ("/ops/runbooks/rollback/index.html"). */
	url: string;
	revision: string | null;
	size: number;
}

export interface ServiceWorkerResult {
	entries: PrecacheEntry[];
	warnings: string[];
}

/** Files in the output that are not part of the site a reader browses. */
export const NOT_PRECACHED = [SERVICE_WORKER_FILE, OFFLINE_MANIFEST_FILE, OFFLINE_ZIP_FILE, '_headers', '**/*.map'];

/** Far above any page or asset; a file past it is left out of the precache with a warning, never silently. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function writeServiceWorker(siteDir: string, base: string): Promise<ServiceWorkerResult> {
	let entries: PrecacheEntry[] = [];
	const fallbackURL = `${base}${OFFLINE_PAGE}index.html`;
	const result = await generateSW({
		globDirectory: siteDir,
		globPatterns: ['**/*'],
		globIgnores: NOT_PRECACHED,
		swDest: path.join(siteDir, SERVICE_WORKER_FILE),
		modifyURLPrefix: { '': base },
		dontCacheBustURLsMatching: /\/_astro\//,
		maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
		// Keep what was precached for the report (offline-manifest.json); the manifest itself passes through unchanged.
		manifestTransforms: [
			(manifest) => {
				entries = manifest.map(({ url, revision, size }) => ({ url, revision, size }));
				return { manifest, warnings: [] };
			},
		],
		cacheId: CACHE_PREFIX,
		directoryIndex: 'index.html',
		ignoreURLParametersMatching: [/.*/],
		// The first install takes the open page at once (it was loaded from the same build); later versions wait.
		clientsClaim: true,
		skipWaiting: false,
		cleanupOutdatedCaches: true,
		// One self-contained file: nothing is loaded from another origin or from a second script.
		inlineWorkboxRuntime: true,
		mode: 'production',
		sourcemap: false,
		disableDevLogs: true,
		runtimeCaching: [
			{
				urlPattern: ({ request }) => request.mode === 'navigate',
				handler: 'NetworkOnly',
				options: { precacheFallback: { fallbackURL } },
			},
		],
	});
	if (!entries.some((e) => e.url === fallbackURL))
		throw new Error(`the offline page ${fallbackURL} is not in the precache (src/offline/routes/offline.astro)`);
	return { entries, warnings: result.warnings };
}
