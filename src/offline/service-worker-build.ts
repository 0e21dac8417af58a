/**
 * Writes <out>/sw.js with Workbox's generateSW: one precache of the finished site (every page with its inline
 * diagrams, asset, PDF and the Pagefind index), so after one visit everything works with no network. A site larger
 * than the precache budget precaches in priority order up to it (precache-priority.ts); every other page and file is
 * saved in a runtime cache when first opened, so what an engineer has visited works offline too.
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
import { createRequire } from 'node:module';
import path from 'node:path';
import {
	CACHE_PREFIX,
	OFFLINE_MANIFEST_FILE,
	OFFLINE_PAGE,
	OFFLINE_ZIP_FILE,
	SERVICE_WORKER_FILE,
} from './offline-files.ts';
import { selectPrecache, type PageFacts, type PrecacheCandidate, type PrecacheSelection } from './precache-priority.ts';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export interface PrecacheEntry {
	/** Absolute path on the site, with the base ("/ops/runbooks/rollback/index.html"). */
	url: string;
	revision: string | null;
	size: number;
}

export interface ServiceWorkerResult {
	entries: PrecacheEntry[];
	/** Left out of the precache for the budget. */
	left: PrecacheEntry[];
	groups: PrecacheSelection<PrecacheCandidate>['groups'];
	warnings: string[];
}

export interface PrecachePlan {
	budgetBytes: number;
	pages: PageFacts;
}

/** Runtime caches: pages and files outside the precache, saved when first opened. */
export const RUNTIME_PAGES_CACHE = `${CACHE_PREFIX}-pages`;
export const RUNTIME_FILES_CACHE = `${CACHE_PREFIX}-files`;

/** Files in the output that are not part of the site a reader browses. */
export const NOT_PRECACHED = [SERVICE_WORKER_FILE, OFFLINE_MANIFEST_FILE, OFFLINE_ZIP_FILE, '_headers', '**/*.map'];

/** Far above any page or asset; a file past it is left out of the precache with a warning, never silently. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function writeServiceWorker(
	siteDir: string,
	base: string,
	plan: PrecachePlan,
): Promise<ServiceWorkerResult> {
	let selection: PrecacheSelection<PrecacheEntry & { sitePath: string }> | undefined;
	const fallbackURL = `${base}${OFFLINE_PAGE}index.html`;
	// Loaded here, not with the integration: Workbox's build tools take 0.5 s to load, which every CLI command paid
	// (loading the integration: 1.66 s before, 0.69 s with this, Playwright and pdf-lib loaded when used).
	// Node's own require, as import() here would go through Vite's module runner, closed by the time the build is done.
	const { generateSW } = createRequire(import.meta.url)('workbox-build') as typeof import('workbox-build');
	const result = await generateSW({
		globDirectory: siteDir,
		globPatterns: ['**/*'],
		globIgnores: NOT_PRECACHED,
		swDest: path.join(siteDir, SERVICE_WORKER_FILE),
		modifyURLPrefix: { '': base },
		dontCacheBustURLsMatching: /\/_astro\//,
		maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
		// The budget: what comes first stays (precache-priority.ts); kept for the report (offline-manifest.json).
		manifestTransforms: [
			(manifest) => {
				const candidates = manifest.map(({ url, revision, size }) => ({
					url,
					revision,
					size,
					sitePath: url.slice(base.length),
				}));
				selection = selectPrecache(candidates, plan.pages, plan.budgetBytes);
				const kept = new Set(selection.kept.map((e) => e.url));
				return { manifest: manifest.filter((e) => kept.has(e.url)), warnings: [] };
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
		// Outside the precache: the network first for pages (a reader online gets the current build), the copy saved
		// at the last visit when it fails, the offline page when there is none. Files (images, PDFs, search fragments
		// of a site whose index did not fit) are served from the saved copy and refreshed behind it. The service
		// worker and the offline manifest are never taken from a cache: they are how a new build is found.
		runtimeCaching: [
			{
				urlPattern: ({ request }) => request.mode === 'navigate',
				handler: 'NetworkFirst',
				options: {
					cacheName: RUNTIME_PAGES_CACHE,
					networkTimeoutSeconds: 5,
					expiration: { maxEntries: 500 },
					precacheFallback: { fallbackURL },
				},
			},
			{
				urlPattern: ({ url, request, sameOrigin }) =>
					sameOrigin && request.method === 'GET' && !/\/(sw\.js|offline-manifest\.json)$/.test(url.pathname),
				handler: 'StaleWhileRevalidate',
				options: { cacheName: RUNTIME_FILES_CACHE, expiration: { maxEntries: 1000 } },
			},
		],
	});
	if (!selection) throw new Error('the service worker build did not list the site files (workbox manifestTransforms)');
	const entries = selection.kept.map(({ url, revision, size }) => ({ url, revision, size }));
	if (!entries.some((e) => e.url === fallbackURL))
		throw new Error(`the offline page ${fallbackURL} is not in the precache (src/offline/routes/offline.astro)`);
	const warnings = [...result.warnings];
	if (selection.overBudget)
		warnings.push(
			`offline: the pages every visit needs are over the precache budget (${mb(plan.budgetBytes)}): precached anyway`,
		);
	const left = selection.left.map(({ url, revision, size }) => ({ url, revision, size }));
	return { entries, left, groups: selection.groups, warnings };
}
